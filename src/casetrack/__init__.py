"""casetrack: keep the chronology of a lawsuit in plain YAML and ask it questions."""

__version__ = "0.1.0"
