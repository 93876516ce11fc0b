"""Docket numbers: one way to tell whether two numbers name the same case.

Federal courts write a case number as `office:year-type-serial`, often with the judge's initials
(and, in criminal cases, a defendant number) after it: `1:24-cv-10049-LJL`, `1:24-cv-10049 (LJL)`
and `1:24-cv-10049` are one case, and so are `1:24-cv-449` and `1:24-cv-00449`. `docket_key`
reduces such a number to `1:24-cv-10049`; a number in any other form (a state court's, an appeal's)
is compared as written, ignoring case and spacing. Used by `import` and by every `--case` lookup.
"""

from __future__ import annotations

import re

from casetrack.characters import fold

_FEDERAL = re.compile(
    r"^\s*(?:(?P<office>\d{1,2})\s*:\s*)?(?P<year>\d{2}|\d{4})\s*-\s*(?P<type>[a-z]{1,4})\s*-\s*"
    r"(?P<serial>\d{1,6})(?P<rest>(?:\s*-\s*[a-z0-9]+)*\s*(?:\([a-z0-9 ,/-]*\))?)\s*$",
    re.IGNORECASE | re.ASCII,
)


def docket_key(text: str | None) -> str | None:
    """The number reduced to what identifies the case, or None for empty text.

    `1:24-cv-10049-LJL` -> `1:24-cv-10049`; `1:24-CV-449` -> `1:24-cv-00449`; a number that is not
    federal-style comes back case-folded with its spacing collapsed.
    """
    if text is None:
        return None
    folded = fold(text)  # as every lookup compares: full-width digits are digits
    m = _FEDERAL.match(folded)
    if m is None:
        return folded or None
    year = m["year"][-2:]
    serial = m["serial"].zfill(5)
    office = f"{int(m['office'])}:" if m["office"] else ""
    return f"{office}{year}-{m['type'].lower()}-{serial}"


def same_docket(a: str | None, b: str | None) -> bool:
    """Whether two docket numbers name the same case (`24-cv-10049` matches `1:24-cv-10049`)."""
    ka, kb = docket_key(a), docket_key(b)
    if ka is None or kb is None:
        return False
    if ka == kb:
        return True
    # One written without the office number ("24-cv-10049"): compare the rest.
    return (
        ":" in ka + kb
        and ka.split(":")[-1] == kb.split(":")[-1]
        and (":" not in ka or ":" not in kb)
    )


def docket_slug(text: str) -> str:
    """The number as a file-name and id part: `1:24-cv-10049-LJL` -> `1-24-cv-10049`."""
    key = docket_key(text) or "docket"
    slug = re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-")
    return slug or "docket"
