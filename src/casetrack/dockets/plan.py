"""Merge a docket into the dataset folder's docket file: what to write, and a report of it.

Who owns which field. The importer owns what the court writes, and rewrites it from the docket
on every import: a filing's `case`, `date`, `docket_entry`, `docket_text` and `documents`; the
case's `docket`, `court`, `judge`, `filed`, `terminated`, `nature_of_suit` and `cause`, and its
parties' roles and counsel (added, never removed); the docket source's `url`, `retrieved` and
`entries`. Everything else is the person's. The importer fills in a new filing's `kind`, `title`,
`filed_by`, `responds_to` and `decides` from its docket text, and later follows a change in the
text only for a field still as it would have filled it in; a field someone changed stays as they
wrote it. Records, fields and files the importer did not make are never changed; an entry
removed by hand is not brought back (the report says so).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casetrack import yamlsafe
from casetrack.datafiles import display_path
from casetrack.dataset import Dataset
from casetrack.dockets import seen as seen_mod
from casetrack.dockets.courts import court_name
from casetrack.dockets.merge import merge_filings
from casetrack.dockets.model import Docket, DocketError, Entry
from casetrack.dockets.numbers import docket_key, docket_slug, same_docket
from casetrack.dockets.parties import Parties, kind_of_party, role_of
from casetrack.dockets.yamlout import dump, ordered
from casetrack.modeling import dump as dump_record
from casetrack.models import Case
from casetrack.vocabulary import SECTION_NAMES

SCHEMA_FILE = "casetrack.schema.json"


@dataclass
class Report:
    """What an import did (or would do), for the command to print."""

    number: str
    path: Path
    shown: str
    case_id: str
    case_file: str | None = None  # where a case written by hand lives
    parties: int = 0
    counsel: int = 0
    entries: list[Entry] = field(default_factory=list)
    new: list[Entry] = field(default_factory=list)
    changed: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    elsewhere: list[tuple[Entry, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    produced: list[tuple[str, dict[str, Any]]] = field(
        default_factory=list
    )  # records made or changed
    text: str = ""
    old_text: str | None = None
    schema: str | None = None  # the schema file's text, when it is to be written too

    @property
    def writes(self) -> bool:
        return self.text != self.old_text


def plan(docket: Docket, dataset: Dataset, root: Path, case_hint: str | None) -> Report:
    """Everything an import will write, without writing it."""
    case = _find_case(docket, dataset, case_hint)
    number = docket.number or (case.docket if case else None)
    if number is None:
        raise DocketError(
            f"{', '.join(docket.files)}: these files hold no docket number; say which case the "
            "entries belong to with --case (or import the docket's own JSON with them)"
        )
    if case is None:
        slug = docket_slug(number)
        case_id = _free(f"{docket.court}-{slug}" if docket.court else f"case-{slug}", dataset)
    else:
        case_id = case.id
    source_id = f"{case_id}-docket"
    path = _docket_path(dataset, root, case_id, source_id, number)
    report = Report(
        number=docket_key(number) or number, path=path, shown=display_path(path), case_id=case_id
    )
    raw, report.old_text = _raw(path, report.shown, dataset)
    if report.old_text is not None and _has_comments(report.old_text):
        report.notes.append(f"comments in {report.shown} are not kept when it is rewritten")
    # Records are changed by assigning new values to their keys, never in place: a shallow copy
    # of each is enough to tell afterwards whether anything changed.
    before = {name: [dict(r) for r in records] for name, records in raw.items()}
    taken = set(dataset.origins) | dataset.invalid_ids
    parties = Parties(dataset, taken, source_id)

    source = _source(raw, docket, source_id, number, case.caption if case else None)
    seen = seen_mod.parse(source.get("entries"))
    judge_id = parties.get(docket.judge, "judge") if docket.judge else None
    court_id = None
    if docket.court:
        court_id = parties.get(
            court_name(docket.court), "court", aliases=(docket.court,), wanted_id=docket.court
        )
    roles = _roles(docket, parties)
    report.parties = len(docket.parties)
    report.counsel = len({a.name for p in docket.parties for a in p.attorneys})

    if case is None or _record(raw, "cases", case_id) is not None:
        case_record = _record(raw, "cases", case_id) or {"id": case_id}
        _update_case(case_record, docket, number, court_id, judge_id, roles, source_id)
        _put(raw, "cases", case_record)
        report.produced.append(("cases", case_record))
    else:
        report.case_file = dataset.origins[case_id].path

    merge_filings(raw, dataset, docket, report, parties, seen, case_id, source_id, judge_id)
    source["entries"] = seen.text()
    # A newer copy of an unchanged docket changes nothing: its retrieval date alone is no reason
    # to rewrite the file.
    source["retrieved"] = source.get("retrieved") or docket.retrieved
    _put(raw, "sources", ordered("sources", source))
    for record in parties.made.values():
        _put(raw, "parties", record)
        report.produced.append(("parties", record))
    report.produced.append(("sources", source))
    report.notes.extend(docket.notes)
    header = _header(path, root, number)
    if report.old_text is not None and raw == before:
        report.text = report.old_text  # nothing changed: no need to write the text again
        return _finish(report, root)
    report.text = dump(header, _sections(raw))
    if report.text != report.old_text and docket.retrieved:
        source["retrieved"] = docket.retrieved
        _put(raw, "sources", ordered("sources", source))
        report.text = dump(header, _sections(raw))
    return _finish(report, root)


def _finish(report: Report, root: Path) -> Report:
    if report.old_text is None and not (root / SCHEMA_FILE).exists():
        from casetrack.export.schema import render_schema

        report.schema = render_schema()
    return report


def _find_case(docket: Docket, dataset: Dataset, hint: str | None) -> Case | None:
    if hint is not None:
        from casetrack.lookup import find_case

        case = find_case(dataset, hint)
        if docket.number and case.docket and not same_docket(docket.number, case.docket):
            raise DocketError(
                f"{docket.files[0]} is the docket of {docket.number}, not of {case.caption} "
                f"({case.docket}), the case --case names"
            )
        return case
    if docket.number is None:
        return None
    matches = [c for c in dataset.cases.values() if same_docket(c.docket, docket.number)]
    if len(matches) > 1:
        listed = ", ".join(f"{c.id} ({c.docket})" for c in matches)
        raise DocketError(
            f"docket {docket.number} matches {len(matches)} cases: {listed}; choose one with --case"
        )
    return matches[0] if matches else None


def _free(wanted: str, dataset: Dataset) -> str:
    out, n = wanted, 2
    while out in dataset.origins or out in dataset.invalid_ids:
        out = f"{wanted}-{n}"
        n += 1
    return out


def _docket_path(dataset: Dataset, root: Path, case_id: str, source_id: str, number: str) -> Path:
    """The file the docket lives in: where its source already is, else `docket-<number>.yaml`."""
    origin = dataset.origins.get(source_id)
    if origin is not None and dataset.root is not None:
        for shown in (origin.path,):
            candidate = Path(shown)
            if candidate.exists():
                return candidate
    path = root / f"docket-{docket_slug(number)}.yaml"
    if path.exists():
        return root / f"docket-{case_id}.yaml"
    return path


def _raw(
    path: Path, shown: str, dataset: Dataset
) -> tuple[dict[str, list[dict[str, Any]]], str | None]:
    """The docket file's records as plain data, with the fields their writer set.

    Taken from the loaded dataset (each record where its file put it) rather than parsed again:
    the loader has just read and checked that file.
    """
    raw: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTION_NAMES}
    if not path.exists():
        return raw, None
    text = path.read_text(encoding="utf-8")
    placed: dict[str, list[tuple[int, dict[str, Any]]]] = {name: [] for name in SECTION_NAMES}
    for rid, origin in dataset.origins.items():
        if origin.path == shown:
            record = dataset.section(origin.section)[rid]
            placed[origin.section].append((origin.index, dump_record(record, exclude_unset=True)))
    for name, items in placed.items():
        raw[name] = [record for _, record in sorted(items, key=lambda item: item[0])]
    if not any(raw.values()) and yamlsafe.parse(text).data:
        raise DocketError(f"{shown} cannot be read; run casetrack validate")
    return raw, text


def _has_comments(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()]
    return any(line.startswith("#") for line in lines[_HEADER_LINES:])


_HEADER_LINES = 7


def _header(path: Path, root: Path, number: str) -> list[str]:
    schema = os.path.relpath(root / SCHEMA_FILE, path.parent).replace(os.sep, "/")
    if not schema.startswith("."):
        schema = "./" + schema
    return [
        f"yaml-language-server: $schema={schema}",
        "",
        f"Docket {docket_key(number) or number}, written by `casetrack import`. Importing it again",
        "adds new entries and updates what the court wrote (date, docket_entry, docket_text,",
        "documents); what you write here (titles, kinds, summaries, notes, ...) is kept.",
        "Comments are not kept.",
    ]


def _record(raw: dict[str, list[dict[str, Any]]], section: str, rid: str) -> dict[str, Any] | None:
    return next((r for r in raw[section] if isinstance(r, dict) and r.get("id") == rid), None)


def _put(raw: dict[str, list[dict[str, Any]]], section: str, record: dict[str, Any]) -> None:
    records = raw[section]
    for i, r in enumerate(records):
        if isinstance(r, dict) and r.get("id") == record["id"]:
            records[i] = ordered(section, record)
            return
    records.append(ordered(section, record))


def _sections(raw: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [ordered(name, r) if isinstance(r, dict) else r for r in raw[name]] for name in raw
    }


def _source(
    raw: dict[str, list[dict[str, Any]]],
    docket: Docket,
    sid: str,
    number: str,
    caption: str | None,
) -> dict[str, Any]:
    record = _record(raw, "sources", sid)
    if record is None:
        caption = docket.caption or caption or "the case"
        record = {
            "id": sid,
            "kind": "docket",
            "title": f"Docket of {caption}, No. {number}",
            "outlet": docket.origin
            if docket.court is None
            else f"{docket.origin} ({docket.court})",
        }
    record = dict(record)
    if docket.url:
        record["url"] = docket.url
    return record


def _roles(docket: Docket, parties: Parties) -> list[dict[str, Any]]:
    """The case's parties: one role per docket party type, with counsel."""
    out = []
    for p in docket.parties:
        pid = parties.get(p.name, kind_of_party(p.name))
        counsel = [
            parties.get(a.name, "counsel", f"Attorney, {a.firm}" if a.firm else "Attorney")
            for a in p.attorneys
        ]
        for party_type in p.types or ("",):
            role = role_of(party_type)
            entry: dict[str, Any] = {"party": pid, "role": role}
            if counsel:
                entry["counsel"] = list(dict.fromkeys(counsel))
            if role == "other" and party_type:
                entry["note"] = f"{party_type} on the docket"
            out.append(entry)
    return out


def _update_case(
    record: dict[str, Any],
    docket: Docket,
    number: str,
    court_id: str | None,
    judge_id: str | None,
    roles: list[dict[str, Any]],
    source_id: str,
) -> None:
    record.setdefault("caption", docket.caption or f"Case {number}")
    record["docket"] = number
    for key, value in (
        ("court", court_id),
        ("judge", judge_id),
        ("filed", docket.filed),
        ("terminated", docket.terminated),
        ("nature_of_suit", docket.nature_of_suit),
        ("cause", docket.cause),
    ):
        if value:
            record[key] = value
    existing = [dict(r) for r in record.get("parties") or [] if isinstance(r, dict)]
    for role in roles:
        same = next(
            (
                r
                for r in existing
                if r.get("party") == role["party"] and r.get("role") == role["role"]
            ),
            None,
        )
        if same is None:
            existing.append({**role, "sources": [source_id]})
            continue
        counsel = list(dict.fromkeys([*(same.get("counsel") or []), *role.get("counsel", [])]))
        if counsel:
            same["counsel"] = counsel
    record["parties"] = [
        {k: r[k] for k in ("party", "role", "counsel", "note", "sources") if r.get(k)}
        | {k: v for k, v in r.items() if k not in ("party", "role", "counsel", "note", "sources")}
        for r in existing
    ]
    sources = list(record.get("sources") or [])
    if source_id not in sources:
        sources.append(source_id)
    record["sources"] = sources
