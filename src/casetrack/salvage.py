"""What can still be read of a record that failed validation, so that its references are checked
in the same run: `validate` lists every problem at once, instead of an unknown id in `denied_by`
appearing only after the record's other errors are fixed.

A salvaged record is built without validation (`model_construct`) from the fields that do
validate on their own; a nested record (an allegation, a schedule) is salvaged the same way. A
required field that does not is left empty (`None`, or `[]` for a list). Salvaged records are
used for nothing but the reference check: they are never part of the dataset.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

from pydantic import TypeAdapter, ValidationError

from casetrack.validation import Model


def salvage(model: type[Model], data: dict[str, Any]) -> Model:
    """`model` built from whatever fields of `data` are valid on their own."""
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data:
            found = _field(model, name, data[key])
            if found is not _MISSING:
                values[name] = found
                continue
        if info.is_required():
            values[name] = [] if typing.get_origin(info.annotation) is list else None
    return model.model_construct(**values)


_MISSING = object()


def _field(model: type[Model], name: str, value: Any) -> Any:
    """The field's value validated on its own, or salvaged when it is a record, or _MISSING."""
    try:
        return _adapter(model, name).validate_python(value)
    except ValidationError:
        pass
    inner = _inner_model(model.model_fields[name].annotation)
    if inner is not None and isinstance(value, dict):
        return salvage(inner, value)
    return _MISSING


@functools.cache
def _adapter(model: type[Model], name: str) -> TypeAdapter[Any]:
    """One adapter per field of a model: a bounded set, made once each."""
    annotation: Any = model.model_fields[name].annotation
    return TypeAdapter(annotation)


def _inner_model(annotation: Any) -> type[Model] | None:
    """The record type of a field written `X` or `X | None` (a nested record)."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, Model):
                return arg
    return None
