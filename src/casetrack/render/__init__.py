"""Renderers: they build and return data (JSON-shaped dicts, table rows) or rich renderables;
only the commands print. `records` is the JSON contract, `rows` the flat CSV / Markdown form,
`terminal` the rich layout."""
