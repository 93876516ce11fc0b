"""pydantic's validation errors in words a non-programmer understands: which record, which field,
what is wrong, and the field or word that was probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from casetrack.problems import shorten
from casetrack.validation import Model
from casetrack.vocabulary import SECTION_NAMES


def section_list() -> str:
    """The sections a data file holds, as a message lists them."""
    return ", ".join(f"'{s}:'" for s in SECTION_NAMES)


def short(value: Any) -> str:
    """A value as text for a message, cut short: a 100,000-character title is not repeated."""
    return shorten(str(value), 80)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    if len(word) > 80:
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _field_name(loc: tuple[Any, ...]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + short(step)
    return out or "value"


def explain(error: Any, label: str, model: type[Model]) -> str:
    """One pydantic error (from `ValidationError.errors()`) about the record `label` ("party
    'lively'") of type `model`, in plain words."""
    loc = tuple(error["loc"])
    name = _field_name(loc)
    kind = error["type"]
    value = short(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        if loc[-1] == "by" and "alleged" in loc:
            return f"allegation in {label} has no author: say who alleges it under 'by'"
        return f"{label} is missing '{name}'"
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        return f"{label} has unknown field '{name}'{did_you_mean(str(loc[-1]), fields)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        choices = [c.strip() for c in expected.split(",")]
        elsewhere = _belongs_elsewhere(str(value), model) if loc == ("kind",) else None
        hint = f"; {elsewhere}" if elsewhere else did_you_mean(str(value), choices)
        return f"{label}: {name} '{value}' is not one of: {', '.join(choices)}{hint}"
    if kind == "string_pattern_mismatch":
        return (
            f"{label}: {name} '{value}' is not a valid id; "
            f"use letters, digits, '.', '_' or '-' (e.g. '{id_like(str(error.get('input')))}')"
        )
    if kind in ("list_type",):
        return f"{label}: '{name}' must be a list, e.g. [a, b]"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{label}: '{name}' must be a mapping of fields"
    if kind in ("string_type",):
        return f"{label}: '{name}' must be text, not a list or mapping"
    if kind == "too_short":
        return f"{label}: '{name}' needs at least {ctx.get('min_length', 1)} entries"
    if kind == "string_too_short":
        return f"{label}: '{name}' must not be empty"
    if kind == "string_too_long":
        return f"{label}: '{name}' is longer than {ctx.get('max_length')} characters"
    if kind in ("bool_parsing", "bool_type"):
        return f"{label}: '{name}' must be true or false, not '{value}'"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{label}: '{name}' must be a whole number, not '{value}'"
    if kind == "greater_than_equal":
        return f"{label}: '{name}' must be {ctx.get('ge')} or more"
    message = str(error.get("msg", "is not valid"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    raw = error.get("input")
    if isinstance(raw, str) and len(raw) > 80:
        message = message.replace(repr(raw), repr(short(raw)))
    return f"{label}: {name}: {message}"


def _fields_at(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a location inside a model (for did-you-mean)."""
    current: Any = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        info = next((i for n, i in fields.items() if (i.alias or n) == step), None)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    # A field is written under its alias where it has one (a deadline's `from`).
    return [info.alias or name for name, info in getattr(current, "model_fields", {}).items()]


def _inner_model(annotation: Any) -> Any:
    """The model class inside `X`, `X | None` or `list[X]`."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def id_like(text: str) -> str:
    """An id made of what was written ('Alex Doe' -> 'alex-doe'), as the example of a valid
    one; a neutral example when nothing of it is usable."""
    import re

    slug = re.sub(r"[^a-z0-9._-]+", "-", text.casefold()).strip("-._")[:40].strip("-._")
    return slug if slug and slug.isascii() else "jane-doe"


def _belongs_elsewhere(kind: str, model: type[Model]) -> str | None:
    """For a filing's or event's kind that belongs to the other ('order' in events), or to no
    record at all ('allegation'): where it goes."""
    from casetrack import vocabulary as v

    if model.__name__ == "Event" and kind.casefold() in ("allegation", "alleged", "claim"):
        return (
            "an allegation is an event with `alleged:` (who alleges it, in which filing, who "
            "denies it); give the kind of what is alleged (other, statement, meeting, ...)"
        )
    # Filings and events are both dated entries: a kind of one written in the other is the
    # likely slip (an order among the events). A source or party kind is only a misspelling.
    lists = (
        ("Filing", "filing", "filings", v.FILING_KINDS),
        ("Event", "event", "events", v.EVENT_KINDS),
    )
    for owner, word, section, kinds in lists:
        if owner != model.__name__ and kind in kinds:
            return f"'{kind}' is a {word} kind: put it in {section}"
    if model.__name__ == "Event" and kind in v.CLAIM_STATUSES:
        return f"'{kind}' is a claim's status: put it in the claim's `history`"
    return None
