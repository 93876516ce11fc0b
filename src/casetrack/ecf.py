"""ECF numbers as every output writes them, and as people type them.

One place for the wording: "ECF 45" in the terminal and in text, "ECF No. 45" in documents (the
form briefs cite), and the thread marks "→ ECF 45" (answers or refers to) and "rules on ECF 45".
Pure text in, text out; each renderer escapes for its own format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from casetrack.characters import fold

_TYPED = re.compile(
    r"^\s*(?:ecf|dkt\.?|docket|doc\.?)\s*(?:no\.?|#)?\s*(\d{1,7})\s*$", re.IGNORECASE | re.ASCII
)


def ecf(number: int) -> str:
    """'ECF 45'."""
    return f"ECF {number}"


def ecf_no(number: int) -> str:
    """'ECF No. 45', as a brief cites a docket entry."""
    return f"ECF No. {number}"


def typed_ecf(text: str) -> int | None:
    """The number in 'ECF 45', 'ECF No. 45', 'Dkt. 45', 'ecf45'; None for any other text."""
    m = _TYPED.match(fold(text))  # typed, so looked up as every name is: "ＥＣＦ ４５" too
    return int(m.group(1)) if m else None


def thread_marks(
    responds_to: Iterable[str], decides: Iterable[str], label: dict[str, str], long: bool = False
) -> str:
    """'→ ECF 3, ECF 7' for what an entry answers, '→ rules on ECF 3' for what it decides.

    `label` gives each filing id its 'ECF n' wording (a filing without a number keeps its id).
    """
    parts = []
    answered = [label.get(i, i) for i in responds_to]
    ruled = [label.get(i, i) for i in decides]
    if answered:
        parts.append(("responds to " if long else "→ ") + ", ".join(answered))
    if ruled:
        parts.append(("rules on " if long else "→ rules on ") + ", ".join(ruled))
    return "; ".join(parts) if long else " ".join(parts)
