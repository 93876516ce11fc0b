"""A faster reader for the plain files most datasets are, when the optional `yaml_rs` is
installed (`pip install 'casetrack[fast]'`): `parse` gives exactly what `yamlsafe.parse` gives,
about twice as fast on a clean file, and hands every other file to `yamlsafe`.

yaml_rs (a Rust YAML 1.2 parser) reads a file 4.5 times faster than casetrack's own reader on
libyaml, but not as strictly: it expands aliases, drops unknown tags, reads `010`, `1_0`, `TRUE`
or `1.50` as numbers and booleans, takes some tabs, and reports a duplicate key without its
place. So it is used only where its result can be shown to be the reader's, and a file goes to
`yamlsafe` (which words every problem with its line and column) when it holds:

- anything a strictness rule looks at: a backslash (an escape may write a control or invisible
  character), a tab, a control or invisible character, node properties (`&`, `*`, `!` starting
  a node), document markers, a merge key;
- what YAML 1.1 (libyaml) and 1.2 (yaml_rs) read apart: a flow mapping (`{`), a last line of
  spaces without a newline;
- what yaml_rs refuses (a duplicate key, bad syntax, its own depth limit), or a file that is
  not a mapping;
- after reading: a key that is not text, a float or a boolean, nesting past `MAX_DEPTH`, or an
  integer while some number-like word of the file is not written as Python prints it (`007`,
  `1_0`, `+1`, `0x1F`): an integer is taken back as its text only when that text is sure.

yaml_rs is young (0.1.x): casetrack pins it, and its tests run the whole hostile-input suite
through this path and compare it with the reader on every text they hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from casetrack import yamlsafe
from casetrack.characters import CONTROL, INVISIBLE


def _find_loads() -> Callable[..., Any] | None:
    """yaml_rs's reader, or None when the optional extra is not installed (the reader then does
    all the work)."""
    try:
        from yaml_rs import loads  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return None
    found: Callable[..., Any] = loads
    return found


_LOADS = _find_loads()

# A node property (&anchor, *alias, !tag) starts a node: after a line start, white space, a flow
# indicator or ':'. A false alarm only sends the file to the reader.
_PROPERTY = re.compile(r"(?<![^\s\[\]{},:])[&*!]\S")
_MARKER = re.compile(r"(?:^|\n)(?:---|\.\.\.)(?:[ \t\r\n]|$)")
_MERGE = re.compile(r"<<(?<![^\s{,]<<)\s*:")
# A whole plain word yaml_rs may read as an integer: sign, base prefix, digits and underscores
# in any order (it reads '_1', '1__0', '0X1F', '0b1' and '+0' as integers).
_NUMBER = re.compile(r"(?<![^\s\[{,:])[-+]?(?:0[xXoObB])?[0-9a-fA-F_]+(?=[ \t]*(?:$|[\r\n,\]}#]))")
_CANONICAL = re.compile(r"0|-?[1-9][0-9]*")


class _Unsure(Exception):
    """The value read is not surely the reader's."""


def available() -> bool:
    return _LOADS is not None


def parse(text: str) -> yamlsafe.Parsed:
    """`yamlsafe.parse(text)`, through yaml_rs where that gives the same."""
    if _LOADS is None or _for_the_reader(text):
        return yamlsafe.parse(text)
    try:
        data = _LOADS(text, parse_datetime=False)
    except Exception:  # its words and places are not the reader's
        return yamlsafe.parse(text)
    if data is not None and type(data) is not dict:
        return yamlsafe.parse(text)
    integers: list[bool] = []
    try:
        data = _as_text(data, 0, integers)
    except (_Unsure, RecursionError, ValueError):
        return yamlsafe.parse(text)
    if integers and any(not _CANONICAL.fullmatch(m.group()) for m in _NUMBER.finditer(text)):
        return yamlsafe.parse(text)
    return yamlsafe.Parsed(data, [], ok=True)


def _for_the_reader(text: str) -> bool:
    last = text[text.rfind("\n") + 1 :]
    return bool(
        "\\" in text
        or "\t" in text
        or "{" in text
        or (last and not last.strip())
        or CONTROL.search(text)
        or INVISIBLE.search(text)
        or (("&" in text or "*" in text or "!" in text) and _PROPERTY.search(text))
        or (("---" in text or "..." in text) and _MARKER.search(text))
        or ("<<" in text and _MERGE.search(text))
    )


def _as_text(value: Any, depth: int, integers: list[bool]) -> Any:
    """The value as the reader builds it: text, lists and mappings of text (an integer back to
    its text, noted in `integers`); _Unsure for anything else."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is dict:
        if depth >= yamlsafe.MAX_DEPTH:
            raise _Unsure
        out = {}
        for k, v in value.items():
            if type(k) is not str:
                raise _Unsure
            out[k] = _as_text(v, depth + 1, integers)
        return out
    if kind is list:
        if depth >= yamlsafe.MAX_DEPTH:
            raise _Unsure
        return [_as_text(v, depth + 1, integers) for v in value]
    if kind is int:
        if not integers:
            integers.append(True)
        return str(value)
    raise _Unsure
