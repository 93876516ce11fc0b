"""Closest-match suggestions for names and ids ("did you mean ...?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from casetrack.characters import fold


def closest(
    wanted: str, keys: Mapping[str, Iterable[str]], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """The ids whose id or any other key (name, alias, part of the id) best resembles `wanted`.

    `keys` maps each id to the extra strings it may be known by.
    """
    target = fold(wanted)
    scored: list[tuple[float, str]] = []
    for rid, extra in keys.items():
        words = {fold(rid), *(fold(k) for k in extra)}
        words |= {
            part for w in list(words) for part in w.replace("-", " ").split() if len(part) > 2
        }
        best = 0.0
        for w in words:
            # The quick ratios are upper bounds of ratio(): most words are ruled out by them, as
            # in difflib.get_close_matches (thousands of unknown ids in a large dataset otherwise
            # take minutes).
            m = difflib.SequenceMatcher(None, target, w)
            floor = max(best, cutoff)
            if m.real_quick_ratio() >= floor and m.quick_ratio() >= floor:
                best = max(best, m.ratio())
        if best >= cutoff:
            scored.append((best, rid))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [rid for _, rid in scored[:n]]
