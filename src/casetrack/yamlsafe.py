"""A strict, safe YAML reader for hand-written data files.

- Plain data only: dicts, lists and strings are built straight from the parser's events (libyaml's
  C parser when available), with no node tree and no constructors: no Python objects, and about
  2.5 times quicker than PyYAML's own safe loading.
- No YAML 1.1 implicit typing: `no`, `on`, `1:24`, `010` and `2025-01-15` all stay the text that was
  written; only `null`, `~` and empty values mean "nothing". The models decide what a value means.
- Anchors and aliases are refused (a "billion laughs" file cannot expand).
- Duplicate keys are reported, with the line of each.
- Nesting deeper than MAX_DEPTH is refused (deeper nesting costs libyaml quadratic time).
- Control characters other than tab and newline are refused before parsing; written as escapes
  in double quotes (`"\\e[31m"`), they are kept with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL_TAG = "tag:yaml.org,2002:null"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class YamlIssue:
    """A problem found while reading YAML; line and column are 1-based."""

    line: int | None
    column: int | None
    message: str
    severity: Literal["error", "warning"] = "error"


class YamlReadError(Exception):
    """The text cannot be read as one YAML document."""

    def __init__(self, issue: YamlIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


# Readable versions of libyaml's messages.
_FRIENDLY = (
    (
        "found character '\\t' that cannot start any token",
        "a tab character is used for indentation; YAML needs spaces",
    ),
    (
        "expected a single document in the stream",
        "the file holds more than one YAML document (separated by '---'); "
        "put each in a file of its own",
    ),
    (
        "could not determine a constructor for the tag",
        "YAML tags (!!python/..., !custom) are not accepted",
    ),
    ("found undefined alias", "YAML anchors and aliases (&name, *name) are not accepted"),
)


def _describe(exc: yaml.YAMLError, source: str) -> YamlIssue:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = str(problem)
    if "maximum nesting depth" in text:
        # libyaml (0.2.6 and later) has a nesting limit of its own, which its scanner can reach
        # before casetrack's lower one sees the events: either way the reader hears the same.
        text = TOO_DEEP
        return YamlIssue(None, None, text) if mark is None else _at(mark, text)
    if mark is not None and 0 <= mark.index < len(source) and source[mark.index] == "\t":
        text = "found character '\\t' that cannot start any token"
    for needle, friendly in _FRIENDLY:
        if needle in text or (context and needle in context):
            text = friendly
            break
    else:
        if context:
            text = f"{text} ({context})"
        text = f"this is not valid YAML: {text}"
    if mark is None:
        return YamlIssue(None, None, text)
    return YamlIssue(mark.line + 1, mark.column + 1, text)


def find_control_characters(text: str, limit: int = 5) -> list[YamlIssue]:
    """Control characters other than tab, CR and LF, each with its line and column."""
    issues: list[YamlIssue] = []
    for m in _CONTROL_RE.finditer(text):
        if len(issues) == limit:
            issues.append(
                YamlIssue(None, None, "more control characters follow; fix the first ones")
            )
            break
        pos = m.start()
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        issues.append(
            YamlIssue(
                line,
                column,
                f"control character U+{ord(m.group()):04X} is not allowed in a data file",
            )
        )
    return issues


@dataclass
class Parsed:
    """The result of reading one YAML text."""

    data: Any = None
    issues: list[YamlIssue] = field(default_factory=list)
    ok: bool = True


# Deeper nesting than any dataset needs. libyaml's time grows with the square of the nesting depth
# (20,000 levels take seconds) and PyYAML's composer recurses in C (100,000 levels crash the
# interpreter), so reading stops here instead.
MAX_DEPTH = 64
TOO_DEEP = (
    f"values are nested more than {MAX_DEPTH} levels deep; a dataset file needs only a few levels"
)

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = frozenset((None, "!", _STR_TAG))
_COLLECTION_TAGS = frozenset((None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))
# Explicitly tagged scalars built as YAML itself defines them (`!!int 3`); never Python objects.
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "binary", "timestamp")
)
_TAGS_REFUSED = "YAML tags (!!python/..., !custom) are not accepted"
_ALIAS_REFUSED = (
    "YAML anchors and aliases (&name, *name) are not accepted; write the repeated value out in full"
)
_NO_KEY = object()


def _at(mark: Any, message: str) -> YamlIssue:
    return YamlIssue(mark.line + 1, mark.column + 1, message)


def _issue(mark: Any, message: str) -> YamlReadError:
    return YamlReadError(_at(mark, message))


class _Frame:
    """An open mapping or sequence while events are read."""

    __slots__ = ("container", "key", "key_lines", "mark")

    def __init__(self, container: Any, mark: Any) -> None:
        self.container = container
        self.key: Any = _NO_KEY
        self.key_lines: dict[str, int] | None = {} if isinstance(container, dict) else None
        self.mark = mark


def _scalar(loader: Any, event: Any, issues: list[YamlIssue]) -> Any:
    tag = event.tag
    value: str = event.value
    if event.style == '"':
        # Double quotes allow escapes (`"\e[31m"`, `"\0"`) that write the control characters
        # refused in the file's text. Written so, they are deliberate: kept (the terminal output
        # leaves them out), with a warning.
        bad = _CONTROL_RE.search(value)
        if bad:
            mark = event.start_mark
            issues.append(
                YamlIssue(
                    mark.line + 1,
                    mark.column + 1,
                    f"text holds control character U+{ord(bad.group()):04X} (written as an "
                    "escape); terminals may act on it: remove it unless it is wanted",
                    "warning",
                )
            )
    if tag in _PLAIN_TAGS:
        if tag is None and event.implicit[0] and value in _NULLS:
            return None
        return value
    if tag == _NULL_TAG:
        return None
    if tag in _SCALAR_TAGS:
        node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
        try:
            return loader.yaml_constructors[tag](loader, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            raise _issue(
                event.start_mark, f"this is not a valid {tag.rsplit(':', 1)[-1]}: {value!r}"
            ) from exc
    raise _issue(event.start_mark, _TAGS_REFUSED)


def _read(loader: Any, issues: list[YamlIssue]) -> Any:
    """Build plain dicts, lists and strings from the parser's events, without a node tree.

    Iterative, so no nesting depth can exhaust Python's or C's stack; refuses aliases, unknown tags,
    non-text keys and a second document; reports duplicate keys (the last value is kept).
    """
    get = loader.get_event
    get()  # stream start
    event = get()
    if isinstance(event, StreamEndEvent):
        return None
    # a document start
    stack: list[_Frame] = []
    root: Any = None
    anchors: dict[str, Any] = {}  # name -> where the anchored value starts
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None:
                anchors[event.anchor] = event.start_mark
            value = _scalar(loader, event, issues)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                anchors[event.anchor] = event.start_mark
            if event.tag not in _COLLECTION_TAGS:
                raise _issue(event.start_mark, _TAGS_REFUSED)
            if stack and stack[-1].key is _NO_KEY and stack[-1].key_lines is not None:
                raise _issue(
                    event.start_mark, "a mapping key must be plain text, not a list or mapping"
                )
            if len(stack) >= MAX_DEPTH:
                raise _issue(event.start_mark, TOO_DEEP)
            stack.append(_Frame({} if kind is MappingStartEvent else [], event.start_mark))
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = stack.pop().container
        elif kind is AliasEvent:
            # Reported where the repeated value is first written, as the anchor's text shows it.
            raise _issue(anchors.get(event.anchor, event.start_mark), _ALIAS_REFUSED)
        else:  # pragma: no cover - libyaml emits nothing else inside a document
            raise _issue(event.start_mark, f"unexpected YAML event {kind.__name__}")
        if not stack:
            root = value
            break
        frame = stack[-1]
        lines = frame.key_lines
        if lines is None:
            frame.container.append(value)
        elif frame.key is _NO_KEY:
            # Keys are the text as written: `null:` or `yes:` are the words, not None or True.
            key = event.value
            line = event.start_mark.line + 1
            first = lines.get(key)
            if first is None:
                lines[key] = line
            else:
                issues.append(
                    YamlIssue(
                        line,
                        event.start_mark.column + 1,
                        f"duplicate key '{shorten(key)}' (first given on line {first}); "
                        "each key may appear once in a mapping",
                    )
                )
            frame.key = key
        else:
            frame.container[frame.key] = value
            frame.key = _NO_KEY
    get()  # the document end
    event = get()
    if not isinstance(event, StreamEndEvent):
        raise _issue(
            event.start_mark,
            "the file holds more than one YAML document (separated by '---'); "
            "put each in a file of its own",
        )
    return root


def shorten(text: str, limit: int = 60) -> str:
    """Text cut to `limit` characters for a message, marked with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse(text: str) -> Parsed:
    """Read one YAML document strictly; never raises for bad input."""
    bad = find_control_characters(text)
    if bad:
        return Parsed(None, bad, ok=False)
    loader = _Base(text)
    issues: list[YamlIssue] = []
    try:
        data = _read(loader, issues)
    except YamlReadError as exc:
        return Parsed(None, [*issues, exc.issue], ok=False)
    except yaml.YAMLError as exc:
        return Parsed(None, [*issues, _describe(exc, text)], ok=False)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        return Parsed(
            None, [*issues, YamlIssue(None, None, f"this is not valid YAML: {exc}")], ok=False
        )
    finally:
        loader.dispose()
    # Duplicate keys are reported but the rest of the file is still checked.
    return Parsed(data, issues, ok=True)


Path = tuple[str | int, ...]


def positions(
    text: str, wanted: Iterable[tuple[Path, bool]]
) -> dict[tuple[Path, bool], tuple[int, int]]:
    """The 1-based (line, column) of each wanted (path, at_key) in one pass over a text's events.

    A path gives the value written there, or its nearest parent when it is not in the file; with
    at_key, a path ending in a mapping key gives the key's position rather than its value's. Where
    a key is repeated, the last one (the one whose value counts) is used. Never raises; nesting
    deeper than MAX_DEPTH is not followed.
    """
    wanted = list(wanted)
    needed: set[Path] = set()
    for path, _ in wanted:
        for n in range(len(path) + 1):
            needed.add(path[:n])
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    loader = _Base(text)
    try:
        _walk(loader, needed, values, keys)
    except Exception:  # positions are a courtesy: what was found before an error still counts
        pass
    finally:
        loader.dispose()
    out: dict[tuple[Path, bool], tuple[int, int]] = {}
    for path, at_key in wanted:
        if at_key and path in keys:
            out[path, at_key] = keys[path]
            continue
        for n in range(len(path), -1, -1):
            found = values.get(path[:n])
            if found is not None:
                out[path, at_key] = found
                break
    return out


def _walk(
    loader: Any,
    needed: set[Path],
    values: dict[Path, tuple[int, int]],
    keys: dict[Path, tuple[int, int]],
) -> None:
    get = loader.get_event
    get()  # stream start
    if isinstance(get(), StreamEndEvent):
        return
    # Each open collection: [its path, mapping?, the next key (mappings) or index (sequences)].
    stack: list[list[Any]] = []
    skip = 0  # depth inside a collection no wanted path goes into
    while True:
        event = get()
        kind = type(event)
        starts = kind is MappingStartEvent or kind is SequenceStartEvent
        if skip:
            skip += (
                1 if starts else -1 if kind is MappingEndEvent or kind is SequenceEndEvent else 0
            )
            if skip:
                continue
            ended = True
        else:
            ended = kind is MappingEndEvent or kind is SequenceEndEvent
        if ended:
            stack.pop()
            if not stack:
                return
            top = stack[-1]
            if top[1]:
                top[2] = _NO_KEY
            else:
                top[2] += 1
            continue
        mark = event.start_mark
        if stack:
            top = stack[-1]
            if top[1] and top[2] is _NO_KEY:
                if kind is not ScalarEvent:
                    return
                top[2] = event.value
                path = (*top[0], event.value)
                if path in needed:
                    keys[path] = (mark.line + 1, mark.column + 1)
                continue
            path = (*top[0], top[2])
        else:
            path = ()
        if path in needed:
            values[path] = (mark.line + 1, mark.column + 1)
        if starts:
            if path not in needed or len(stack) >= MAX_DEPTH:
                skip = 1
            stack.append(
                [path, kind is MappingStartEvent, _NO_KEY if kind is MappingStartEvent else 0]
            )
            continue
        if not stack:
            return
        top = stack[-1]
        if top[1]:
            top[2] = _NO_KEY
        else:
            top[2] += 1
