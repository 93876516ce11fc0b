"""CSV text (RFC 4180, `\\r\\n` line ends, a header row), every cell cleaned of what no output
may hold and defused against spreadsheet formulas; written a part at a time for long outputs."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence

from casetrack.characters import clean

__all__ = ["csv_parts", "csv_text", "defuse"]


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV (RFC 4180, `\\r\\n` line ends) with a header row; every cell cleaned and defused."""
    return "".join(csv_parts(header, rows))


def csv_parts(header: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """`csv_text` a part (a thousand rows) at a time."""
    import csv
    import itertools

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, 1000)):
        writer.writerows([defuse(clean(c)) for c in row] for row in chunk)
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()  # the header alone, when there are no rows


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    """A CSV cell that a spreadsheet would run as a formula, with a leading apostrophe so it is
    shown as the text it is."""
    return "'" + text if text.startswith(_FORMULA_START) else text
