"""Writing a dataset file: the same data always gives the same text, and it reads back exactly.

The output is for people too: two-space indents, one record after another, lists of ids on one
line, long text folded at the page width (`>-`). Every value is text to casetrack's reader, and is
written so that other YAML readers (editors, yaml-language-server) see text as well: words such
as `no` or `on`, numbers, `1:24`, leading `-` or `#`, `: ` inside, quotes and unicode are quoted
or folded as needed. Dates (`2024-12-20`) and whole numbers given as int stay bare.
"""

from __future__ import annotations

import functools
import re
from typing import Any

WIDTH = 98
# Plain (unquoted) text: starts with a letter, then nothing YAML gives a meaning to.
_PLAIN = re.compile(r"[^\W\d_][\w .,;()/&'+?!$%~=<>@*-]*")
_RESERVED = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "nan", "inf", ".nan", ".inf"]
)  # YAML 1.1 words
_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?[~?%]?(/\d{4}(-\d{2}(-\d{2})?)?[~?%]?)?")
_URL = re.compile(r"https?://[\w.,/?=&%+~@!$;()*'-]+(:\d+)?[\w.,/?=&%+~@!$;()*'-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}
# Backslash, quote and every character casetrack's reader refuses written raw.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')


# The order of each record's keys as casetrack writes them: these first, then any others, then
# TAIL.
ORDER = {
    "sources": [
        "id",
        "kind",
        "title",
        "outlet",
        "author",
        "published",
        "retrieved",
        "entries",
        "url",
        "file",
        "notes",
    ],
    "cases": [
        "id",
        "caption",
        "short_name",
        "court",
        "docket",
        "judge",
        "filed",
        "terminated",
        "nature_of_suit",
        "cause",
        "date_note",
        "parties",
        "relations",
        "summary",
    ],
    "filings": [
        "id",
        "case",
        "date",
        "date_note",
        "docket_entry",
        "kind",
        "title",
        "summary",
        "filed_by",
        "responds_to",
        "decides",
        "docket_text",
        "documents",
    ],
}
TAIL = ("unconfirmed", "discrepancies", "notes", "sources")


def ordered(section: str, record: dict[str, Any]) -> dict[str, Any]:
    """The record's keys in the order casetrack writes them; empty values left out."""
    head = ORDER.get(section, ["id"])
    keys = [k for k in head if k in record]
    keys += [k for k in record if k not in head and k not in TAIL]
    keys += [k for k in TAIL if k in record]
    return {k: record[k] for k in keys if record[k] not in (None, [], "")}


def _escape(ch: str) -> str:
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def scalar(value: Any) -> str:
    """One value as YAML text (for a short value on its key's line)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _text(str(value))


@functools.lru_cache(maxsize=1 << 14)
def _text(text: str) -> str:
    if _DATE.fullmatch(text) or _URL.fullmatch(text):
        return text
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith(" ")
        and text.casefold() not in _RESERVED
        and " #" not in text
    ):
        return text
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _escape(m.group()), text) + '"'


def _foldable(text: str) -> bool:
    """Text a folded block (`>-`) gives back exactly: single spaces, no line breaks or tabs."""
    return (
        " " in text
        and text == " ".join(text.split(" "))
        and "  " not in text
        and not _NEEDS_ESCAPE.search(text.replace("\\", "").replace('"', ""))
        and text[0] != " "
        and text[-1] != " "
    )


def _folded(text: str, indent: int) -> list[str]:
    """Lines of a `>-` block: words joined up to the width; a break stands for one space."""
    room = max(40, WIDTH - indent)
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [" " * indent + x for x in lines]


def _value_lines(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key}: []"]
        if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            flow = f"{pad}{key}: [{', '.join(scalar(v) for v in value)}]"
            if len(flow) <= WIDTH and all(
                isinstance(v, int) or (scalar(v) == v and "," not in str(v)) for v in value
            ):
                return [flow]
            return [f"{pad}{key}:"] + [f"{pad}  - {scalar(v)}" for v in value]
        out = [f"{pad}{key}:"]
        for item in value:
            out.extend(item_lines(item, indent + 2))
        return out
    if isinstance(value, dict):
        out = [f"{pad}{key}:"]
        for k, v in value.items():
            out.extend(_value_lines(k, v, indent + 2))
        return out
    text = scalar(value)
    if isinstance(value, str) and len(pad) + len(key) + 2 + len(text) > WIDTH and _foldable(value):
        return [f"{pad}{key}: >-", *_folded(value, indent + 2)]
    return [f"{pad}{key}: {text}"]


def item_lines(item: Any, indent: int) -> list[str]:
    """One item of a block list (`- key: value` and its other keys below)."""
    pad = " " * indent
    if not isinstance(item, dict) or not item:
        return [f"{pad}- {scalar(item) if not isinstance(item, dict) else '{}'}"]
    lines: list[str] = []
    for i, (k, v) in enumerate(item.items()):
        inner = _value_lines(k, v, indent + 2)
        if i == 0:
            inner[0] = f"{pad}- " + inner[0][indent + 2 :]
        lines.extend(inner)
    return lines


def dump(header: list[str], sections: dict[str, list[dict[str, Any]]]) -> str:
    """A whole file: comment lines, then each non-empty section, a blank line between records."""
    lines = [f"# {h}" if h else "#" for h in header]
    for name, records in sections.items():
        if not records:
            continue
        if lines:
            lines.append("")
        lines.append(f"{name}:")
        for i, record in enumerate(records):
            if i:
                lines.append("")
            lines.extend(item_lines(record, 2))
    return "\n".join(lines) + "\n"
