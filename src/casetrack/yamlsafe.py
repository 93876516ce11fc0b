"""A strict, safe YAML reader for hand-written data files.

- Plain data only: dicts, lists and strings are built straight from the parser's events (libyaml's
  C parser when available), with no node tree and no constructors: no Python objects, and about
  2.5 times quicker than PyYAML's own safe loading.
- Everything is text. No YAML 1.1 implicit typing: `no`, `on`, `1:24`, `010` and `2025-01-15` all
  stay the text that was written; only `null`, `~` and empty values mean "nothing". A value tagged
  `!!int`, `!!float`, `!!bool` or `!!timestamp` is kept as the text written too (the models decide
  what a value means); `!!binary` and every other tag are refused.
- Anchors and aliases are refused (a "billion laughs" file cannot expand).
- Duplicate keys are reported, with the line of each.
- Nesting deeper than MAX_DEPTH is refused (deeper nesting costs libyaml quadratic time).
- Control characters other than tab and newline are refused before parsing; written as escapes
  in double quotes (`"\\e[31m"`), they are kept with a warning. Invisible characters (bidi
  overrides, zero-width spaces) are kept with a warning.

Each limit is casetrack's own and reads the same whichever parser does the work: libyaml 0.2.5,
0.2.6 (which has a nesting limit of its own) or PyYAML's pure-Python reader.
"""

from __future__ import annotations

import re
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

from casetrack.characters import CONTROL, INVISIBLE, describe
from casetrack.problems import shorten

# The event parser both readers of a data file use (this one, and `positions`): libyaml's when
# PyYAML was built with it.
Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Warnings of one kind listed per file before "more follow".
LISTED = 5


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


# Deeper nesting than any dataset needs. libyaml's time grows with the square of the nesting depth
# (20,000 levels take seconds) and PyYAML's composer recurses in C (100,000 levels crash the
# interpreter), so reading stops here instead.
MAX_DEPTH = 64
TOO_DEEP = (
    f"values are nested more than {MAX_DEPTH} levels deep; a dataset file needs only a few levels"
)
TAB_INDENT = "a tab character is used for indentation; YAML needs spaces"
TAB_BETWEEN = "a tab character separates values here; YAML needs spaces"
TAGS_REFUSED = "YAML tags (!!python/..., !custom) are not accepted"
BINARY_REFUSED = "'!!binary' values are not accepted: every field is text; write the text itself"
ALIAS_REFUSED = (
    "YAML anchors and aliases (&name, *name) are not accepted; write the repeated value out in full"
)
SECOND_DOCUMENT = (
    "the file holds more than one YAML document (separated by '---'); put each in a file of its own"
)
AFTER_DOCUMENT = (
    "the file goes on after the end of its YAML document ('...'); put each document in a file "
    "of its own"
)

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_YAML = "tag:yaml.org,2002:"
_NULL_TAG = _YAML + "null"
_BINARY_TAG = _YAML + "binary"
# Tags whose value is kept as the text written: text itself, and the types the models decide.
_TEXT_TAGS = frozenset(
    (None, "!", *(_YAML + t for t in ("str", "bool", "int", "float", "timestamp")))
)
_COLLECTION_TAGS = frozenset((None, "!", _YAML + "map", _YAML + "seq"))
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\(?:u[dD][89abAB]|U0000[dD][89abAB])")
_NO_KEY = object()


def _at(mark: Any, message: str, severity: Literal["error", "warning"] = "error") -> YamlIssue:
    return YamlIssue(mark.line + 1, mark.column + 1, message, severity)


def _issue(mark: Any, message: str) -> YamlReadError:
    return YamlReadError(_at(mark, message))


def _describe(exc: yaml.YAMLError, source: str) -> YamlIssue:
    """A parser's error in casetrack's words where casetrack has a rule for it; else the parser's
    own words, said to be a YAML error."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    if "maximum nesting depth" in problem:
        return _too_deep(source, mark)
    if mark is None:
        return YamlIssue(None, None, f"this is not valid YAML: {problem}")
    if 0 <= mark.index < len(source) and source[mark.index] == "\t":
        return _at(mark, TAB_INDENT if _indenting(source, mark.index) else TAB_BETWEEN)
    if "invalid Unicode character escape" in problem:
        # Reported at the escape's backslash, where PyYAML's own reader's refusal is reported too.
        back = source.rfind("\\", 0, mark.index)
        if back >= 0 and mark.index - back <= mark.column:
            return YamlIssue(mark.line + 1, mark.column + 1 - (mark.index - back), _HALF_PAIR)
        return _at(mark, _HALF_PAIR)
    text = f"this is not valid YAML: {problem}" + (f" ({context})" if context else "")
    return _at(mark, text)


_HALF_PAIR = (
    "a \\u or \\U escape in this text writes no character (half of a UTF-16 pair, or a number "
    "past U+10FFFF); write the character itself"
)


def _indenting(source: str, index: int) -> bool:
    """Whether the character at `index` is in its line's indentation: nothing but white space and
    block indicators (`-`, `?`, `:`) before it on the line."""
    start = source.rfind("\n", 0, index) + 1
    return not source[start:index].replace("-", "").replace("?", "").replace(":", "").strip()


def _too_deep(source: str, mark: Any) -> YamlIssue:
    """libyaml 0.2.6 and later has a nesting limit of its own. Its scanner reaches it while looking
    ahead, far past the place where casetrack's lower limit stops the events (column 1009 of a
    line of brackets, not 73). Reading the text up to that point again finds casetrack's place,
    so the message and its position are the same whichever libyaml is installed."""
    if mark is None:
        return YamlIssue(None, None, TOO_DEEP)
    loader = Parser(source[: mark.index])
    try:
        _Reader(loader, source).read()
    except YamlReadError as exc:
        if exc.issue.message == TOO_DEEP:
            return exc.issue
    except (yaml.YAMLError, ValueError):
        pass
    finally:
        loader.dispose()
    return _at(mark, TOO_DEEP)


def _find(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The first LISTED matches of `pattern` in `text`, each as (line, column, character); one
    more entry, (0, 0, ''), when more follow."""
    found: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        if len(found) == LISTED:
            found.append((0, 0, ""))
            break
        pos = m.start()
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        found.append((line, column, m.group()))
    return found


def find_control_characters(text: str) -> list[YamlIssue]:
    """Control characters other than tab, CR and LF, each with its line and column."""
    return [
        YamlIssue(
            line, column, f"control character U+{ord(char):04X} is not allowed in a data file"
        )
        if char
        else YamlIssue(None, None, "more control characters follow; fix the first ones")
        for line, column, char in _find(text, CONTROL)
    ]


def _invisible_warning(char: str) -> str:
    return (
        f"invisible character {describe(char)} can make text read differently from what it "
        "says; outputs leave it out: remove it unless it is wanted"
    )


@dataclass
class Parsed:
    """The result of reading one YAML text."""

    data: Any = None
    issues: list[YamlIssue] = field(default_factory=list)
    ok: bool = True


class _Frame:
    """An open mapping or sequence while events are read."""

    __slots__ = ("container", "key", "key_lines", "mark")

    def __init__(self, container: Any, mark: Any) -> None:
        self.container = container
        self.key: Any = _NO_KEY
        self.key_lines: dict[str, int] | None = {} if isinstance(container, dict) else None
        self.mark = mark


class _Reader:
    """Builds plain dicts, lists and strings from a parser's events, without a node tree.

    Iterative, so no nesting depth can exhaust Python's or C's stack; refuses aliases, tags other
    than text, non-text keys and a second document; reports duplicate keys (the last value is
    kept) and warns about escaped control characters and invisible ones.
    """

    def __init__(self, loader: Any, source: str) -> None:
        self.loader = loader
        self.source = source
        self.issues: list[YamlIssue] = []
        # Only a file that holds an invisible character, or could write one as an escape, has
        # its every value looked at.
        self.look_everywhere = INVISIBLE.search(source) is not None
        self.invisible_warned = 0

    def read(self) -> Any:
        get = self.loader.get_event
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
                value = self.scalar(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None:
                    anchors[event.anchor] = event.start_mark
                if event.tag not in _COLLECTION_TAGS:
                    raise _issue(event.start_mark, TAGS_REFUSED)
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
                raise _issue(anchors.get(event.anchor, event.start_mark), ALIAS_REFUSED)
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
                    self.issues.append(
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
        try:
            event = get()
        except yaml.YAMLError as exc:
            # After an explicit end ('...'), the parsers disagree on how to say that the file
            # goes on; casetrack says it one way.
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            if mark is None:
                raise
            raise _issue(mark, AFTER_DOCUMENT) from None
        if not isinstance(event, StreamEndEvent):
            raise _issue(event.start_mark, SECOND_DOCUMENT)
        return root

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        value: str = event.value
        if event.style == '"':
            # Double quotes allow escapes (`"\e[31m"`, `"\0"`) that write the control characters
            # refused in the file's text. Written so, they are deliberate: kept (the outputs
            # leave them out), with a warning.
            bad = CONTROL.search(value)
            if bad:
                self.issues.append(
                    _at(
                        event.start_mark,
                        f"text holds control character U+{ord(bad.group()):04X} (written as an "
                        "escape); terminals may act on it: remove it unless it is wanted",
                        "warning",
                    )
                )
            if _SURROGATE.search(value):  # libyaml refuses these escapes itself; PyYAML does not
                written = self.written(event)
                escape = _ESCAPE.search(written)
                line, column = _position(event.start_mark, written, escape.start() if escape else 0)
                raise YamlReadError(YamlIssue(line, column, _HALF_PAIR))
        if (event.style == '"' or self.look_everywhere) and self.invisible_warned <= LISTED:
            self.invisible(event, value)
        if tag in _TEXT_TAGS:
            if tag is None and event.implicit[0] and value in _NULLS:
                return None
            return value
        if tag == _NULL_TAG:
            return None
        raise _issue(event.start_mark, BINARY_REFUSED if tag == _BINARY_TAG else TAGS_REFUSED)

    def invisible(self, event: Any, value: str) -> None:
        """Warn about an invisible character in a value: where it is written, or where the value
        starts when it is written as an escape."""
        found = INVISIBLE.search(value)
        if found is None:
            return
        self.invisible_warned += 1
        if self.invisible_warned > LISTED:
            self.issues.append(YamlIssue(None, None, "more invisible characters follow", "warning"))
            return
        written = self.written(event)
        line, column = _position(event.start_mark, written, max(0, written.find(found.group())))
        self.issues.append(YamlIssue(line, column, _invisible_warning(found.group()), "warning"))

    def written(self, event: Any) -> str:
        """A value's text as written in the file."""
        return self.source[event.start_mark.index : event.end_mark.index]


def _position(start: Any, written: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `offset` in text written from the mark `start` on."""
    before = written[:offset]
    newlines = before.count("\n")
    if newlines:
        return start.line + 1 + newlines, offset - before.rfind("\n")
    return start.line + 1, start.column + 1 + offset


def parse(text: str) -> Parsed:
    """Read one YAML document strictly; never raises for bad input."""
    bad = find_control_characters(text)
    if bad:
        return Parsed(None, bad, ok=False)
    loader = Parser(text)
    reader = _Reader(loader, text)
    try:
        data = reader.read()
    except YamlReadError as exc:
        return Parsed(None, [*reader.issues, exc.issue], ok=False)
    except yaml.YAMLError as exc:
        return Parsed(None, [*reader.issues, _describe(exc, text)], ok=False)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        return Parsed(
            None,
            [*reader.issues, YamlIssue(None, None, f"this is not valid YAML: {exc}")],
            ok=False,
        )
    finally:
        loader.dispose()
    # Duplicate keys are reported but the rest of the file is still checked.
    return Parsed(data, reader.issues, ok=True)
