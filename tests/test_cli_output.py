"""The output layer: plain or styled, width, control characters, JSON/CSV/Markdown writers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from casetrack.characters import clean
from casetrack.output import Look, look_for, make_console
from casetrack.render.csvtext import csv_text
from casetrack.render.flat import markdown_table
from casetrack.render.records import json_text
from cli_fixture import CASE_FILES
from cli_helpers import run
from conftest import MakeDataset


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_plain_unless_a_terminal_without_no_color() -> None:
    assert look_for(io.StringIO(), {}) == Look(plain=True, width=80)
    assert look_for(Terminal(), {"COLUMNS": "132"}) == Look(plain=False, width=132)
    assert look_for(Terminal(), {"COLUMNS": "132", "NO_COLOR": "1"}).plain is True
    assert look_for(io.StringIO(), {"COLUMNS": "nonsense"}).width == 80


def test_terminal_output_has_colour_and_rules_plain_has_neither(make_dataset: MakeDataset) -> None:
    from casetrack.render.terminal import table

    for plain in (False, True):
        stream = Terminal()
        console = make_console(Look(plain=plain, width=60), stream)
        console.print(table(Look(plain=plain, width=60), ["Name", "Role"], [["[b]A[/b]", "x"]]))
        out = stream.getvalue()
        assert ("\x1b[" in out) is not plain
        assert ("─" in out) is not plain
        assert "[b]A[/b]" in out


def test_clean_strips_control_characters_but_keeps_newlines_and_tabs() -> None:
    assert clean("a\x1b[31mb\x07c\x9bd\te\nf\x00") == "a[31mbcd\te\nf"


def test_writers() -> None:
    text = json_text({"name": "Zoë \x9b", "n": [1]})
    assert text == '{\n  "name": "Zo\\u00eb \\u009b",\n  "n": [\n    1\n  ]\n}\n'
    assert json.loads(text)["name"] == "Zoë \x9b"
    assert json_text([{"a": 1}, "\x1b"]) == '[{"a": 1}, "\\u001b"]\n'
    assert csv_text(["a", "b"], [["1, 2", 'say "hi"\x1b']]) == 'a,b\r\n"1, 2","say ""hi"""\r\n'
    assert markdown_table(["a|b", "c"], [["x\ny", "back\\slash"]]) == (
        "| a\\|b | c |\n| --- | --- |\n| x y | back\\\\slash |\n"
    )


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(CASE_FILES)


def test_pager_only_when_asked(data: Path) -> None:
    plain = run("claims", "--data", data, "--as-of", "2025-03-10", env={"PAGER": "cat"})
    paged = run("claims", "--data", data, "--as-of", "2025-03-10", "--pager", env={"PAGER": "cat"})
    assert paged.exit_code == 0
    assert "Harassment" in paged.stdout
    assert "Harassment" in plain.stdout


def test_width_follows_columns(data: Path) -> None:
    narrow = run("timeline", "--data", data, "--as-of", "2025-03-10", width=60).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    wide = run("timeline", "--data", data, "--as-of", "2025-03-10", width=160).stdout
    assert max(len(line) for line in wide.splitlines()) > 80


def test_csv_cells_that_a_spreadsheet_would_run_are_defused() -> None:
    out = csv_text(["a", "b", "c"], [['=HYPERLINK("http://x")', "+1", "plain - text"]])
    assert out == 'a,b,c\r\n"\'=HYPERLINK(""http://x"")",\'+1,plain - text\r\n'


def test_markdown_cells_never_become_html_or_links() -> None:
    table = markdown_table(["t"], [["<script>x</script> [a](javascript:alert(1)) a|b & c"]])
    assert table.splitlines()[2] == (
        "| &lt;script&gt;x&lt;/script&gt; [a\\](javascript:alert(1)) a\\|b &amp; c |"
    )
