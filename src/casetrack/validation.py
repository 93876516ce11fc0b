"""The pydantic models that check a data file, made from the declarations in `models`, and the
one step from a checked pydantic model to casetrack's own record (`to_record`).

Only reading YAML (the loader, the docket import, the diff's renames) and `casetrack schema` use
pydantic; a dataset read back from the cache never imports it. Each pydantic model has the name,
docstring, fields (in order), defaults, descriptions and constraints of its record class; the
value types come from `fieldtypes` under the names `models` declares them with (`Id`, `When`,
...). They reject unknown fields, strip white space and are immutable, as before.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from casetrack import fieldtypes, models, vocabulary
from casetrack.modeling import MISSING, declared
from casetrack.modeling import Model as Record


class Model(BaseModel):
    """Base of every pydantic model: immutable, and unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


def _record_classes() -> list[type[Record]]:
    """Every record class `models` declares, in declaration order."""
    found = [
        value
        for value in vars(models).values()
        if isinstance(value, type)
        and issubclass(value, Record)
        and value is not Record
        and value.__module__ == models.__name__
    ]
    return found


def _build() -> tuple[dict[type[Record], type[Model]], dict[type[Model], type[Record]]]:
    """A pydantic model for each record class, nested ones first (a field names them)."""
    names: dict[str, Any] = {
        name: getattr(fieldtypes, name)
        for name in ("Id", "Text", "DocketText", "State", "When", "PeriodText", "Sources")
    }
    names.update(
        {name: value for name, value in vars(vocabulary).items() if not name.startswith("_")}
    )
    made: dict[type[Record], type[Model]] = {}
    todo = _record_classes()
    while todo:
        waiting = []
        for cls in todo:
            try:
                made[cls] = _model(cls, names)
            except NameError:
                waiting.append(cls)  # names a record class not made yet
        if len(waiting) == len(todo):
            raise RuntimeError(f"cannot make models for {waiting}")
        todo = waiting
    return made, {v: k for k, v in made.items()}


def _model(cls: type[Record], names: dict[str, Any]) -> type[Model]:
    fields: dict[str, Any] = {}
    for f in declared(cls):
        # The annotation as written in `models`, read with the value types of `fieldtypes`.
        annotation = eval(f.type, {}, names) if isinstance(f.type, str) else f.type
        kwargs: dict[str, Any] = dict(f.constraints)
        if f.description is not None:
            kwargs["description"] = f.description
        if f.written_as:
            kwargs["alias"] = f.written_as
        if f.default is not MISSING:
            kwargs["default"] = f.default
        elif f.default_factory is not MISSING:
            kwargs["default_factory"] = f.default_factory
        fields[f.name] = (annotation, Field(**kwargs))
    made: type[Model] = create_model(
        cls.__name__, __base__=Model, __doc__=cls.__doc__, __module__=__name__, **fields
    )
    names[cls.__name__] = made
    return made


PYDANTIC, _RECORD = _build()
# The model of each top-level key of a data file.
MODELS: dict[str, type[Model]] = {name: PYDANTIC[cls] for name, cls in models.MODELS.items()}
DatasetFile = PYDANTIC[models.DatasetFile]


def _nested_fields(model: type[Model]) -> tuple[str, ...]:
    """The fields of a model that may hold models (a record, or a list of them)."""

    def holds_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_model(a) for a in typing.get_args(annotation))

    return tuple(n for n, info in model.model_fields.items() if holds_model(info.annotation))


_NESTED = {model: _nested_fields(model) for model in _RECORD}
_SETS: dict[frozenset[str], frozenset[str]] = {}
_set = object.__setattr__


def to_record(value: Model) -> Record:
    """A checked pydantic model as casetrack's record: the very values pydantic made, moved into
    the record class (nested models too), with the fields the data gave."""
    cls = _RECORD[type(value)]
    values = value.__dict__
    for name in _NESTED[type(value)]:
        item = values[name]
        if type(item) is list:
            values[name] = [to_record(x) for x in item]
        elif item is not None:
            values[name] = to_record(item)
    out = cls.__new__(cls)
    _set(out, "__dict__", values)
    given = frozenset(value.__pydantic_fields_set__)
    _set(out, "_fields_set", _SETS.setdefault(given, given))
    return out


def validate(cls: type[Record], data: Any) -> Record:
    """A record of class `cls` from plain data (as `modeling.dump` gives it), checked. Raises
    pydantic's ValidationError."""
    return to_record(PYDANTIC[cls].model_validate(data))
