"""A strict, safe YAML reader for hand-written data files.

- Safe loading only (libyaml's C parser when available).
- No YAML 1.1 implicit typing: `no`, `on`, `1:24`, `010` and `2025-01-15` all stay the text that was
  written; only `null`, `~` and empty values mean "nothing". The models decide what a value means.
- Anchors and aliases are refused (a "billion laughs" file cannot expand).
- Duplicate keys are reported, with the line of each.
- Control characters other than tab and newline are refused before parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL_TAG = "tag:yaml.org,2002:null"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class YamlIssue:
    """A problem found while reading YAML; line and column are 1-based."""

    line: int | None
    column: int | None
    message: str


class YamlReadError(Exception):
    """The text cannot be read as one YAML document."""

    def __init__(self, issue: YamlIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _only_null(resolvers: dict[Any, list[tuple[str, Any]]]) -> dict[Any, list[tuple[str, Any]]]:
    out = {}
    for first, pairs in resolvers.items():
        kept = [(tag, rx) for tag, rx in pairs if tag == _NULL_TAG]
        if kept:
            out[first] = kept
    return out


class StrictLoader(_Base):  # type: ignore[misc]
    """Safe loader without implicit typing (but null), aliases or duplicate keys."""

    yaml_implicit_resolvers = _only_null(_Base.yaml_implicit_resolvers)

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.issues: list[YamlIssue] = []

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            mark = node.start_mark
            raise YamlReadError(
                YamlIssue(
                    mark.line + 1,
                    mark.column + 1,
                    "YAML anchors and aliases (&name, *name) are not accepted; "
                    "write the repeated value out in full",
                )
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode):
                first = seen.setdefault(key_node.value, key_node.start_mark.line + 1)
                if first != key_node.start_mark.line + 1:
                    self.issues.append(
                        YamlIssue(
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                            f"duplicate key '{key_node.value}' (first given on line {first}); "
                            "each key may appear once in a mapping",
                        )
                    )
            else:
                raise YamlReadError(
                    YamlIssue(
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        "a mapping key must be plain text, not a list or mapping",
                    )
                )
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


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


def parse(text: str) -> Parsed:
    """Read one YAML document strictly; never raises for bad input."""
    bad = find_control_characters(text)
    if bad:
        return Parsed(None, bad, ok=False)
    loader = StrictLoader(text)
    try:
        data = loader.get_single_data()
    except YamlReadError as exc:
        return Parsed(None, [*loader.issues, exc.issue], ok=False)
    except yaml.YAMLError as exc:
        return Parsed(None, [*loader.issues, _describe(exc, text)], ok=False)
    except (ValueError, TypeError, RecursionError) as exc:
        return Parsed(None, [YamlIssue(None, None, f"this is not valid YAML: {exc}")], ok=False)
    finally:
        loader.dispose()
    # Duplicate keys are reported but the rest of the file is still checked.
    return Parsed(data, loader.issues, ok=True)


def compose(text: str) -> Node | None:
    """The node tree of a text (for finding where a value was written)."""
    loader = StrictLoader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def locate(
    root: Node | None, path: tuple[str | int, ...], at_key: bool = False
) -> tuple[int, int] | None:
    """The 1-based (line, column) of the value at `path` below `root`, or of its nearest parent.

    With at_key, a path ending in a mapping key gives the key's position rather than its value's.
    """
    if root is None:
        return None
    node: Node = root
    for i, step in enumerate(path):
        child: Node | None = None
        if isinstance(node, MappingNode) and isinstance(step, str):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == step:
                    child = key_node if at_key and i == len(path) - 1 else value_node
                    break
        elif (
            isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value)
        ):
            child = node.value[step]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1
