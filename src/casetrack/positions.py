"""Where each value of a YAML text is written: the line and column of problems found after
parsing (a wrong type, an unknown id), looked up in one pass over the text's events.

A courtesy to the reader of a message: it never raises, and what it cannot find is left out.

This walks a text's events as `yamlsafe` does, but stays a walker of its own: the reader builds
values from every event of every file (the slowest part of a first load) and has no use for
paths, while this follows paths into only the parts of a file that hold a problem and skips the
rest. A core shared by both would put path-keeping on the reader's hot path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from casetrack.yamlsafe import MAX_DEPTH, Parser

Path = tuple[str | int, ...]
_NO_KEY = object()  # a mapping whose next key has not been read


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
    loader = Parser(text)
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
            _next_item(stack[-1])
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
        _next_item(stack[-1])


def _next_item(top: list[Any]) -> None:
    """After a value of the open mapping or sequence `top`: a mapping waits for its next key, a
    sequence counts on to its next index."""
    if top[1]:
        top[2] = _NO_KEY
    else:
        top[2] += 1
