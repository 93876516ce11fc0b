"""`casetrack export`: filters, stdout or -o FILE, --force, and the atomic writer.

The formats themselves are checked against their consumers in test_export_ics.py,
test_export_timelinejs.py and test_export_html.py; here, what the command does around them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result

from casetrack import atomic
from casetrack.atomic import OutputExistsError, write_atomic
from casetrack.cli import cli
from export_dataset import AS_OF, write_dataset


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    environ = {"CASETRACK_DATA": "", "SOURCE_DATE_EPOCH": ""}
    environ.update(env or {})
    return CliRunner().invoke(cli, [str(a) for a in args], env=environ, catch_exceptions=False)


def test_ics_to_stdout_with_a_note_on_stderr(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    result = run("export", "ics", "--data", data, "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert len(icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")) == 8
    assert result.stderr == (
        "Note: 2 entries dated only to a month or year left out of the calendar "
        "(listed in its X-CASETRACK-OMITTED line).\n"
    )


def test_the_timeline_filters_apply(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)

    def ids(*args: str, as_of: str = AS_OF) -> list[str]:
        result = run("export", "timelinejs", "--data", data, "--as-of", as_of, *args)
        assert result.exit_code == 0, result.output
        return [e["unique_id"] for e in json.loads(result.stdout)["events"]]

    assert "ev-state-hearing" in ids()
    assert "ev-state-hearing" not in ids("--case", "Ñúñez v. Acme")
    assert ids("--case", "state-v-acme") == ["ev-state-hearing"]
    assert "ev-alleged" not in ids("--facts-only")
    assert ids("--from", "2025-05", "--to", "2025-06-30") == ["ev-hearing-new", "ev-trial"]
    assert ids("--party", "Zoë", "--to", "2024-12") == ["ev-year", "ev-alleged"]
    assert "ev-hearing-old" in ids(as_of="2025-03-10")
    assert "ev-hearing-old" not in ids()


def test_unknown_case_is_an_error(tmp_path: Path) -> None:
    result = run("export", "html", "--data", write_dataset(tmp_path), "--case", "nope")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no case matches 'nope'")


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    out = tmp_path / "out" / "timeline.html"
    out.parent.mkdir()
    first = run("export", "html", "--data", data, "-o", out)
    assert (first.exit_code, first.stdout) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out.write_text("mine", encoding="utf-8")
    again = run("export", "html", "--data", data, "-o", out)
    assert again.exit_code == 1
    assert again.stderr == f"Error: {out} exists; use --force to overwrite\n"
    assert out.read_text(encoding="utf-8") == "mine"
    forced = run("export", "ics", "--data", data, "-o", out, "--force")
    assert forced.exit_code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in out.parent.iterdir()) == ["timeline.html"]  # no temp files


def test_listing_formats_are_the_timeline_s(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    for fmt in ("json", "csv", "markdown"):
        exported = run("export", fmt, "--data", data, "--as-of", AS_OF, "--facts-only")
        listed = run("timeline", "--format", fmt, "--data", data, "--as-of", AS_OF, "--facts-only")
        assert exported.exit_code == listed.exit_code == 0
        assert exported.stdout_bytes == listed.stdout_bytes, fmt


def test_atomic_write_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.ics"
    write_atomic(target, b"one")
    with pytest.raises(OutputExistsError):
        write_atomic(target, b"two")
    write_atomic(target, b"three", force=True)
    assert target.read_bytes() == b"three"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ics"]


def test_a_file_appearing_while_writing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.ics"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_bytes(b"theirs")

    monkeypatch.setattr(atomic.os, "fsync", someone_else_writes)
    with pytest.raises(OutputExistsError):
        write_atomic(target, b"ours")
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ics"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.ics"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(atomic.OutputError, match="No space left on device"):
        write_atomic(target, b"new" * 1000, force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ics"]


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.json", b"{}")
    finally:
        os.umask(umask)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o644


def test_help_has_examples() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0
    assert "casetrack export ics -o lively.ics" in result.stdout
