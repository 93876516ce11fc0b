"""YAML files -> (Dataset, problems). Knows file:line:column; never prints, never exits.

A dataset is a directory of YAML files (searched recursively, hidden folders skipped). Each file
holds lists under the top-level keys `sources`, `parties`, `cases`, `filings`, `claims`,
`events` and `deadlines`, so a dataset may be split into files however its author likes. Ids are unique across the
whole dataset.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import gc
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casetrack.models import (
    SECTIONS,
    Case,
    Claim,
    Deadline,
    Event,
    Filing,
    Model,
    Party,
    Source,
)
from casetrack.problems import Finding, Problem, Severity

MAX_FILE_BYTES = 64 * 1024 * 1024
FREEZE_RECORDS = 10_000  # a dataset this large is kept out of garbage collection once loaded
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: the file, its section and its index in that list."""

    path: str
    section: str
    index: int


@dataclass
class Dataset:
    """Every valid record of a dataset, by id, with where each came from."""

    root: Path | None = None
    files: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    filings: dict[str, Filing] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    deadlines: dict[str, Deadline] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    # Ids of records that were written but failed validation: not "unknown" to other checks.
    invalid_ids: set[str] = field(default_factory=set)

    def section(self, name: str) -> dict[str, Any]:
        """The records of one section by id (`"parties"` -> {id: Party})."""
        records: dict[str, Any] = getattr(self, name)
        return records

    def get(self, record_id: str) -> Model | None:
        """Any record by id."""
        for name in SECTIONS:
            record: Model | None = self.section(name).get(record_id)
            if record is not None:
                return record
        return None

    def section_of(self, record_id: str) -> str | None:
        """The section ("parties", "filings", ...) a record id belongs to."""
        origin = self.origins.get(record_id)
        return origin.section if origin else None

    def add(self, section: str, record: Model, origin: Origin) -> None:
        self.section(section)[record.id] = record  # type: ignore[attr-defined]
        self.origins[record.id] = origin  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return sum(len(self.section(name)) for name in SECTIONS)


def display_path(path: Path) -> str:
    """A path as users want to read it: relative to the working directory when inside it.

    The folder is resolved, not the file: a link keeps the name it was given (a broken or looping
    link is reported under its own name, not its target's).
    """
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)


def find_files(directory: Path) -> list[Path]:
    """The dataset's YAML files, sorted; hidden folders and files skipped; links not followed."""
    found = []
    for dirpath, dirnames, filenames in os.walk(directory, onerror=_raise, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def _raise(exc: OSError) -> None:
    # os.walk skips folders it cannot list unless told otherwise: an unreadable folder would look
    # like a folder without data files.
    raise exc


# Opening a named pipe for reading waits for a writer; without blocking it opens at once, and
# fstat then says what it is. (No effect on a regular file.)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(slots=True)
class FileRead:
    """One data file, read once: its bytes, which both the cache key and the parse use, and its
    state when read; or the problems that kept it from being read (then `raw` is None)."""

    path: Path
    shown: str
    raw: bytes | None
    stat: os.stat_result | None  # None when the file changed while it was being read
    problems: list[Problem]


def read_file(path: Path, shown: str) -> FileRead:
    """Read a data file's bytes, once, from one open: a pipe or device is never read, a file over
    MAX_FILE_BYTES is not read at all, and one that grows past it while read is refused too."""

    def cannot(reason: str) -> FileRead:
        problem = Problem(shown, None, None, f"cannot read this file: {reason}", "fatal")
        return FileRead(path, shown, None, None, [problem])

    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as exc:
        return cannot(exc.strerror or str(exc))
    with open(fd, "rb") as f:
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                # Reading a named pipe or a device would wait for ever, or never end.
                return cannot("not a regular file (a pipe, socket or device)")
            if before.st_size > MAX_FILE_BYTES:
                return FileRead(path, shown, None, None, [too_large(before.st_size, shown)])
            raw = f.read(MAX_FILE_BYTES + 1)
            after = os.fstat(fd)
        except OSError as exc:
            return cannot(exc.strerror or str(exc))
    if len(raw) > MAX_FILE_BYTES:
        return FileRead(path, shown, None, None, [too_large(len(raw), shown)])
    steady = _state(before) == _state(after) and len(raw) == after.st_size
    return FileRead(path, shown, raw, before if steady else None, [])


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or the problems that keep it from being read."""
    read = read_file(path, shown)
    return decode(read.raw, shown) if read.raw is not None else (None, read.problems)


def _state(st: os.stat_result) -> tuple[int, ...]:
    """What changes when a file is written, moved or replaced: `cp -p` keeps the modification
    time, but not the change time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def unchanged(read: FileRead) -> bool:
    """Whether a file is still as it was read: same file, size and times, and steady while read."""
    if read.stat is None:
        return False
    try:
        return _state(os.stat(read.path)) == _state(read.stat)
    except OSError:
        return False


def too_large(size: int, shown: str) -> Problem:
    """The problem of a file over the size limit for one file."""
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return Problem(
        shown,
        None,
        None,
        f"file is {size / 1024 / 1024:.0f} MB, over the {limit} MB limit for one file; "
        "split it into several files",
    )


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """A data file's bytes as text (UTF-8, a BOM allowed), or the problems that keep them from
    being read. Files from elsewhere than the disk (a git revision) are read through this too."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [too_large(len(raw), shown)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown, 1, 1, "file is UTF-16; save it as UTF-8")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                shown,
                line,
                column,
                f"byte 0x{raw[exc.start]:02X} is not UTF-8; save the file as UTF-8",
            )
        ]


# Reads one data file's text, or says why it cannot (the problems name the file as shown).
TextSource = Callable[[], tuple[str | None, list[Problem]]]


class _Decoded:
    """A file already read, as a TextSource: decoded when first asked (its bytes are then let go,
    so a large dataset is not held twice), and the same text every time after, so problems are
    located without reading the file again."""

    def __init__(self, read: FileRead) -> None:
        self._read = read
        self._text: tuple[str | None, list[Problem]] | None = None

    def __call__(self) -> tuple[str | None, list[Problem]]:
        if self._text is None:
            read = self._read
            raw, read.raw = read.raw, None
            self._text = decode(raw, read.shown) if raw is not None else (None, read.problems)
        return self._text


def _parse(text: str) -> tuple[Any, list[Problem]]:
    """Parse a file's text: (data or None, problems without a file name)."""
    from casetrack import yamlsafe  # here: a dataset read from the cache needs no YAML at all

    parsed = yamlsafe.parse(text)
    problems = [Problem("", i.line, i.column, i.message, i.severity) for i in parsed.issues]
    return (parsed.data if parsed.ok else None), problems


def load(directory: str | Path, shared: SharedFiles | None = None) -> tuple[Dataset, list[Problem]]:
    """Load every YAML file under `directory`. Returns the valid records and every problem found.

    Never raises for bad data and never prints. Problems of severity "fatal" mean the path itself
    could not be used (missing, not a directory, unreadable). `shared`: see SharedFiles.
    """
    root = Path(directory)
    shown_root = display_path(root)
    dataset = Dataset(root=root)
    if not root.exists():
        return dataset, [Problem(shown_root, None, None, "no such directory", "fatal")]
    if not root.is_dir():
        return dataset, [
            Problem(
                shown_root, None, None, "not a directory; give the folder of YAML files", "fatal"
            )
        ]
    try:
        paths = find_files(root)
    except OSError as exc:
        where = display_path(Path(exc.filename)) if exc.filename else shown_root
        return dataset, [
            Problem(where, None, None, f"cannot read this folder: {exc.strerror}", "fatal")
        ]
    if not paths:
        return dataset, [
            Problem(shown_root, None, None, "no .yaml or .yml files in this folder", "fatal")
        ]
    from casetrack import cache

    # Each file is read once: the cache key is made from the very bytes that are parsed.
    reads = [read_file(path, display_path(path)) for path in paths]
    store = cache.open_store(root, reads, MAX_FILE_BYTES)
    if store is not None:
        hit = store.read(root, lambda: _load_files(root, _again(reads))[0])
        if hit is not None:
            return hit
    dataset, problems = load_sources(root, [(r.shown, _Decoded(r)) for r in reads], shared)
    if store is not None and not any(p.severity == "fatal" for p in problems):
        store.write(dataset, problems)
    return dataset, problems


def _again(reads: list[FileRead]) -> list[tuple[str, TextSource]]:
    """The same files read afresh (for a cache file found damaged after all)."""
    return [(r.shown, _Decoded(read_file(r.path, r.shown))) for r in reads]


def load_sources(
    root: Path | None, sources: Sequence[tuple[str, TextSource]], shared: SharedFiles | None = None
) -> tuple[Dataset, list[Problem]]:
    """Load a dataset from files given as (shown name, TextSource), in order: the files of a
    folder, or of a folder at a git revision (shown as `REV:path`). No cache is involved."""
    with _collector_paused():
        dataset, problems = _load_files(root, sources, shared)
    if len(dataset) >= FREEZE_RECORDS:
        # A large dataset lives as long as the process: set it aside from collection, so that the
        # collections made while a command works do not walk it again and again.
        gc.freeze()
    return dataset, problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes millions of objects and keeps nearly all of them: the cyclic garbage
    collector would walk them again and again for nothing (a fifth of the load time at 100,000
    records)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class SharedFiles:
    """What each distinct file text validated to, shared by the loads of several versions of a
    dataset (`casetrack diff`): a file that is the same in both is parsed and validated once, and
    both versions hold the very same immutable records. Cross-record checks still run on each
    version as a whole."""

    def __init__(self) -> None:
        self._by_text: dict[bytes, list[_Item]] = {}

    def items(self, text: str | None, read: Callable[[], list[_Item]]) -> list[_Item]:
        if text is None:
            return read()
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=32).digest()
        found = self._by_text.get(key)
        if found is None:
            found = self._by_text[key] = read()
        return found


def _load_files(
    root: Path | None, sources: Sequence[tuple[str, TextSource]], shared: SharedFiles | None = None
) -> tuple[Dataset, list[Problem]]:
    """Parse, validate and check every file (shown name, TextSource): the work the cache saves."""
    dataset = Dataset(root=root)
    problems: list[Problem | _Pending] = []
    texts: dict[str, TextSource] = {}
    for shown, source in sources:
        texts[shown] = source
        dataset.files.append(shown)
        text, read_problems = source()
        problems.extend(read_problems)
        if text is None:
            continue
        if shared is None:
            items = _validate_text(text)
        else:
            items = shared.items(text, functools.partial(_validate_text, text))
        problems.extend(_add_items(dataset, items, shown))

    from casetrack.checks import run_checks

    locator = _Locator(texts)
    problems.extend(locator.problem(dataset, f) for f in run_checks(dataset))
    return dataset, sorted(locator.resolve_all(problems), key=Problem.sort_key)


@dataclass(frozen=True, slots=True)
class _Valid:
    """A record that validated, with where it is in its file."""

    section: str
    index: int
    record: Model


@dataclass(frozen=True, slots=True)
class _Invalid:
    """The id of a record that did not validate: not "unknown" to other records."""

    id: str


@dataclass(frozen=True, slots=True)
class _Pending:
    """A problem whose line and column are found later, from a path inside a file."""

    path: str
    steps: tuple[str | int, ...]
    message: str
    at_key: bool = False
    severity: Severity = "error"


# What one file's text validated to, in file order. Problems carry no file name yet (path ""):
# the same text may be a file of several versions of a dataset, under different names.
_Item = _Valid | _Invalid | Problem | _Pending


def _validate_text(text: str) -> list[_Item]:
    """Parse and validate one file's text; nothing here depends on other files."""
    data, problems = _parse(text)
    items: list[_Item] = list(problems)
    if data is not None or not problems:
        items.extend(_validate_file(data))
    return items


def _add_items(dataset: Dataset, items: list[_Item], shown: str) -> list[Problem | _Pending]:
    """Add one file's valid records to the dataset (a repeated id is a problem), and return its
    problems, named by the file."""
    problems: list[Problem | _Pending] = []
    for item in items:
        if isinstance(item, _Valid):
            rid: str = item.record.id  # type: ignore[attr-defined]
            if rid in dataset.origins or rid in dataset.invalid_ids:
                first = dataset.origins.get(rid)
                also = f" (first used in {first.path})" if first else ""
                problems.append(
                    _Pending(
                        shown,
                        (item.section, item.index, "id"),
                        f"duplicate id '{rid}'{also}; ids must be unique across the dataset",
                    )
                )
                continue
            dataset.add(item.section, item.record, Origin(shown, item.section, item.index))
        elif isinstance(item, _Invalid):
            dataset.invalid_ids.add(item.id)
        else:
            problems.append(dataclasses.replace(item, path=shown))
    return problems


def _validate_file(data: Any) -> list[_Item]:
    """Validate one file's parsed data, record by record."""
    if data is None:
        return [
            Problem(
                "",
                None,
                None,
                "file is empty; a dataset file holds lists under " + _section_list(),
            )
        ]
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        return [
            Problem(
                "",
                1,
                1,
                f"file holds {what}; a dataset file is a mapping of lists under {_section_list()}",
            )
        ]
    items: list[_Item] = []
    for section, entries in data.items():
        if section not in SECTIONS:
            items.append(
                _Pending(
                    "",
                    (section,),
                    f"unknown section '{_short(section)}'{_did_you_mean(str(section), SECTIONS)}; "
                    f"a dataset file holds {_section_list()}",
                    at_key=True,
                )
            )
            continue
        if entries is None:
            continue
        if not isinstance(entries, list):
            items.append(
                _Pending(
                    "",
                    (section,),
                    f"'{section}' must be a list of entries, each starting with '- '",
                )
            )
            continue
        model, word = SECTIONS[section]
        for index, item in enumerate(entries):
            where = (section, index)
            if not isinstance(item, dict):
                items.append(
                    _Pending("", where, f"each entry under '{section}' must be a mapping of fields")
                )
                continue
            record_id = item.get("id")
            label = f"{word} '{_short(record_id)}'" if isinstance(record_id, str) else f"a {word}"
            try:
                record = model.model_validate(item)
            except ValidationError as exc:
                if isinstance(record_id, str):
                    items.append(_Invalid(record_id))
                for error in exc.errors(include_url=False):
                    loc = tuple(error["loc"])
                    items.append(
                        _Pending(
                            "",
                            where + loc,
                            _explain(error, label, model),
                            at_key=error["type"] == "extra_forbidden",
                        )
                    )
                continue
            items.append(_Valid(section, index, record))
    return items


def _section_list() -> str:
    return ", ".join(f"'{s}:'" for s in SECTIONS)


def _short(value: Any) -> str:
    """A value as text for a message, cut short: a 100,000-character title is not repeated."""
    from casetrack.yamlsafe import shorten

    return shorten(str(value), 80)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    if len(word) > 80:
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _field_name(loc: tuple[Any, ...]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + _short(step)
    return out or "value"


def _explain(error: Any, label: str, model: type[Model]) -> str:
    """A pydantic error in words a non-programmer understands."""
    loc = tuple(error["loc"])
    name = _field_name(loc)
    kind = error["type"]
    value = _short(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        if loc[-1] == "by" and "alleged" in loc:
            return f"allegation in {label} has no author: say who alleges it under 'by'"
        return f"{label} is missing '{name}'"
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        return f"{label} has unknown field '{name}'{_did_you_mean(str(loc[-1]), fields)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        choices = [c.strip() for c in expected.split(",")]
        return (
            f"{label}: {name} '{value}' is not one of: {', '.join(choices)}"
            f"{_did_you_mean(str(value), choices)}"
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{label}: {name} '{value}' is not a valid id; "
            "use letters, digits, '.', '_' or '-' (e.g. 'justin-baldoni')"
        )
    if kind in ("list_type",):
        return f"{label}: '{name}' must be a list, e.g. [a, b]"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{label}: '{name}' must be a mapping of fields"
    if kind in ("string_type",):
        return f"{label}: '{name}' must be text, not a list or mapping"
    if kind == "too_short":
        return f"{label}: '{name}' needs at least {ctx.get('min_length', 1)} entries"
    if kind == "string_too_short":
        return f"{label}: '{name}' must not be empty"
    if kind == "string_too_long":
        return f"{label}: '{name}' is longer than {ctx.get('max_length')} characters"
    if kind in ("bool_parsing", "bool_type"):
        return f"{label}: '{name}' must be true or false, not '{value}'"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{label}: '{name}' must be a whole number, not '{value}'"
    if kind == "greater_than_equal":
        return f"{label}: '{name}' must be {ctx.get('ge')} or more"
    message = str(error.get("msg", "is not valid"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    raw = error.get("input")
    if isinstance(raw, str) and len(raw) > 80:
        message = message.replace(repr(raw), repr(_short(raw)))
    return f"{label}: {name}: {message}"


def _fields_at(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a location inside a model (for did-you-mean)."""
    current: Any = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        info = next((i for n, i in fields.items() if (i.alias or n) == step), None)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    # A field is written under its alias where it has one (a deadline's `from`).
    return [info.alias or name for name, info in getattr(current, "model_fields", {}).items()]


def _inner_model(annotation: Any) -> Any:
    """The model class inside `X`, `X | None` or `list[X]`."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


class _Locator:
    """Finds line and column for problems, in one pass over the events of each file that has any."""

    def __init__(self, texts: dict[str, TextSource]) -> None:
        self._texts = texts

    def problem(self, dataset: Dataset, finding: Finding) -> Problem | _Pending:
        origin = dataset.origins.get(finding.record_id)
        if origin is None:
            return Problem("?", None, None, finding.message, finding.severity)
        steps = (origin.section, origin.index, *finding.path)
        return _Pending(origin.path, steps, finding.message, severity=finding.severity)

    def resolve_all(self, problems: list[Problem | _Pending]) -> list[Problem]:
        """Every problem with its line and column, reading each file involved once."""
        wanted: dict[str, list[tuple[tuple[str | int, ...], bool]]] = {}
        for p in problems:
            if isinstance(p, _Pending):
                wanted.setdefault(p.path, []).append((p.steps, p.at_key))
        found: dict[str, dict[tuple[tuple[str | int, ...], bool], tuple[int, int]]] = {}
        from casetrack.positions import positions

        for shown, paths in wanted.items():
            text, _ = self._texts[shown]()
            found[shown] = positions(text, paths) if text is not None else {}
        out: list[Problem] = []
        for p in problems:
            if isinstance(p, _Pending):
                line, column = found[p.path].get((p.steps, p.at_key), (None, None))
                out.append(Problem(p.path, line, column, p.message, p.severity))
            else:
                out.append(p)
        return out
