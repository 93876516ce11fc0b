"""The shape of the code: no import cycle, no module over the size limit, rich only where the
terminal is laid out, and no pydantic in the word lists `--help` reads.

Imports are read with `ast` from every module of src/casetrack, at module level and inside
functions (a function-level import is still a dependency, made later). Imports under
`if TYPE_CHECKING:` are left out: they are read by mypy, never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "casetrack"
LIMIT = 400  # lines
# Modules allowed over the limit, each with the reason. Keep it short.
OVER_LIMIT = {
    # The database's tables written as data, one definition each (columns, keys, meaning) that
    # the SQLite export and Datasette's metadata both read; split, no file would hold the schema.
    "casetrack.sqlschema": "the SQLite schema, as data",
}
# Where rich may be imported: the terminal layout, and the console the output path makes.
RICH_ALLOWED = {"casetrack.output"}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(source: str) -> set[str]:
    """Every module name a source imports, run-time imports only, at any depth."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit_one(other)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        visit(node)

    visit(ast.parse(source))
    return found


def graph(root: Path) -> dict[str, set[str]]:
    """Each module of the package -> the modules of the package it imports."""
    modules = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    out: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = imports_of(path.read_text(encoding="utf-8"))
        out[name] = {m for m in imported if m in modules and m != name}
    return out


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (a, b, ..., a), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycle() -> None:
    found = cycle(graph(PACKAGE))
    assert found is None, "import cycle: " + " -> ".join(found or [])


def test_the_cycle_finder_sees_function_level_imports_and_skips_type_checking(
    tmp_path: Path,
) -> None:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "a.py").write_text("from pkg.sub import b\n")
    (root / "sub" / "b.py").write_text("def f():\n    from pkg import c\n")
    (root / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    )
    assert cycle(graph(root)) is None
    (root / "c.py").write_text("def g():\n    import pkg.a\n")
    assert cycle(graph(root)) == ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]


def test_no_module_over_the_size_limit() -> None:
    sizes = {
        module_name(p, PACKAGE): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    over = {name: n for name, n in sizes.items() if n > LIMIT and name not in OVER_LIMIT}
    assert over == {}, f"over {LIMIT} lines: {over}"
    # An exception that no longer needs to be one goes from the list.
    assert {name for name in OVER_LIMIT if sizes.get(name, 0) <= LIMIT} == set()


def test_rich_only_in_the_terminal_modules() -> None:
    edges = {
        module_name(p, PACKAGE): imports_of(p.read_text(encoding="utf-8"))
        for p in PACKAGE.rglob("*.py")
    }
    using = {
        name for name, imported in edges.items() if any(m.startswith("rich") for m in imported)
    }
    terminal = {name for name in using if name.split(".")[-1].endswith("terminal")}
    assert using - terminal == RICH_ALLOWED


@pytest.mark.parametrize("module", ["vocabulary", "dataset", "errors", "characters", "dates"])
def test_the_light_modules_import_no_pydantic_rich_or_yaml(module: str) -> None:
    """What the command line reads before it knows it needs the data model: the word lists for
    --help (`claims --status`), the errors, the dates."""
    imported = imports_of((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    heavy = {m for m in imported if m.split(".")[0] in ("pydantic", "rich", "yaml")}
    assert heavy == set()
    local = graph(PACKAGE)[f"casetrack.{module}"]
    assert local <= {"casetrack", "casetrack.vocabulary", "casetrack.characters"}
