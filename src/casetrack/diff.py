"""What changed between two versions of a dataset, record by record: a pure function of the two.

`compare(old, new)` pairs the records of each type by id and reports those added, removed,
renamed and changed, each change as fields with their old and new values. Nothing here prints or
words anything; `developments.py` derives what the changes mean for the case, and
`render/changes.py` words both.

The rules, precisely:

- Records pair by id within a type. A record whose id is in only one version is added or removed,
  unless it is part of a rename.
- A rename is a removed record and an added record of the same type whose content, every field
  but the id, is equal as loaded, once the removed record's references to ids already found
  renamed follow the rename. Types are taken in the order sources, parties, cases, filings,
  claims, events, so an event renamed together with a source it cites is found (a reference to a
  record of the same type renamed at the same time is not followed). Content is compared through
  a hash of each record without its id: one pass over the removed and added records (linear
  time). When several removed records have the same content as several added ones, they pair in
  id order.
- When records are compared, references to a renamed id are read as the new id: a record whose
  only change is to follow a rename is not reported as changed.
- A changed record lists each field that differs (nested fields as `scheduled.replaced_on`);
  for a list, also the items only in the old version and only in the new one.
- Records are grouped by type (in the order of the data files' sections) and ordered by date
  within a type; records without a date follow, by id.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from casetrack.checks import references
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.modeling import Model, dump, fields_of, fields_set
from casetrack.models import Record
from casetrack.vocabulary import SECTION_NAMES

Change = Literal["added", "removed", "renamed", "changed"]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs. Values are as written in the data files (dates in EDTF, nested
    records as mappings of the fields given), or None when the field is not given."""

    field: str
    old: Any
    new: Any
    added: tuple[Any, ...] = ()  # for a list: items only in the new version
    removed: tuple[Any, ...] = ()  # for a list: items only in the old version
    kind: Literal["value", "date", "text", "list"] = "value"


@dataclass(frozen=True, slots=True)
class RecordChange:
    """One record added, removed, renamed or changed. `id` is its id in the new version (in the
    old one for a removal); `old_id` is the id it had before a rename."""

    section: str
    change: Change
    id: str
    old_id: str | None
    old: Model | None
    new: Model | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def record(self) -> Model:
        """The record as it is now, or as it was for a removal."""
        found = self.new if self.new is not None else self.old
        assert found is not None
        return found


@dataclass(frozen=True, slots=True)
class Diff:
    """Every record change between two datasets, and the renames (old id -> new id)."""

    old: Dataset
    new: Dataset
    changes: tuple[RecordChange, ...]
    renames: dict[str, str]

    def count(self, change: Change) -> int:
        return sum(1 for c in self.changes if c.change == change)

    def __bool__(self) -> bool:
        return bool(self.changes)


def compare(old: Dataset, new: Dataset) -> Diff:
    """Every record added, removed, renamed or changed from `old` to `new`."""
    found: dict[str, list[RecordChange]] = {}
    renames: dict[str, str] = {}
    pairs: list[tuple[str, str, Model, Model]] = []
    for section in SECTION_NAMES:
        before: dict[str, Model] = old.section(section)
        after: dict[str, Model] = new.section(section)
        gone = [rid for rid in before if rid not in after]
        came = [rid for rid in after if rid not in before]
        moved = _renames(section, before, after, gone, came, renames)
        renames.update(moved)
        out = found.setdefault(section, [])
        for old_id, new_id in moved.items():
            out.append(
                RecordChange(section, "renamed", new_id, old_id, before[old_id], after[new_id])
            )
        renamed_to = set(moved.values())
        out.extend(
            RecordChange(section, "removed", rid, None, before[rid], None)
            for rid in gone
            if rid not in moved
        )
        out.extend(
            RecordChange(section, "added", rid, None, None, after[rid])
            for rid in came
            if rid not in renamed_to
        )
        for rid, record in after.items():
            was = before.get(rid)
            # Records read from a file that did not change are the very same objects.
            if was is not None and was is not record and was != record:
                pairs.append((section, rid, was, record))
    for section, rid, was, record in pairs:
        if renames:
            was = _follow(section, was, renames)
        fields = tuple(field_changes(was, record))
        if fields:
            found[section].append(RecordChange(section, "changed", rid, None, was, record, fields))
    ordered = [
        c
        for section in SECTION_NAMES
        for c in sorted(found[section], key=lambda c: _order(c, old, new))
    ]
    return Diff(old, new, tuple(ordered), renames)


def _renames(
    section: str,
    before: dict[str, Model],
    after: dict[str, Model],
    gone: list[str],
    came: list[str],
    earlier: dict[str, str],
) -> dict[str, str]:
    """Old id -> new id for removed and added records with the same content but the id, the old
    record's references following the renames found in `earlier` types."""
    if not gone or not came:
        return {}
    waiting: dict[bytes, deque[str]] = {}
    for rid in sorted(came):
        waiting.setdefault(content_hash(after[rid]), deque()).append(rid)
    out: dict[str, str] = {}
    for rid in sorted(gone):
        was = _follow(section, before[rid], earlier) if earlier else before[rid]
        candidates = waiting.get(content_hash(was))
        if candidates:
            out[rid] = candidates.popleft()
    return out


def content_hash(record: Model) -> bytes:
    """A hash of everything in a record but its id."""
    data = dump(record, exclude=frozenset({"id"}))
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _follow(section: str, record: Model, renames: dict[str, str]) -> Model:
    """The record with its references to renamed ids replaced by the new ids."""
    alone = Dataset()
    alone.section(section)[record.id] = record  # type: ignore[attr-defined]
    data = None
    for _, path, wanted, _ in references(alone):
        if wanted in renames:
            if data is None:
                data = dump(record)
            target: Any = data
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = renames[wanted]
    if data is None:
        return record
    from casetrack.validation import validate  # pydantic: only when an id was renamed

    return validate(type(record), data)


def field_changes(old: Model, new: Model, prefix: str = "") -> Iterator[FieldChange]:
    """Each field that differs between two records of the same type, nested fields by path:
    the type's own fields first, then those every record has (sources, notes, ...)."""
    for name in _field_order(type(new)):
        a, b = getattr(old, name), getattr(new, name)
        if a == b:
            continue
        path = f"{prefix}{name}"
        if isinstance(a, Model) or isinstance(b, Model):
            # A nested record (an allegation, a schedule) compares field by field; one given
            # or taken away shows as each of its fields given or taken away.
            yield from _nested(a, b, f"{path}.")
        else:
            yield from _one(path, a, b)


def _field_order(model: type[Model]) -> tuple[str, ...]:
    names = fields_of(model)
    if not issubclass(model, Record):
        return names
    common = fields_of(Record)
    return tuple(n for n in names if n not in common) + common


def _nested(a: Model | None, b: Model | None, prefix: str) -> Iterator[FieldChange]:
    if a is not None and b is not None:
        yield from field_changes(a, b, prefix)
        return
    given = b if b is not None else a
    assert given is not None
    for name in fields_of(type(given)):
        if name not in fields_set(given):
            continue
        value = getattr(given, name)
        if isinstance(value, Model):
            yield from _nested(
                None if b is not None else value,
                value if b is not None else None,
                f"{prefix}{name}.",
            )
            continue
        empty: list[Any] | None = [] if isinstance(value, list) else None
        old, new = (empty, value) if b is not None else (value, empty)
        yield from _one(f"{prefix}{name}", old, new)


def _one(path: str, a: Any, b: Any) -> Iterator[FieldChange]:
    if isinstance(a, list) and isinstance(b, list):
        yield _list_change(path, a, b)
        return
    kind: Literal["value", "date", "text"] = "value"
    if isinstance(a, DateSpan) or isinstance(b, DateSpan):
        kind = "date"
    elif any(isinstance(v, str) and " " in v for v in (a, b)):
        kind = "text"  # prose, not a word from a list or an id
    yield FieldChange(path, as_written(a), as_written(b), kind=kind)


def _list_change(path: str, a: list[Any], b: list[Any]) -> FieldChange:
    old, new = [as_written(x) for x in a], [as_written(x) for x in b]
    old_keys, new_keys = [_key(x) for x in a], [_key(x) for x in b]
    removed = _without(old, old_keys, new_keys)
    added = _without(new, new_keys, old_keys)
    return FieldChange(path, old, new, tuple(added), tuple(removed), kind="list")


def _without(items: list[Any], keys: list[str], others: list[str]) -> list[Any]:
    """The items whose key is not among `others` (counting repeats)."""
    left: dict[str, int] = {}
    for k in others:
        left[k] = left.get(k, 0) + 1
    out = []
    for item, k in zip(items, keys, strict=True):
        if left.get(k, 0):
            left[k] -= 1
        else:
            out.append(item)
    return out


def _key(value: Any) -> str:
    """An item's identity in a list: every field, given or not (as written, an empty list given
    and one left out differ; as loaded they are the same)."""
    if isinstance(value, Model):
        value = dump(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def as_written(value: Any) -> Any:
    """A value as the data files hold it: dates in EDTF, a nested record as the fields it gives."""
    if isinstance(value, DateSpan):
        return value.edtf()
    if isinstance(value, Model):
        return dump(value, exclude_unset=True)
    if isinstance(value, list):
        return [as_written(v) for v in value]
    return value


def record_date(record: Model, dataset: Dataset) -> DateSpan | None:
    """The date a record is ordered by: a source's publication, a case's filing, a filing's or
    event's date, a claim's (else its filing's); a party has none."""
    for name in ("date", "published", "filed"):
        value = getattr(record, name, None)
        if isinstance(value, DateSpan):
            return value
    filing = getattr(record, "filing", None)
    if isinstance(filing, str) and filing in dataset.filings:
        return dataset.filings[filing].date
    return None


def _order(change: RecordChange, old: Dataset, new: Dataset) -> tuple[int, Any, str]:
    date = record_date(change.record, old if change.new is None else new)
    if date is None:
        return (1, (), change.id)
    return (0, date.sort_key(), change.id)
