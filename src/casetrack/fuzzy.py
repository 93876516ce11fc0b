"""Closest-match suggestions for names and ids ("did you mean ...?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def closest(
    wanted: str, keys: Mapping[str, Iterable[str]], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """The ids whose id or any other key (name, alias, part of the id) best resembles `wanted`.

    `keys` maps each id to the extra strings it may be known by.
    """
    target = wanted.casefold()
    scored: list[tuple[float, str]] = []
    for rid, extra in keys.items():
        words = {rid.casefold(), *(k.casefold() for k in extra)}
        words |= {
            part for w in list(words) for part in w.replace("-", " ").split() if len(part) > 2
        }
        best = max(difflib.SequenceMatcher(None, target, w).ratio() for w in words)
        if best >= cutoff:
            scored.append((best, rid))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [rid for _, rid in scored[:n]]
