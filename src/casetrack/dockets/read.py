"""The files of one import, read into one Docket.

Several files may make one docket: a CourtListener docket, pages of its entries (in any order),
its parties and its attorneys; or saved PACER pages. Entries are combined by number (unnumbered
ones by date and text), never by their order in the files. Every problem names its file (and the
entry), and nothing is half-read: the first problem stops the import before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from casetrack.datafiles import display_path, read_text
from casetrack.dockets import courtlistener as cl
from casetrack.dockets.model import Docket, DocketError, Entry
from casetrack.errors import UsageError

MAX_BYTES = 32 * 1024 * 1024
SOURCES = ("courtlistener", "pacer")


def read_docket(source: str, paths: list[Path], court: str | None = None) -> Docket:
    """Read every file of one import into one Docket (raises DocketError naming the file)."""
    texts = [(_read(path), display_path(path), path) for path in paths]
    if source == "pacer":
        from casetrack.dockets.pacer import read_page

        dockets = [read_page(text, shown, court) for text, shown, _ in texts]
        merged = dockets[0]
        for other in dockets[1:]:
            _check_same(merged, other)
            merged.entries.extend(other.entries)
            merged.files.extend(other.files)
        merged.entries = _combine(merged.entries)
        return merged
    return _courtlistener(texts, court)


def _read(path: Path) -> str:
    shown = display_path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read this file: {exc.strerror}") from None
    if size > MAX_BYTES:
        raise DocketError(
            f"{shown}: the file is {size / 1024 / 1024:.0f} MB, over the "
            f"{MAX_BYTES // 1024 // 1024} MB an import reads; download the docket in parts "
            "(pages of entries) and import them together"
        )
    text, problems = read_text(path, shown)
    if text is None:
        problem = problems[0]
        error = UsageError if problem.severity == "fatal" else DocketError
        raise error(str(problem))
    return text


def _courtlistener(texts: list[tuple[str, str, Path]], court: str | None) -> Docket:
    docket = Docket(origin="CourtListener")
    entries: list[Entry] = []
    parties: list[dict[str, Any]] = []
    attorneys: dict[int, dict[str, Any]] = {}
    entry_dockets: dict[int, str] = {}  # CourtListener docket id -> the file that names it
    for text, shown, path in texts:
        docket.files.append(shown)
        if path.suffix.lower() == ".csv" or text.lstrip('\ufeff"').startswith("docketentry_"):
            entries.extend(cl.csv_entries(text, shown))
            csv_court, csv_id, csv_date = cl.csv_name_facts(path.name)
            _set(docket, shown, court=csv_court, courtlistener_id=csv_id)
            docket.retrieved = docket.retrieved or csv_date
            continue
        data = _json(text, shown)
        shape = cl.shape_of(data)
        if shape in ("docket", "bulk"):
            _set(docket, shown, **cl.docket_fields(data))
        if shape == "bulk":
            entries.extend(
                cl.entry(e, f"{shown}, entry {e.get('entry_number') or i}")
                for i, e in enumerate(data["docket_entries"], start=1)
                if isinstance(e, dict)
            )
            docket.parties = cl.bulk_parties(data)
        elif shape == "entries":
            for i, item in enumerate(cl.items(data), start=1):
                where = f"{shown}, entry {item.get('entry_number') or i}"
                ident = cl.linked_id(item.get("docket"))
                if ident is not None:
                    entry_dockets.setdefault(ident, where)
                entries.append(cl.entry(item, where))
                stamp = cl.day(item.get("date_modified"))
                if stamp and (docket.retrieved is None or stamp > docket.retrieved):
                    docket.retrieved = stamp
        elif shape == "parties":
            parties.extend(cl.items(data))
        elif shape == "attorneys":
            for a in cl.items(data):
                if isinstance(a.get("id"), int):
                    attorneys[a["id"]] = a
        elif shape is None:
            raise DocketError(
                f"{shown}: not a CourtListener docket, docket-entries, parties or attorneys "
                "response, nor a RECAP docket.json"
            )
    if len(entry_dockets) > 1 or (
        docket.courtlistener_id is not None
        and entry_dockets
        and docket.courtlistener_id not in entry_dockets
    ):
        ident, where = next(
            (i, w) for i, w in entry_dockets.items() if i != docket.courtlistener_id
        )
        raise DocketError(
            f"{where}: the entry belongs to CourtListener docket {ident}, not to docket "
            f"{docket.courtlistener_id or next(iter(entry_dockets))} like the other files"
        )
    if docket.courtlistener_id is None and entry_dockets:
        docket.courtlistener_id = next(iter(entry_dockets))
    if docket.url is None and docket.courtlistener_id is not None:
        docket.url = f"{cl.SITE}/docket/{docket.courtlistener_id}/"
    if parties:
        docket.parties, unnamed = cl.api_parties(parties, attorneys, docket.courtlistener_id)
        if unnamed:
            docket.notes.append(
                f"{unnamed} attorney{'s' if unnamed != 1 else ''} named only by id: import the "
                "docket's attorneys response too to name them"
            )
    if court:
        docket.court = court
    docket.entries = _combine(entries)
    return docket


def _json(text: str, shown: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocketError(f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise DocketError(f"{shown}: not valid JSON: nested too deeply") from None


def _set(docket: Docket, shown: str, **fields: Any) -> None:
    """Fill the docket's fields; a second file naming another docket is an error."""
    from casetrack.dockets.numbers import docket_key

    for name, value in fields.items():
        if value is None:
            continue
        current = getattr(docket, name)
        if current is None:
            setattr(docket, name, value)
        elif name == "number" and docket_key(current) != docket_key(value):
            raise DocketError(f"{shown}: docket {value}, but the other files are docket {current}")
        elif name == "courtlistener_id" and current != value:
            raise DocketError(
                f"{shown}: CourtListener docket {value}, but the other files are docket {current}"
            )


def _check_same(a: Docket, b: Docket) -> None:
    from casetrack.dockets.numbers import docket_key

    if docket_key(a.number) != docket_key(b.number) or a.court != b.court:
        raise DocketError(
            f"{b.files[0]}: docket {b.number} ({b.court}), but {a.files[0]} is docket "
            f"{a.number} ({a.court})"
        )


def _combine(entries: list[Entry]) -> list[Entry]:
    """One entry per number (documents joined); unnumbered ones once per date and text.

    The same number with different text is an error: two copies of the docket disagree.
    """
    numbered: dict[int, Entry] = {}
    unnumbered: dict[tuple[str, str], Entry] = {}
    for e in entries:
        if e.number is None:
            unnumbered.setdefault((e.date, e.text), e)
            continue
        seen = numbered.get(e.number)
        if seen is None:
            numbered[e.number] = e
        elif seen.text != e.text or seen.date != e.date:
            raise DocketError(
                f"{e.where}: ECF {e.number} is given twice with different "
                f"{'text' if seen.text != e.text else 'dates'} (also in {seen.where}); import "
                "one copy of the docket"
            )
        else:
            docs = {(d.attachment, d.url): d for d in (*seen.documents, *e.documents)}
            numbered[e.number] = Entry(
                seen.number,
                seen.date,
                seen.text,
                tuple(sorted(docs.values(), key=lambda d: (d.attachment or 0, d.url))),
                seen.where,
                seen.sequence,
            )
    combined = [*numbered.values(), *unnumbered.values()]
    combined.sort(key=lambda e: (e.date, e.sequence, e.number if e.number is not None else -1))
    return combined


def today() -> str:
    return dt.date.today().isoformat()
