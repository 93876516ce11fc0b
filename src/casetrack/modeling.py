"""How casetrack's records are declared (`record`, `field`), and what can be asked of any record
(`fields_of`, `fields_set`, `dump`), without pydantic.

The records in `models` are plain frozen dataclasses: a dataset read back from the cache is
rebuilt into them without importing pydantic, whose import alone costs more than answering a
question from the cache. `validation` builds the pydantic models that check a data file from these
same declarations, so each field is declared once: its type, default, description and
constraints. The cold path validates with pydantic and keeps the values pydantic made, in these
classes (see `validation.to_record`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class Model:
    """Base of every record: a frozen dataclass (see `record`). `_fields_set` names the fields
    the data file gave (the rest hold their defaults): `casetrack diff` and the docket import
    write back only those."""

    __slots__ = ("__dict__", "_fields_set")
    _fields_set: frozenset[str]


def field(
    default: Any = dataclasses.MISSING,
    *,
    default_factory: Callable[[], Any] | Any = dataclasses.MISSING,
    description: str | None = None,
    written_as: str | None = None,
    **constraints: Any,
) -> Any:
    """A field of a record: its default (none: required), its description (the help an editor
    shows), the key it is written under in a data file when that is not its name (a deadline's
    `from`), and pydantic's constraints on it (`min_length=1`, `ge=0`)."""
    metadata = {"description": description, "written_as": written_as, "constraints": constraints}
    return dataclasses.field(default=default, default_factory=default_factory, metadata=metadata)


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Declare a record class: frozen, compared field by field, built by keyword."""
    return dataclasses.dataclass(frozen=True, kw_only=True)(cls)


_FIELDS: dict[type, tuple[str, ...]] = {}


def fields_of(cls: type[Model]) -> tuple[str, ...]:
    """A record class's field names, in order (those of its base classes first)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    return found


def fields_set(record: Model) -> frozenset[str]:
    """The fields a record's data file gave; all of them for a record made in code."""
    try:
        return record._fields_set
    except AttributeError:
        return frozenset(fields_of(type(record)))


def dump(
    value: Any,
    *,
    exclude_none: bool = False,
    exclude_unset: bool = False,
    exclude: frozenset[str] = frozenset(),
) -> Any:
    """A record as plain data, as its data file could write it: nested records as dicts, dates
    in EDTF, periods as text ('14 days'), fields in declaration order under their own names.
    (What pydantic's `model_dump(mode="json")` gave: outputs and the diff are unchanged.)"""
    if isinstance(value, Model):
        chosen = fields_set(value) if exclude_unset else None
        out = {}
        for name in fields_of(type(value)):
            if name in exclude or (chosen is not None and name not in chosen):
                continue
            item = getattr(value, name)
            if item is None and exclude_none:
                continue
            out[name] = dump(item, exclude_none=exclude_none, exclude_unset=exclude_unset)
        return out
    if isinstance(value, list):
        return [dump(v, exclude_none=exclude_none, exclude_unset=exclude_unset) for v in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    edtf = getattr(value, "edtf", None)  # a date
    return edtf() if edtf is not None else str(value)  # a period reads '14 days'
