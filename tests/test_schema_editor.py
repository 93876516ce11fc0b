"""`casetrack.schema.json` in the editor's own reader: yaml-language-server, over stdio LSP.

yaml-language-server (pinned in tests/js) is what VS Code's YAML extension, Neovim, Helix, Zed and
others run to check YAML against a JSON Schema. The test starts it with Node.js, opens files in
a folder `casetrack init` made (each carries the `# yaml-language-server: $schema=...` line that
points at the schema next to it), and reads back what an editor would show: the diagnostics the
server publishes and the completion it offers. The schema store and the Kubernetes catalogue,
which the server would otherwise fetch, are turned off in its settings: no network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casetrack.models import Event
from cli_helpers import run
from external import node, node_package, pinned_version, readme_section
from language_server import LanguageServer, document_uri

# The settings an editor would send, by section (yaml-language-server asks for them).
SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "schemaStore": {"enable": False, "url": ""},
        "kubernetesCRDStore": {"enable": False},
    },
}
MODELINE = "# yaml-language-server: $schema=./casetrack.schema.json\n"
ERROR = 1  # LSP DiagnosticSeverity.Error

# Each record but the first has one mistake; the comment says what the editor underlines, on
# which line (LSP counts from 0: the modeline is line 0; a missing field is reported where its
# record starts).
MISTAKES = (
    MODELINE
    + """\
events:
  - id: ev-fine
    date: 2025-06-10
    kind: ruling
    title: Judge dismisses the overtime claim
  - id: ev-misspelt                       # line 6: no title
    date: 2025-06-11
    kind: ruling
    titel: Status conference set          # line 9: not a field
  - id: ev-unknown-kind
    date: 2025-06-12
    kind: hearng                          # line 12: not a kind
    title: Hearing on the motion
  - id: ev-bad-date
    date: 12 June 2025                    # line 15: not a date
    kind: ruling
    title: Order on the motion
  - id: ev-no-date                        # line 18: no date
    kind: deadline
    title: Answer due
    sources: [src-example-complaint]
"""
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A dataset folder as `casetrack init` makes it."""
    root = tmp_path / "my-case"
    result = run("init", root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def server(folder: Path) -> Iterator[LanguageServer]:
    """yaml-language-server, initialised with the dataset folder as its workspace."""
    command = [
        node(),
        str(node_package("yaml-language-server") / "bin" / "yaml-language-server"),
        "--stdio",
    ]
    with LanguageServer(command, settings=SETTINGS) as ls:
        answer = ls.request(
            "initialize",
            {
                "processId": None,
                "rootUri": folder.as_uri(),
                "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}],
                "capabilities": {"workspace": {"configuration": True}},
            },
        )
        assert answer["capabilities"]["completionProvider"] is not None
        ls.notify("initialized", {})
        # Files are opened once the server has its settings, as they are in an editor.
        ls.wait_for_request("workspace/configuration")
        yield ls


def open_file(server: LanguageServer, path: Path, text: str | None = None) -> str:
    """Write the file (if text is given) and open it in the server, as an editor does."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    uri = document_uri(path)
    server.notify(
        "textDocument/didOpen",
        {
            "textDocument": {
                "uri": uri,
                "languageId": "yaml",
                "version": 1,
                "text": path.read_text(encoding="utf-8"),
            }
        },
    )
    return uri


def diagnostics(server: LanguageServer, uri: str) -> list[tuple[int, str]]:
    """The problems the editor underlines in the file: (0-based line, message), by line."""
    published = server.wait_for_notification(
        "textDocument/publishDiagnostics", lambda params: params["uri"] == uri
    )
    found = published["diagnostics"]
    assert {d["severity"] for d in found} <= {ERROR}
    return sorted((d["range"]["start"]["line"], d["message"]) for d in found)


def event_schema(folder: Path) -> dict[str, Any]:
    schema = json.loads((folder / "casetrack.schema.json").read_text(encoding="utf-8"))
    event: dict[str, Any] = schema["definitions"]["Event"]
    return event


def test_files_init_writes_have_no_problems(server: LanguageServer, folder: Path) -> None:
    yaml_files = sorted(folder.glob("*.yaml"))
    assert len(yaml_files) == 7  # deadlines.yaml too
    for path in yaml_files:
        assert path.read_text(encoding="utf-8").startswith(MODELINE), path.name
        uri = open_file(server, path)
        assert diagnostics(server, uri) == [], path.name


def test_mistakes_are_underlined_on_their_lines(server: LanguageServer, folder: Path) -> None:
    uri = open_file(server, folder / "events-draft.yaml", MISTAKES)
    properties = event_schema(folder)["properties"]
    kinds = ", ".join(f'"{kind}"' for kind in properties["kind"]["enum"])
    assert diagnostics(server, uri) == [
        (6, 'Missing property "title".'),
        (9, "Property titel is not allowed."),
        (12, f"Value is not accepted. Valid values: {kinds}."),
        (15, f'String does not match the pattern of "{properties["date"]["pattern"]}".'),
        (18, 'Missing property "date".'),
    ]


def test_field_names_complete_inside_a_record(server: LanguageServer, folder: Path) -> None:
    text = MODELINE + "events:\n  - id: ev-new\n    kind: hearing\n    \n"
    uri = open_file(server, folder / "events-new.yaml", text)
    completion = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 4}},
    )
    fields = {
        item["label"]: item.get("documentation")
        for item in completion["items"]
        if item.get("kind") == 10  # CompletionItemKind.Property
    }
    # Every field of an event that the record does not have yet, explained as the model says.
    assert set(fields) == set(Event.model_fields) - {"id", "kind"}
    for name in ("date", "title", "alleged"):
        assert fields[name] == Event.model_fields[name].description, name


def test_readme_names_the_server_tested() -> None:
    version = pinned_version("yaml-language-server")
    assert f"yaml-language-server itself ({version}, from npm," in readme_section(
        "Tracking your own case"
    )


# Every form of date, as a user writes them: one day within a range (quoted, or unquoted, which
# YAML reads as a list of one item), open and unknown interval ends. Only the last is a mistake.
DATE_FORMS = (
    MODELINE
    + """\
events:
  - id: ev-between
    date: "[2024-12-31..2025-01-30]"
    kind: ruling
    title: One day no source gives, within the range
  - id: ev-between-unquoted
    date: [2024-12-31..2025-01-30]
    kind: ruling
    title: The same, as YAML reads it unquoted
  - id: ev-by
    date: [..2025-01-29]
    kind: ruling
    title: On or before 29 Jan 2025
  - id: ev-span-open
    date: 2024-12-31/..
    kind: hearing
    title: A span that goes on
  - id: ev-span-start-unknown
    date: /2024-08
    kind: hearing
    title: A span whose start no source gives
  - id: ev-two-dates
    date: [2025-01-27, 2025-01-29]        # line 23: a list, not one date
    kind: ruling
    title: Two dates
"""
)


def test_every_form_of_date_is_accepted(server: LanguageServer, folder: Path) -> None:
    uri = open_file(server, folder / "events-dates.yaml", DATE_FORMS)
    item = event_schema(folder)["properties"]["date"]["items"]["pattern"]
    assert diagnostics(server, uri) == [
        (23, "Array has too many items. Expected 1 or fewer."),
        (23, f'String does not match the pattern of "{item}".'),
    ]
    # casetrack reads them the same way (the events name no sources: not what is checked here).
    result = run("validate", "--data", folder)
    found = [line for line in result.stdout.splitlines() if "events-dates.yaml" in line]
    assert [line for line in found if "has no source" not in line] == [
        f"{folder / 'events-dates.yaml'}:24:11: event 'ev-two-dates': date: ['2025-01-27', "
        "'2025-01-29'] is not a date; write it as a string such as '2025-01-15' (one day within a "
        "range as '[2024-12-31..2025-01-30]')"
    ]
