"""Records and timeline entries as plain values that `marshal` writes, and back: how the index
(`indexfile`) keeps each record and entry on its own, so a question decodes only the few it reads.

Nothing here lists fields: every dataclass (a record, a date, a period, an entry) is written from
its own fields, in their declared order, so a field added to a record needs no change here.

- text, numbers, booleans and None stay as they are; so do lists, dicts and sets (of these);
- a tuple is `(TUPLE, item, ...)`;
- a dataclass is `(n, item, ...)`, where n is its class's place in the encoder's class table
  (kept with the index: `Encoder.classes`); a record (`modeling.Model`) is `(n, fields set,
  item, ...)`, the fields its data file gave as a bit mask.

The index is keyed on casetrack's own code, so a table written by other code is never read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

from casetrack.modeling import Model, fields_of, fields_set

TUPLE = -1
DATE = -2  # a calendar day: (DATE, its ordinal)
_set = object.__setattr__
_PLAIN = (str, int, bool, float, type(None))


class Encoder:
    """Encodes values, numbering the classes it meets; `classes` is the table to decode with."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self._numbers: dict[type, tuple[int, tuple[str, ...], dict[str, int] | None]] = {}

    def _number(self, cls: type) -> tuple[int, tuple[str, ...], dict[str, int] | None]:
        found = self._numbers.get(cls)
        if found is None:
            record = issubclass(cls, Model)
            names = fields_of(cls) if record else tuple(f.name for f in dataclasses.fields(cls))
            bits = {name: 1 << i for i, name in enumerate(names)} if record else None
            found = self._numbers[cls] = (len(self.classes), names, bits)
            self.classes.append(f"{cls.__module__}:{cls.__qualname__}")
        return found

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is list:
            return [self(v) for v in value]
        if kind is tuple:
            return (TUPLE, *[self(v) for v in value])
        if kind is dict:
            return {k: self(v) for k, v in value.items()}
        if kind is set or kind is frozenset:
            return kind(self(v) for v in value)  # of texts: marshal keeps sets as they are
        if kind is dt.date:
            return (DATE, value.toordinal())
        if not isinstance(value, Model) and not dataclasses.is_dataclass(value):
            raise TypeError(f"cannot keep a {kind.__name__} in the index")
        number, names, bits = self._number(kind)
        values = [self(getattr(value, name)) for name in names]
        if bits is None:
            return (number, *values)
        mask = 0
        for name in fields_set(value):  # type: ignore[arg-type]  # a Model: it has bits
            mask |= bits[name]
        return (number, mask, *values)


class Decoder:
    """Rebuilds what an Encoder encoded, with its class table. Equal small immutable values
    (dates, periods) become one object each, as the dataset read from the files shares them."""

    def __init__(self, classes: list[str]) -> None:
        self._makers: list[Callable[[tuple[Any, ...]], Any] | None] = [None] * len(classes)
        self._classes = classes
        self._shared: dict[tuple[Any, ...], Any] = {}
        self._sets: dict[tuple[int, int], frozenset[str]] = {}
        self.count = 0  # records decoded (for tests that check a question reads only a few)

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind is tuple:
            number = value[0]
            if number == TUPLE:
                items = value[1:]
                for v in items:
                    if type(v) in _NESTED:
                        return tuple([self(v) if type(v) in _NESTED else v for v in items])
                return items
            if number == DATE:
                return dt.date.fromordinal(value[1])
            make = self._makers[number] or self._maker(number)
            return make(value)
        if kind is list:
            return [self(v) if type(v) in _NESTED else v for v in value]
        if kind is dict:
            return {k: self(v) if type(v) in _NESTED else v for k, v in value.items()}
        return value

    def _maker(self, number: int) -> Callable[[tuple[Any, ...]], Any]:
        """A function that rebuilds one class's instances from their tuples, made for the class:
        a field whose declared type holds only text, numbers or lists of them is taken as it
        is; a tuple of texts loses its tag; anything else is decoded."""
        module, _, name = self._classes[number].partition(":")
        cls: Any = importlib.import_module(module)
        for part in name.split("."):
            cls = getattr(cls, part)
        is_record = issubclass(cls, Model)
        names = fields_of(cls) if is_record else tuple(f.name for f in dataclasses.fields(cls))
        first = 2 if is_record else 1
        kinds = _kinds(cls, names)
        values = []
        for i, n in enumerate(names, start=first):
            kind = kinds.get(n)
            if kind == "plain":
                values.append(f"v[{i}]")
            elif kind == "texts":
                values.append(f"v[{i}][1:]")
            else:
                values.append(f"(D(x) if type(x := v[{i}]) in N else x)")
        if is_record:
            fields = ", ".join(f"{n!r}: {e}" for n, e in zip(names, values, strict=True))
            body = (
                "def make(v):\n"
                "    obj = new(cls)\n"
                f"    setattr(obj, '__dict__', {{{fields}}})\n"
                "    setattr(obj, '_fields_set', given(v[1]))\n"
                "    counted()\n"
                "    return obj\n"
            )
        else:
            build = (
                cls if _positional(cls) else functools.partial(_by_setattr, cls.__new__, cls, names)
            )
            body = f"def make(v):\n    return build({', '.join(values)})\n"
        scope: dict[str, Any] = {
            "D": self,
            "N": _NESTED,
            "new": cls.__new__,
            "cls": cls,
            "setattr": _set,
            "given": functools.partial(self._given, number, names),
            "counted": self._counted,
            "build": build if not is_record else None,
        }
        exec(body, scope)
        maker: Callable[[tuple[Any, ...]], Any] = scope["make"]
        if not is_record and _small(cls):
            maker = functools.partial(_shared, self._shared, maker)
        self._makers[number] = maker
        return maker

    def _given(self, number: int, names: tuple[str, ...], mask: int) -> frozenset[str]:
        key = (number, mask)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(n for i, n in enumerate(names) if mask & (1 << i))
        return found

    def _counted(self) -> None:
        self.count += 1


def _shared(shared: dict[Any, Any], make: Callable[[tuple[Any, ...]], Any], value: Any) -> Any:
    """Equal values decoded once (dates, periods)."""
    try:
        return shared[value]
    except KeyError:
        found = shared[value] = make(value)
        return found
    except TypeError:  # holds a list: not shared
        return make(value)


def _kinds(cls: type, names: tuple[str, ...]) -> dict[str, str]:
    """What each field's declared type says of its values: "plain" (text, numbers, booleans,
    None, words from a list, and lists of these), "texts" (a tuple of plain values) or
    "any" (decode whatever is there). A type that cannot be read here is "any"."""
    out: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        scope = vars(sys.modules.get(klass.__module__, object()))
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if name not in names:
                continue
            try:
                hint = eval(annotation, dict(scope)) if isinstance(annotation, str) else annotation
            except Exception:
                out[name] = "any"
                continue
            out[name] = _kind(hint)
    return out


def _kind(hint: Any) -> str:
    if hint in _PLAIN:
        return "plain"
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:
        return "plain"
    if origin in (typing.Union, types.UnionType):
        return "plain" if all(_kind(a) == "plain" for a in args) else "any"
    if origin is list and len(args) == 1 and _kind(args[0]) == "plain":
        return "plain"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and _kind(args[0]) == "plain":
        return "texts"
    return "any"


_NESTED = frozenset((tuple, list, dict))


def _small(cls: type) -> bool:
    """Whether equal values of a class are worth sharing: small frozen values (a date, a
    period), not entries (each is its own)."""
    params = getattr(cls, "__dataclass_params__", None)
    return bool(params is not None and params.frozen and len(dataclasses.fields(cls)) <= 6)


def _positional(cls: type) -> bool:
    """Whether a dataclass is rebuilt by calling it with its fields in order (its __init__ takes
    them all, and does nothing more): quicker than setting each field."""
    return not hasattr(cls, "__post_init__") and all(
        f.init and not f.kw_only for f in dataclasses.fields(cls)
    )


def _by_setattr(new: Callable[[type], Any], cls: type, names: tuple[str, ...], *values: Any) -> Any:
    obj = new(cls)
    for n, v in zip(names, values, strict=True):
        _set(obj, n, v)
    return obj
