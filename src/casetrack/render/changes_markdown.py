"""A diff as Markdown, ready to paste into a pull request or a newsletter: the report's words
with data escaped, so a title holding `*`, `<script>` or `[x](y)` shows as written. No rich."""

from __future__ import annotations

from casetrack.render.changes import Item, Line, Report
from casetrack.render.flat import markdown_text


def inline(line: Line) -> str:
    """A line of segments: taken-out words struck through, put-in words in bold."""
    out = []
    for role, text in line:
        if role == "del" and text.strip():
            out.append(f"~~{markdown_text(text)}~~")
        elif role == "ins" and text.strip():
            out.append(f"**{markdown_text(text)}**")
        else:
            out.append(markdown_text(text) if text.strip() else text)
    return "".join(out)


def markdown(report: Report) -> str:
    """The whole report: a heading, the counts, what changed in the case, then each type."""
    lines = [f"## {markdown_text(report.title)}", "", markdown_text(report.summary), ""]
    if report.developments:
        lines += ["### What changed in the case", ""]
        for group in report.developments:
            lines += [f"**{markdown_text(group.title)}**", ""]
            lines += [f"- {inline(item.text)}" for item in group.items]
            lines.append("")
    for group in report.records:
        lines += [f"### {markdown_text(group.title)}", ""]
        for item in group.items:
            lines += _record(item)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _record(item: Item) -> list[str]:
    head = [f"**{item.change}**"]
    if item.date:
        head.append(markdown_text(item.date))
    head.append(inline(item.text))
    head.append(f"`{item.ref}`")
    out = ["- " + " · ".join(head)]
    out.extend(f"  - `{name}`: {inline(words)}" for name, words in item.details)
    return out
