"""YAML files -> (Dataset, problems). Knows file:line:column; never prints, never exits, and
knows nothing of the cache (`cache.load` wraps `build` from outside).

A dataset is a folder of YAML files (found and read by `datafiles`). Each file holds lists under
the top-level keys `sources`, `parties`, `cases`, `filings`, `claims`, `events` and `deadlines`,
so a dataset may be split into files however its author likes. Ids are unique across the whole
dataset. Each file is parsed (`yamlsafe`), each record validated (`models`, its errors worded by
`explain`), the records checked against each other (`checks`), and every problem located at its
line and column (`positions`) in the text already read.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from casetrack import collector
from casetrack.checks import run_checks
from casetrack.datafiles import FileRead, FileSet, decode, display_path, read_folder
from casetrack.dataset import Dataset, Origin
from casetrack.explain import did_you_mean, explain, section_list, short
from casetrack.modeling import Model
from casetrack.models import About
from casetrack.problems import Finding, Problem, Severity
from casetrack.salvage import salvage
from casetrack.validation import MODELS, PYDANTIC, to_record
from casetrack.validation import Model as Salvaged
from casetrack.vocabulary import RECORD_WORDS

_ABOUT = PYDANTIC[About]  # checks the `dataset:` block

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
    from casetrack import yamlfast  # here: a dataset read from the cache needs no YAML at all

    parsed = yamlfast.parse(text)
    problems = [Problem("", i.line, i.column, i.message, i.severity) for i in parsed.issues]
    return (parsed.data if parsed.ok else None), problems


def load(directory: str | Path) -> tuple[Dataset, list[Problem]]:
    """Load every YAML file under `directory`, without the cache. Returns the valid records and
    every problem found. Never raises for bad data and never prints. Problems of severity "fatal"
    mean the path itself could not be used (missing, not a directory, unreadable)."""
    return build(read_folder(Path(directory)))


def build(files: FileSet, shared: SharedFiles | None = None) -> tuple[Dataset, list[Problem]]:
    """The dataset of a folder's files, as read (each file's bytes are parsed as they were read,
    and problems located in the same text: no file is read again). `shared`: see SharedFiles."""
    if files.problems:
        return Dataset(root=files.root), list(files.problems)
    if not files.files:
        shown = display_path(files.root)
        return Dataset(root=files.root), [
            Problem(shown, None, None, "no .yaml or .yml files in this folder", "fatal")
        ]
    return load_sources(files.root, [(r.shown, _Decoded(r)) for r in files.files], shared)


def load_sources(
    root: Path | None, sources: Sequence[tuple[str, TextSource]], shared: SharedFiles | None = None
) -> tuple[Dataset, list[Problem]]:
    """Load a dataset from files given as (shown name, TextSource), in order: the files of a
    folder, or of a folder at a git revision (shown as `REV:path`). No cache is involved."""
    with collector.paused():
        dataset, problems = _load_files(root, sources, shared)
    # A large dataset lives as long as the process: set it aside from collection, so that the
    # collections made while a command works do not walk it again and again.
    collector.keep(len(dataset))
    return dataset, problems


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
    partial: list[tuple[Origin, Salvaged]] = []
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
        problems.extend(_add_items(dataset, items, shown, partial))

    locator = _Locator(texts)
    partial_origins = {id(record): origin for origin, record in partial}
    # A salvaged record is a pydantic model: it has the fields of its record class, by name.
    salvaged = [(origin.section, cast(Model, record)) for origin, record in partial]
    problems.extend(
        locator.problem(dataset, f, partial_origins) for f in run_checks(dataset, salvaged)
    )
    return dataset, sorted(locator.resolve_all(problems), key=Problem.sort_key)


@dataclass(frozen=True, slots=True)
class _Valid:
    """A record that validated, with where it is in its file."""

    section: str
    index: int
    record: Model


@dataclass(frozen=True, slots=True)
class _Invalid:
    """A record that did not validate: its id is not "unknown" to other records, and what could
    be read of it (see `salvage`) has its references checked."""

    id: str | None
    section: str
    index: int
    partial: Salvaged


@dataclass(frozen=True, slots=True)
class _About:
    """The `dataset:` block of a file."""

    about: About


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
_Item = _Valid | _Invalid | _About | Problem | _Pending


def _validate_text(text: str) -> list[_Item]:
    """Parse and validate one file's text; nothing here depends on other files."""
    data, problems = _parse(text)
    items: list[_Item] = list(problems)
    if data is not None or not problems:
        items.extend(_validate_file(data))
    return items


def _add_items(
    dataset: Dataset, items: list[_Item], shown: str, partial: list[tuple[Origin, Salvaged]]
) -> list[Problem | _Pending]:
    """Add one file's valid records to the dataset (a repeated id is a problem) and its invalid
    ones to `partial`, and return its problems, named by the file."""
    problems: list[Problem | _Pending] = []
    for item in items:
        if isinstance(item, _About):
            if dataset.about:
                earlier = next(iter(dataset.about))
                problems.append(
                    _Pending(
                        shown,
                        ("dataset",),
                        f"a second 'dataset:' block (the first is in {earlier}); a dataset has one "
                        "title: keep one of them",
                        at_key=True,
                    )
                )
            else:
                dataset.about[shown] = item.about
            continue
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
            if item.id is not None:
                dataset.invalid_ids.add(item.id)
            partial.append((Origin(shown, item.section, item.index), item.partial))
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
                "file is empty; a dataset file holds lists under " + section_list(),
            )
        ]
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        return [
            Problem(
                "",
                1,
                1,
                f"file holds {what}; a dataset file is a mapping of lists under {section_list()}",
            )
        ]
    items: list[_Item] = []
    for section, entries in data.items():
        if section == "dataset":
            items.extend(_validate_about(entries))
            continue
        if section not in MODELS:
            items.append(
                _Pending(
                    "",
                    (section,),
                    f"unknown section '{short(section)}'{did_you_mean(str(section), MODELS)}; "
                    f"a dataset file holds {section_list()}",
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
        model, word = MODELS[section], RECORD_WORDS[section]
        for index, item in enumerate(entries):
            where = (section, index)
            if not isinstance(item, dict):
                items.append(
                    _Pending("", where, f"each entry under '{section}' must be a mapping of fields")
                )
                continue
            record_id = item.get("id")
            label = f"{word} '{short(record_id)}'" if isinstance(record_id, str) else f"a {word}"
            try:
                record = to_record(model.model_validate(item))
            except ValidationError as exc:
                rid = record_id if isinstance(record_id, str) else None
                items.append(_Invalid(rid, section, index, salvage(model, item)))
                for error in exc.errors(include_url=False):
                    loc = tuple(error["loc"])
                    items.append(
                        _Pending(
                            "",
                            where + loc,
                            explain(error, label, model),
                            at_key=error["type"] == "extra_forbidden",
                        )
                    )
                continue
            items.append(_Valid(section, index, record))
    return items


def _validate_about(value: Any) -> list[_Item]:
    """The `dataset:` block: a mapping with a title and a description."""
    if not isinstance(value, dict):
        return [_Pending("", ("dataset",), "'dataset' must be a mapping: title, description")]
    try:
        return [_About(cast(About, to_record(_ABOUT.model_validate(value))))]
    except ValidationError as exc:
        return [
            _Pending(
                "",
                ("dataset", *error["loc"]),
                explain(error, "the 'dataset:' block", _ABOUT),
                at_key=error["type"] == "extra_forbidden",
            )
            for error in exc.errors(include_url=False)
        ]


class _Locator:
    """Finds line and column for problems, in one pass over the events of each file that has any."""

    def __init__(self, texts: dict[str, TextSource]) -> None:
        self._texts = texts

    def problem(
        self, dataset: Dataset, finding: Finding, partial: dict[int, Origin]
    ) -> Problem | _Pending:
        origin = dataset.origins.get(finding.record_id)
        if finding.record is not None:
            origin = partial.get(id(finding.record), origin)
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
