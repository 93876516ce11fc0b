"""Hostile files and faults around the data: where an export is written, a stdout that is full or
closed, a signal in the middle of a write, an edit while the data is read, a named pipe where the
cache file belongs, and dates at the calendar's very end."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest

from cli_helpers import casetrack, run
from conftest import MakeDataset

GOOD = {
    "main.yaml": """
        sources:
          - {id: s1, kind: docket, title: A report}
        parties:
          - {id: alice, name: Alice Example, kind: person, sources: [s1]}
        filings:
          - {id: f1, date: 2025-01-02, kind: letter, title: A letter, filed_by: [alice], sources: [s1]}
    """
}  # fmt: skip

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


# --- export -o: regular files only -------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("force", [True, False], ids=["--force", "no --force"])
def test_a_named_pipe_is_never_replaced(tmp_path: Path, force: bool) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "link"
    link.symlink_to(pipe)
    for target in (pipe, link):
        result = run("schema", "-o", target, *(["--force"] if force else []))
        assert (result.exit_code, result.stdout, result.stderr) == (
            1,
            "",
            f"Error: {target} is not a regular file (a pipe, device or socket); casetrack writes "
            "only regular files (-o - writes to stdout)\n",
        )
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    """`-o /dev/null --force` run as root put a regular file in place of /dev/null; tried here
    on a device node of its own."""
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.stat("/dev/null").st_rdev)
    result = run("export", "ics", "-o", null, "--force")
    assert result.exit_code == 1
    assert result.stderr.endswith(f"Error: {null} is not a regular file (a pipe, device or socket); "
                                  "casetrack writes only regular files (-o - writes to stdout)\n")  # fmt: skip
    assert stat.S_ISCHR(null.lstat().st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_stdout_by_name(name: str) -> None:
    result = run("schema", "-o", name)
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["title"] == "casetrack dataset file"


def test_force_replaces_a_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_text("mine", encoding="utf-8")
    link = tmp_path / "schema.json"
    link.symlink_to(target)
    refused = run("schema", "-o", link)
    assert refused.stderr == f"Error: {link} exists; use --force to overwrite\n"
    forced = run("schema", "-o", link, "--force")
    assert (forced.exit_code, forced.stderr) == (0, "")
    assert not link.is_symlink() and json.loads(link.read_text(encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "mine"


def test_help_says_what_force_does_to_a_link() -> None:
    out = " ".join(run("export", "--help").stdout.split())
    assert (
        "--force Overwrite FILE if it is a regular file. A symbolic link is replaced by the new "
        "file; its target is left as it is." in out
    )


@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_output_name_is_refused(value: str) -> None:
    result = run("export", "ics", "-o", value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Error: Invalid value for -o: is empty; give a file name, or - for stdout\n"
    )


def test_a_folder_is_refused(tmp_path: Path) -> None:
    result = run("schema", "-o", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: Invalid value for '-o' / '--output': File '{tmp_path}' "
                                  "is a directory.\n")  # fmt: skip


# --- a stdout that cannot be written ----------------------------------------------------------

OUTPUTS = [
    ["timeline"],
    ["timeline", "--format", "json"],
    ["cases", "--format", "csv"],
    ["export", "html"],
    ["validate"],
    ["schema"],
    ["--version"],
    ["--help"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_a_full_stdout_is_one_error_line(tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = casetrack(*args, cwd=tmp_path, cache=tmp_path / "cache", stdout=full.fileno())
    assert (result.returncode, result.stderr) == (
        1,
        "Error: cannot write the output: No space left on device\n",
    )


@pytest.mark.skipif(os.name != "posix", reason="pipes closed early")
@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_a_closed_pipe_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # `| head` that has already gone
    try:
        result = casetrack(*args, cwd=tmp_path, cache=tmp_path / "cache", stdout=write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (1, "")


# --- stopped in the middle of a write ---------------------------------------------------------

STOPPED = """
import os, signal, sys
real_fsync = os.fsync

def stopped(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.{signal})

os.fsync = stopped  # the signal comes while the temporary file is being written
sys.argv = ["casetrack", "export", "html", "-o", "timeline.html"]
from casetrack.launcher import main
main()
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_during_export_leaves_no_temporary_file(
    tmp_path: Path, name: str, status: int
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CASETRACK_DATA"}
    env["CASETRACK_CACHE_DIR"] = str(tmp_path / "cache")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", STOPPED.format(signal=name)],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == status
    assert sorted(p.name for p in out.iterdir()) == []


# --- an edit while the data is read ------------------------------------------------------------


def watch_opens(
    patched: pytest.MonkeyPatch, name: str, first: Callable[[], None] = lambda: None
) -> list[str]:
    """Every opening of a file called `name`, whichever way it is opened; `first` runs just after
    the first one."""
    opened: list[str] = []

    def watched(real: Callable[..., Any]) -> Callable[..., Any]:
        def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
            result = real(file, *args, **kwargs)
            if str(file).endswith(name):
                opened.append(str(file))
                if len(opened) == 1:
                    first()
            return result

        return open_

    for module, attribute in ((os, "open"), (io, "open"), (builtins, "open")):
        patched.setattr(module, attribute, watched(getattr(module, attribute)))
    return opened


def test_an_edit_during_a_run_never_outlives_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves the file just after casetrack opens it, then the user restores it with
    `cp -p` (same bytes, same modification time). Later runs must say what the file says."""
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)  # casetrack has been used before
    monkeypatch.setenv("CASETRACK_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    root = Path("d")
    root.mkdir()
    path = root / "main.yaml"
    path.write_text(
        "sources:\n  - {id: s1, kind: docket, title: A report}\n"
        "filings:\n  - {id: f1, date: 2025-01-02, kind: letter, title: A letter, sources: [s1]}\n",
        encoding="utf-8",
    )
    original, before = path.read_bytes(), path.stat()

    def save_edit() -> None:
        saved = path.with_name("main.yaml.new")
        saved.write_bytes(original.replace(b"A letter", b"An edit!"))  # the same size
        os.replace(saved, path)

    with monkeypatch.context() as patched:
        opened = watch_opens(patched, "main.yaml", first=save_edit)
        raced = run("timeline", "--data", root, "--format", "json")
    assert opened and raced.exit_code == 0
    assert list(cache.glob("*.index")) == []  # a file changed during the run: nothing saved

    path.write_bytes(original)  # cp -p: the same bytes and modification time as before
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    for _ in range(2):  # from the files, then from the cache
        again = run("timeline", "--data", root, "--format", "json")
        assert [e["title"] for e in json.loads(again.stdout)] == ["A letter"]
    assert len(list(cache.glob("*.index"))) == 1


def test_each_data_file_is_read_once(
    make_dataset: MakeDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a cache miss the bytes hashed for the key are the bytes parsed, and a problem's line is
    found in them too: one opening of each file, even one with problems."""
    data = make_dataset({**GOOD, "bad.yaml": "events:\n  - {id: e1, date: 2025-02-30}\n"})
    with monkeypatch.context() as patched:
        opened = watch_opens(patched, ".yaml")
        result = run("validate", "--data", data)
    assert result.exit_code == 1
    assert sorted(Path(p).name for p in opened) == ["bad.yaml", "main.yaml"]


def test_timeline_walks_the_folder_once_and_reads_each_file_once(
    make_dataset: MakeDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The large-dataset hint is decided from the files as read for the load: no second walk of
    the folder, and no file opened twice, whether the dataset comes from its files or the cache."""
    data = make_dataset({**GOOD, "more/other.yaml": "sources: []\n"})
    walks: list[str] = []
    real_walk = os.walk

    def walk(top: Any, *args: Any, **kwargs: Any) -> Any:
        walks.append(str(top))
        return real_walk(top, *args, **kwargs)

    for attempt in ("from the files", "from the cache"):
        walks.clear()
        with monkeypatch.context() as patched:
            patched.setattr(os, "walk", walk)
            opened = watch_opens(patched, ".yaml")
            result = run("timeline", "--data", data)
        assert result.exit_code == 0, attempt
        assert walks == [str(data)], attempt
        assert sorted(Path(p).name for p in opened) == ["main.yaml", "other.yaml"], attempt


# --- the cache file's place --------------------------------------------------------------------


@posix_only
def test_a_named_pipe_at_the_cache_file_is_not_waited_on(
    tmp_path: Path, make_dataset: MakeDataset
) -> None:
    data = make_dataset(GOOD)
    cache = tmp_path / "cache"
    first = casetrack("timeline", "--data", data, "--format", "json", cwd=tmp_path, cache=cache)
    (cache_file,) = cache.glob("*.index")
    cache_file.unlink()
    os.mkfifo(cache_file)
    for _ in range(2):
        again = casetrack("timeline", "--data", data, "--format", "json", cwd=tmp_path, cache=cache)
        assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    assert stat.S_ISFIFO(cache_file.lstat().st_mode)  # not read, and not replaced either


# --- the calendar's last day -------------------------------------------------------------------

LAST_DAYS = {
    "data.yaml": """
        sources:
          - {id: s1, kind: docket, title: Docket, published: 9999-12-31}
        events:
          - {id: last, date: 9999-12-31, kind: hearing, title: The last day, sources: [s1]}
          - {id: span, date: 9999-12-30/9999-12-31, kind: trial, title: The last two, sources: [s1]}
          - {id: first, date: 0001-01-01, kind: hearing, title: The first day, sources: [s1]}
    """
}  # fmt: skip


def test_a_calendar_reaches_the_last_day_of_9999(make_dataset: MakeDataset) -> None:
    result = run(
        "export", "ics", "--data", make_dataset(LAST_DAYS), "--as-of", "9999-12-31",
        env={"SOURCE_DATE_EPOCH": ""},
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    text = result.stdout_bytes.decode("utf-8")
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")}
    assert "DTEND" not in events["last@casetrack"]
    assert events["last@casetrack"]["DURATION"].dt == dt.timedelta(days=1)
    assert events["span@casetrack"]["DTSTART"].dt == dt.date(9999, 12, 30)
    assert events["span@casetrack"]["DURATION"].dt == dt.timedelta(days=2)
    assert events["first@casetrack"]["DTSTART"].dt == dt.date(1, 1, 1)
    assert "DTSTART;VALUE=DATE:00010101\r\n" in text
    assert "DTSTAMP:99991231T235959Z\r\n" in text


@pytest.mark.parametrize(
    ("epoch", "outcome"),
    [
        ("253402300799", "DTSTAMP:99991231T235959Z\r\n"),
        (
            "253402300800",
            "Error: SOURCE_DATE_EPOCH=253402300800 is after the year 9999, which a calendar "
            "cannot write\n",
        ),
        (
            "99999999999999999999",
            "Error: SOURCE_DATE_EPOCH=99999999999999999999 is after the year 9999, which a "
            "calendar cannot write\n",
        ),
    ],
)
def test_source_date_epoch_past_9999(make_dataset: MakeDataset, epoch: str, outcome: str) -> None:
    result = run("export", "ics", "--data", make_dataset(GOOD), env={"SOURCE_DATE_EPOCH": epoch})
    if outcome.startswith("Error"):
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", outcome)
    else:
        assert (result.exit_code, result.stderr) == (0, "")
        assert outcome in result.stdout_bytes.decode("utf-8")
