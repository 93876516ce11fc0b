"""Court dockets into a dataset: `casetrack import`.

readers (courtlistener, pacer) -> one Docket (model) -> plan (merged with the dataset folder's
docket file, by the rules in plan.py) -> one file written atomically (yamlout, atomic).
"""
