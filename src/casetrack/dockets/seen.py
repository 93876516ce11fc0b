"""What the importer remembers: the entries it has imported, written on the docket's source.

`entries: 1-312, 315; unnumbered 2019-04-29 (2), 2019-05-02` means ECF 1 to 312 and 315, two
unnumbered entries of 29 April 2019 and one of 2 May. An entry it remembers but cannot find in the
file was removed by hand, and is not brought back; deleting its number here brings it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s*\((\d+)\))?", re.ASCII)


@dataclass
class Seen:
    numbers: set[int] = field(default_factory=set)
    unnumbered: dict[str, int] = field(default_factory=dict)  # date -> how many

    def text(self) -> str | None:
        parts = []
        if self.numbers:
            parts.append(_ranges(self.numbers))
        if self.unnumbered:
            days = ", ".join(
                d if n == 1 else f"{d} ({n})" for d, n in sorted(self.unnumbered.items())
            )
            parts.append(f"unnumbered {days}")
        return "; ".join(parts) or None


def parse(text: str | None) -> Seen:
    """The remembered entries; text it cannot read counts as nothing remembered."""
    seen = Seen()
    for part in (text or "").split(";"):
        part = part.strip()
        if part.startswith("unnumbered"):
            for m in _DAY.finditer(part):
                seen.unnumbered[m.group(1)] = int(m.group(2) or 1)
            continue
        for item in part.split(","):
            bounds = [b.strip() for b in item.replace("–", "-").split("-")]
            if len(bounds) == 1 and bounds[0].isdigit():
                seen.numbers.add(int(bounds[0]))
            elif len(bounds) == 2 and all(b.isdigit() for b in bounds):
                low, high = int(bounds[0]), int(bounds[1])
                if high - low <= 1_000_000:
                    seen.numbers.update(range(low, high + 1))
    return seen


def _ranges(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    parts: list[str] = []
    start = prev = ordered[0]
    for n in ordered[1:]:
        if n != prev + 1:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
            start = n
        prev = n
    parts.append(str(start) if start == prev else f"{start}-{prev}")
    return ", ".join(parts)
