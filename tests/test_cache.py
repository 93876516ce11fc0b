"""The dataset cache: same answers as a fresh load, never stale, never trusted when damaged."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import pytest

from casetrack import cache, cachedir, indexfile
from casetrack.cache import load
from casetrack.dataset import RECORD_FIELDS
from casetrack.indexed import IndexedDataset
from cli_helpers import run_process

DATA = {
    "main.yaml": """
        sources:
          - id: s1
            kind: news-report
            title: A report
        parties:
          - id: alice
            name: Alice Example
            kind: person
            sources: [s1]
        filings:
          - id: f1
            case: null
            date: 2025-01-02
            kind: letter
            title: A letter
            filed_by: [alice]
            sources: [s1]
          - id: f2
            case: null
            date: 2025-01-03~
            kind: letter
            title: Another letter
            filed_by: [bob]
            sources: [s1]
    """,
}


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(home))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return home


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))}


def as_plain(root: Path) -> tuple[object, ...]:
    dataset, problems = load(root)
    return (
        dataset.files,
        len(dataset),
        {name: dict(dataset.section(name)) for name in RECORD_FIELDS},
        [str(p) for p in problems],
        [p.severity for p in problems],
    )


def test_a_repeated_load_gives_the_same_dataset_and_problems(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = write(Path("d"), DATA)
    before = snapshot(root)
    first = as_plain(root)
    assert len(list(cache_home.glob("*.index"))) == 1
    second = as_plain(root)
    assert second == first
    # Problems keep their file:line:column from the cache.
    assert "d/main.yaml:23:16: filing 'f2' names unknown party 'bob'" in second[3]
    assert snapshot(root) == before  # nothing written beside the data
    # A run on the same files is served from the cache: it reads no YAML at all, and says the same.
    again = run_process("validate", "--data", root, cache=cache_home, cwd=tmp_path)
    assert not again.parsed_yaml
    assert (again.returncode, again.stderr) == (1, "")
    assert again.stdout.splitlines() == [*first[3], SUMMARY]


SUMMARY = "1 file, 4 records: 1 error, 1 warning"


def test_cached_records_equal_fresh_ones(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write(tmp_path / "d", DATA)
    load(root)
    cached, _ = load(root)
    assert isinstance(cached, IndexedDataset)  # the cache's own records, not a fresh load
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    fresh, _ = load(root)
    assert cached.filings == fresh.filings
    assert cached.filings["f2"].date.display() == "c. 3 Jan 2025"
    assert cached.origins == fresh.origins
    assert cached.invalid_ids == fresh.invalid_ids
    assert cached.root == fresh.root


def test_a_changed_file_is_read_again(tmp_path: Path, cache_home: Path) -> None:
    root = write(tmp_path / "d", DATA)
    load(root)
    path = root / "main.yaml"
    stat = path.stat()
    # Same size and modification time: only the content hash can tell.
    path.write_text(path.read_text().replace("Alice", "Alicia"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    dataset, _ = load(root)
    assert dataset.parties["alice"].name == "Alicia Example"


def test_an_added_or_removed_file_is_noticed(tmp_path: Path, cache_home: Path) -> None:
    root = write(tmp_path / "d", DATA)
    load(root)
    write(root, {"more.yaml": "parties:\n  - id: bob\n    name: Bob\n    kind: person\n"})
    dataset, problems = load(root)
    assert "bob" in dataset.parties
    assert not any("unknown party 'bob'" in str(p) for p in problems)
    (root / "more.yaml").unlink()
    dataset, problems = load(root)
    assert "bob" not in dataset.parties
    assert any("unknown party 'bob'" in str(p) for p in problems)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",
        lambda b: b[: len(b) // 2],
        lambda b: b"not a cache at all",
        lambda b: b[:-10] + b"0123456789",
        lambda b: b[:40] + bytes(200) + b[240:],
        lambda b: b[: len(b) // 2] + bytes(4096) + b[len(b) // 2 + 4096 :],
        lambda b: bytes(b[:-4096]) + bytes(x ^ 0x55 for x in b[-4096:]),
    ],
    ids=["empty", "truncated", "garbage", "tail", "header", "middle", "last page"],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(
    tmp_path: Path, cache_home: Path, damage: object
) -> None:
    root = write(tmp_path / "d", DATA)
    expected = as_plain(root)
    (cache_file,) = cache_home.glob("*.index")
    cache_file.write_bytes(damage(cache_file.read_bytes()))  # type: ignore[operator]
    assert as_plain(root) == expected
    assert as_plain(root) == expected  # and the rebuilt file is good


def test_a_cache_file_others_can_write_is_not_read(tmp_path: Path, cache_home: Path) -> None:
    root = write(tmp_path / "d", DATA)
    expected = as_plain(root)
    (cache_file,) = cache_home.glob("*.index")
    cache_file.chmod(0o666)
    assert as_plain(root) == expected
    # Not read: loaded from the files again and saved anew, for this user only.
    (rebuilt,) = cache_home.glob("*.index")
    assert rebuilt.stat().st_mode & 0o777 == 0o600


def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path, cache_home: Path) -> None:
    root = write(tmp_path / "d", DATA)
    cache_home.mkdir()
    cache_home.chmod(0o777)
    expected = as_plain(root)
    assert list(cache_home.iterdir()) == []
    assert as_plain(root) == expected


def test_no_cache_switch(tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    root = write(tmp_path / "d", DATA)
    load(root)
    assert not cache_home.exists()


def test_never_beside_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write(tmp_path / "d", DATA)
    monkeypatch.setenv(cache.CACHE_ENV, str(root / ".cache"))
    before = snapshot(root)
    load(root)
    load(root)
    assert snapshot(root) == before


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "casetrack"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache.cache_dir() == Path.home() / ".cache" / "casetrack"


def test_an_unwritable_cache_directory_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "sub"))
    root = write(tmp_path / "d", DATA)
    dataset, _ = load(root)
    assert "f1" in dataset.filings


def test_old_cache_files_are_pruned_and_nothing_else(tmp_path: Path, cache_home: Path) -> None:
    cache_home.mkdir()
    others = [cache_home / "mine.index", cache_home / ("0" * 32 + ".index")]
    for other in others:
        other.write_bytes(b"the user's own file")
    for i in range(cache.MAX_FILES + 5):
        load(write(tmp_path / f"d{i}", DATA))
    assert len(list(cache_home.glob("*.index"))) == cache.MAX_FILES + len(others)
    for other in others:
        assert other.read_bytes() == b"the user's own file"


def test_damage_found_late_falls_back_to_the_files(tmp_path: Path, cache_home: Path) -> None:
    """A record whose checksum fails is found only when it is read: the dataset then comes from
    its files, and the damaged index is not used again."""
    import sqlite3

    root = write(tmp_path / "d", DATA)
    load(root)
    (index,) = cache_home.glob("*.index")
    db = sqlite3.connect(index)
    db.execute("UPDATE records SET blob = CAST(blob || x'00' AS BLOB) WHERE id = 'f1'")
    db.commit()
    db.close()
    dataset, _ = load(root)
    assert isinstance(dataset, IndexedDataset)  # the index opened, and looks sound
    assert dataset.filings["f1"].title == "A letter"
    assert dataset.filings["f2"].title == "Another letter"
    assert len(dataset) == 4
    assert not index.exists()  # forgotten: the next run makes a new one
    again, _ = load(root)
    assert not isinstance(again, IndexedDataset)
    assert isinstance(load(root)[0], IndexedDataset)


def test_a_warm_run_reads_no_data_file(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged files are known by their state alone (name, size, times, inode); a file
    changed within a moment of the load that made the index is read and hashed, since its times
    may not show a change made in the same tick of the clock."""
    root = write(tmp_path / "d", DATA)
    path = root / "main.yaml"
    hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(hour_ago, hour_ago))
    load(root)
    opened: list[str] = []
    real = os.open

    def watch(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real(file, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(os, "open", watch)
        dataset, _ = load(root)
    assert isinstance(dataset, IndexedDataset)
    assert [f for f in opened if f.endswith(".yaml")] == []

    os.utime(path)  # just now: racy
    load(root)  # the state changed: loaded again, and the index made anew
    opened.clear()
    with monkeypatch.context() as patched:
        patched.setattr(os, "open", watch)
        dataset, _ = load(root)
    assert isinstance(dataset, IndexedDataset)
    assert [f for f in opened if f.endswith(".yaml")] == [str(path)]  # hashed, once


def test_a_racy_file_is_judged_by_its_hash(tmp_path: Path, cache_home: Path) -> None:
    """A change that leaves a file's state as it was (possible within one tick of a coarse
    clock) is still seen when the file is racy: its bytes are hashed."""
    from casetrack import datafiles

    root = write(tmp_path / "d", DATA)
    load(root)
    path = root / "main.yaml"
    path.write_text(path.read_text().replace("Alice", "Alicia"), encoding="utf-8")
    files = datafiles.scan_folder(root)
    index = indexfile.IndexFile.open(next(cache_home.glob("*.index")), cachedir.trusted)
    assert index is not None
    meta = dict(index.meta)
    index.close()
    # The index as if made from the file in its new state, but with the old bytes' hash.
    (kept,) = meta["manifest"]
    assert files.files[0].stat is not None
    meta["manifest"] = [(kept[0], *datafiles.state(files.files[0].stat), kept[6])]
    assert not cache._fresh(meta, files.files)
    meta["built"] = files.files[0].stat.st_mtime_ns + 2 * cache.RACY_NS  # long after: not racy
    assert cache._fresh(meta, datafiles.scan_folder(root).files)


# --- the key holds everything that decides the result ------------------------------------------


def test_an_edit_to_casetrack_itself_is_seen_without_clearing_the_cache(tmp_path: Path) -> None:
    """A copy of casetrack, run as a user runs it: after an edit to a check's message, the next
    run says the new message, though the data and the cache are as they were."""
    import shutil
    import subprocess
    import sys

    code = tmp_path / "code"
    shutil.copytree(
        Path(cache.__file__).parent, code / "casetrack", ignore=shutil.ignore_patterns("*.pyc")
    )
    root = write(tmp_path / "d", DATA)
    home = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "CASETRACK_NO_CACHE"}
    env.update(PYTHONPATH=str(code), CASETRACK_CACHE_DIR=str(home))

    def validate() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "casetrack", "validate", "--data", str(root)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        return [line for line in done.stdout.splitlines() if "bob" in line]

    before = ["d/main.yaml:23:16: filing 'f2' names unknown party 'bob'"]
    assert validate() == before
    (saved,) = home.glob("*.index")
    written = saved.stat().st_mtime_ns
    assert validate() == before
    assert saved.stat().st_mtime_ns == written  # read from the cache, not saved again
    checks = code / "casetrack" / "checks.py"
    checks.write_text(
        checks.read_text(encoding="utf-8").replace("names unknown", "points at no"),
        encoding="utf-8",
    )
    assert validate() == ["d/main.yaml:23:16: filing 'f2' points at no party 'bob'"]


@pytest.mark.parametrize(
    "change",
    [
        lambda patch: patch.setattr(cache, "code_stamp", lambda: "edited"),
        lambda patch: patch.setattr(
            cache, "installed", lambda name: "other" if name == "yaml" else "same"
        ),
        lambda patch: patch.setattr(
            cache, "installed", lambda name: "other" if name == "holidays" else "same"
        ),
        lambda patch: patch.setattr(
            cache, "installed", lambda name: "other" if name == "pydantic" else "same"
        ),
        lambda patch: patch.setattr(
            cache, "installed", lambda name: "other" if name == "pydantic_core" else "same"
        ),
        lambda patch: patch.setattr("sys.version", "3.99"),
        lambda patch: patch.setattr("casetrack.cache.__version__", "0.0"),
        lambda patch: patch.setattr("casetrack.cache.MAX_FILE_BYTES", 1),
    ],
    ids=["code", "pyyaml", "holidays", "pydantic", "pydantic-core", "python", "casetrack", "limit"],
)
def test_anything_else_that_decides_the_load_is_in_the_key(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, change: object
) -> None:
    """A different parser, validator, Python, casetrack or limit: the dataset is loaded afresh."""
    monkeypatch.setattr(cache, "installed", lambda name: "same")
    root = write(tmp_path / "d", DATA)
    load(root)
    cached, _ = load(root)
    assert isinstance(cached, IndexedDataset)
    change(monkeypatch)  # type: ignore[operator]
    fresh, _ = load(root)
    assert not isinstance(fresh, IndexedDataset)
    again, _ = load(root)
    assert isinstance(again, IndexedDataset)  # and saved under the new key


def test_the_installed_packages_are_found_without_importing_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from casetrack import cache\n"
        "stamps = cache.installed('yaml'), cache.installed('holidays'), cache.installed('nope')\n"
        "print(stamps[0] != stamps[1], stamps[2], 'yaml' in sys.modules, 'holidays' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout == "True not installed False False\n"
