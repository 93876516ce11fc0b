"""The JSON contract of `casetrack diff` (documented in the README, "JSON output"): fields are
only ever added. Ids are ids; record dates are ISO 8601 at their own precision; a changed field's
`old` and `new` are its values as written in the data files (dates in EDTF); `text` is the change
in casetrack's words, as the table and Markdown show it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casetrack.diff import Diff, RecordChange, record_date
from casetrack.render.changes import development_items, field_words, plain
from casetrack.render.records import discrepancies, iso, source
from casetrack.render.wording import record_label
from casetrack.vocabulary import RECORD_WORDS

if TYPE_CHECKING:
    from casetrack.developments import Developments
    from casetrack.versions import Version

Json = dict[str, Any]


def diff_json(diff: Diff, devs: Developments, old: Version, new: Version) -> Json:
    """The whole diff as one object."""
    words = development_items(diff, devs)

    def texts(kind: str) -> list[str]:
        return [plain(item.text) for item in words[kind]]

    return {
        "old": _version(old),
        "new": _version(new),
        "counts": {k: diff.count(k) for k in ("added", "removed", "renamed", "changed")},
        "changes": [_change(diff, c) for c in diff.changes],
        "developments": {
            "schedule": [
                {
                    "change": m.change,
                    "event": m.event.id,
                    "to_event": m.to_event.id if m.to_event else None,
                    "kind": m.event.kind,
                    "case": m.event.case,
                    "title": m.event.title,
                    "old_date": iso(m.old_date),
                    "new_date": iso(m.new_date),
                    "on": iso(m.on),
                    "text": text,
                }
                for m, text in zip(devs.schedule, texts("schedule"), strict=True)
            ],
            "claims": [
                {
                    "claim": m.claim.id,
                    "case": m.claim.case,
                    "title": m.claim.title,
                    "old_status": m.old_status,
                    "new_status": m.new_status,
                    "date": iso(m.change.date) if m.change else None,
                    "by": m.change.by if m.change else None,
                    "text": text,
                }
                for m, text in zip(devs.claims, texts("claims"), strict=True)
            ],
            "allegations": [
                {
                    "event": a.event.id,
                    "date": iso(a.event.date),
                    "title": a.event.title,
                    "case": a.event.case,
                    "alleged_by": list(a.event.alleged.by) if a.event.alleged else [],
                    "alleged_in": a.event.alleged.filing if a.event.alleged else None,
                    "denied_by": list(a.event.alleged.denied_by) if a.event.alleged else [],
                    "text": text,
                }
                for a, text in zip(devs.allegations, texts("allegations"), strict=True)
            ],
            "denials": [
                {
                    "event": d.event.id,
                    "date": iso(d.event.date),
                    "title": d.event.title,
                    "alleged_by": list(d.event.alleged.by) if d.event.alleged else [],
                    "denied_by": list(d.denied_by),
                    "text": text,
                }
                for d, text in zip(devs.denials, texts("denials"), strict=True)
            ],
            "disagreements": [
                {
                    "type": RECORD_WORDS[d.section],
                    "id": d.id,
                    **discrepancies([d.discrepancy])[0],
                    "text": text,
                }
                for d, text in zip(devs.disagreements, texts("disagreements"), strict=True)
            ],
            "sources": [
                {**source(s), "text": text}
                for s, text in zip(devs.sources, texts("sources"), strict=True)
            ],
        },
    }


def _version(v: Version) -> Json:
    return {
        "version": v.label,
        "folder": v.folder,
        "commit": v.commit,
        "records": len(v.dataset),
    }


def _change(diff: Diff, c: RecordChange) -> Json:
    dataset = diff.old if c.new is None else diff.new
    return {
        "type": RECORD_WORDS[c.section],
        "change": c.change,
        "id": c.id,
        "old_id": c.old_id,
        "date": iso(record_date(c.record, dataset)),
        "title": record_label(dataset, c.id),
        "fields": [
            {
                "field": f.field,
                "old": f.old,
                "new": f.new,
                "added": list(f.added),
                "removed": list(f.removed),
                "text": plain(field_words(diff, f)),
            }
            for f in c.fields
        ],
    }
