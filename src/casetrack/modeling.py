"""How casetrack's records are declared (`record`, `field`), and what can be asked of any record
(`fields_of`, `declared`, `fields_set`, `dump`), without pydantic.

The records in `models` are plain immutable objects: a dataset read back from the cache is
rebuilt into them without importing pydantic, whose import alone costs more than answering a
question from the cache. `validation` builds the pydantic models that check a data file from
these same declarations, so each field is declared once: its type, default, description and
constraints. The cold path validates with pydantic and keeps the values pydantic made, in these
classes (see `validation.to_record`).

A record class is declared as a dataclass would be (`dataclass_transform` tells type checkers
so), but `record` makes no code: a dataclass compiles its methods on every import, which for
sixteen record classes costs more than the rest of a cached query.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """One declared field: name, annotation (as written), default or default factory, and what
    `validation` needs (description, the key it is written under, constraints)."""

    __slots__ = (
        "constraints",
        "default",
        "default_factory",
        "description",
        "name",
        "type",
        "written_as",
    )

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Callable[[], Any] | Any = MISSING,
        description: str | None = None,
        written_as: str | None = None,
        constraints: dict[str, Any] | None = None,
    ) -> None:
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.description = description
        self.written_as = written_as
        self.constraints = constraints or {}

    def initial(self) -> Any:
        """The value of a field not given."""
        if self.default is not MISSING:
            return self.default
        if self.default_factory is not MISSING:
            return self.default_factory()
        raise TypeError(f"missing the field '{self.name}'")


def field(
    default: Any = MISSING,
    *,
    default_factory: Callable[[], Any] | Any = MISSING,
    description: str | None = None,
    written_as: str | None = None,
    **constraints: Any,
) -> Any:
    """A field of a record: its default (none: required), its description (the help an editor
    shows), the key it is written under in a data file when that is not its name (a deadline's
    `from`), and pydantic's constraints on it (`min_length=1`, `ge=0`)."""
    return Field(default, default_factory, description, written_as, constraints)


class Model:
    """Base of every record: immutable, compared and hashed field by field, built by keyword.
    `_fields_set` names the fields the data file gave (the rest hold their defaults): `casetrack
    diff` and the docket import write back only those."""

    __slots__ = ("__dict__", "_fields_set")
    __record_fields__: tuple[Field, ...] = ()
    _fields_set: frozenset[str]

    def __init__(self, **values: Any) -> None:
        data = {}
        for f in self.__record_fields__:
            data[f.name] = values.pop(f.name) if f.name in values else f.initial()
        if values:
            raise TypeError(f"{type(self).__name__} has no field '{next(iter(values))}'")
        object.__setattr__(self, "__dict__", data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field '{name}': a record is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}': a record is immutable")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        values = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({values})"

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields changed (the name and behaviour of pydantic's, which the
        code that trims a record for a view of a day was written against): the fields changed
        count as given."""
        copy = object.__new__(type(self))
        object.__setattr__(copy, "__dict__", {**self.__dict__, **(update or {})})
        given = getattr(self, "_fields_set", None)
        if given is not None:
            object.__setattr__(copy, "_fields_set", given | frozenset(update or ()))
        return copy

    def __getstate__(self) -> tuple[dict[str, Any], frozenset[str] | None]:
        return self.__dict__, getattr(self, "_fields_set", None)

    def __setstate__(self, state: tuple[dict[str, Any], frozenset[str] | None]) -> None:
        object.__setattr__(self, "__dict__", dict(state[0]))
        if state[1] is not None:
            object.__setattr__(self, "_fields_set", state[1])


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Declare a record class: its fields are those of its base classes, then its own
    annotations in order, each with its `field()` (or plain default, or none: required)."""
    fields = {f.name: f for base in reversed(cls.__mro__[1:]) for f in declared_in(base)}
    for name, annotation in inspect.get_annotations(cls).items():
        spec = cls.__dict__.get(name, MISSING)
        f = spec if isinstance(spec, Field) else Field(default=spec)
        f.name, f.type = name, annotation
        if name in cls.__dict__:
            delattr(cls, name)  # every record holds every field: no class attribute shadows one
        fields[name] = f
    cls.__record_fields__ = tuple(fields.values())  # type: ignore[attr-defined]
    return cls


def declared_in(cls: type) -> tuple[Field, ...]:
    fields: tuple[Field, ...] = cls.__dict__.get("__record_fields__", ())
    return fields


def declared(cls: type[Model]) -> tuple[Field, ...]:
    """A record class's fields, in order (those of its base classes first)."""
    return cls.__record_fields__


def fields_of(cls: type[Model]) -> tuple[str, ...]:
    """A record class's field names, in order (those of its base classes first)."""
    return tuple(f.name for f in cls.__record_fields__)


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
        for name, item in value.__dict__.items():
            if name in exclude or (chosen is not None and name not in chosen):
                continue
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
