"""What a cache file holds, and how it is read back fast.

A cache file is a small header (the key, the files, the record count and the problems: all that
`validate` prints) followed by the records, so that `validate` on an unchanged dataset never
unpacks the records at all: a cached Dataset unpacks them the first time they are used.

Pickle is used because the file is casetrack's own, in a directory only the user can write
(`cache.py` reads no other). Pickling pydantic models and slotted dataclasses the generic way runs
Python code for every object (__setstate__), which for 100,000 records takes seconds; the
reducers below rebuild each with a few attribute stores, and share equal dates, so the records of
100,000 read back in about half a second.
"""

from __future__ import annotations

import gc
import hashlib
import io
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casetrack.dataset import RECORD_FIELDS, Dataset, Origin
from casetrack.dates import DateSpan, PartialDate
from casetrack.models import Model
from casetrack.problems import Problem

MAGIC = b"casetrack-cache 1\n"
_HASH_SIZE = 32
FREEZE_BYTES = 4 * 1024 * 1024  # about 10,000 records


def parts(key: bytes, dataset: Dataset, problems: list[Problem]) -> list[bytes]:
    """The bytes of a cache file for a freshly loaded dataset, in order."""
    body = _dump({name: dataset.section(name) for name in RECORD_FIELDS})
    header = pickle.dumps(
        {
            "key": key,
            "files": list(dataset.files),
            "count": len(dataset),
            "problems": list(problems),
            "body_hash": hashlib.blake2b(body, digest_size=_HASH_SIZE).digest(),
        },
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    return [MAGIC, len(header).to_bytes(8, "little"), header, body]


def read(
    raw: bytes, key: bytes, root: Path | None, rebuild: Callable[[], Dataset]
) -> tuple[Dataset, list[Problem]] | None:
    """The (dataset, problems) a cache file holds when it is sound and made for `key`; else None.

    `rebuild` loads the dataset from its files; it is called only if the records, unpacked later,
    turn out to be unusable after all.
    """
    try:
        header, body = _split(raw)
        if header.get("key") != key:
            return None
        if hashlib.blake2b(body, digest_size=_HASH_SIZE).digest() != header["body_hash"]:
            return None
        files: list[str] = header["files"]
        count: int = header["count"]
        problems: list[Problem] = header["problems"]
        if not all(isinstance(p, Problem) for p in problems):
            return None
    except Exception:  # any damage at all means "no cache"
        return None
    return CachedDataset(root, files, count, body, rebuild), problems


def _split(raw: bytes) -> tuple[dict[str, Any], bytes]:
    if not raw.startswith(MAGIC):
        raise ValueError("not a casetrack cache file")
    start = len(MAGIC) + 8
    size = int.from_bytes(raw[len(MAGIC) : start], "little")
    header = pickle.loads(raw[start : start + size])
    if not isinstance(header, dict):
        raise ValueError("bad header")
    return header, raw[start + size :]


class CachedDataset(Dataset):
    """A Dataset from the cache whose records are unpacked the first time they are used.

    `files` and the record count are known at once (that is all `validate` needs).
    """

    def __init__(
        self,
        root: Path | None,
        files: list[str],
        count: int,
        body: bytes,
        rebuild: Callable[[], Dataset],
    ) -> None:
        # Only root and files are set: the record fields are found by __getattr__ below.
        self.root = root
        self.files = files
        self._count = count
        self._body: bytes | None = body
        self._rebuild = rebuild

    def __getattr__(self, name: str) -> Any:
        if name in RECORD_FIELDS and self.__dict__.get("_body") is not None:
            self._unpack()
            return self.__dict__[name]
        raise AttributeError(name)

    def _unpack(self) -> None:
        body, self._body = self._body, None
        try:
            sections = _load(body or b"")
            if not isinstance(sections, dict) or set(sections) != set(RECORD_FIELDS):
                raise ValueError("bad cache body")
        except Exception:
            fresh = self._rebuild()
            sections = {name: fresh.section(name) for name in RECORD_FIELDS}
        self.__dict__.update(sections)

    def __len__(self) -> int:
        return self._count


_set = object.__setattr__


def _model(cls: type[Model], values: dict[str, Any], fields_set: set[str]) -> Model:
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _partial_date(
    year: int, month: int | None, day: int | None, approximate: bool, uncertain: bool
) -> PartialDate:
    obj = PartialDate.__new__(PartialDate)
    _set(obj, "year", year)
    _set(obj, "month", month)
    _set(obj, "day", day)
    _set(obj, "approximate", approximate)
    _set(obj, "uncertain", uncertain)
    return obj


def _date_span(
    start: PartialDate | None, end: PartialDate | None, shape: str, unknown: bool
) -> DateSpan:
    obj = DateSpan.__new__(DateSpan)
    _set(obj, "start", start)
    _set(obj, "end", end)
    _set(obj, "shape", shape)
    _set(obj, "unknown", unknown)
    return obj


def _origin(path: str, section: str, index: int) -> Origin:
    obj = Origin.__new__(Origin)
    _set(obj, "path", path)
    _set(obj, "section", section)
    _set(obj, "index", index)
    return obj


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared: dict[Any, Any] = {}

    def _share(self, value: Any) -> Any:
        # Equal dates become one object (a dataset has far fewer distinct dates than records).
        # Sharing equal strings too was tried: it makes the file no smaller or quicker to read,
        # and writing it half as slow again.
        if type(value) is DateSpan:
            return self._shared.setdefault(value, value)
        return value

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, Model):
            values = {k: self._share(v) for k, v in obj.__dict__.items()}
            fields = frozenset(obj.__pydantic_fields_set__)
            shared = self._shared.setdefault(("fields", fields), set(fields))
            return _model, (type(obj), values, shared)
        kind = type(obj)
        if kind is PartialDate:
            return _partial_date, (obj.year, obj.month, obj.day, obj.approximate, obj.uncertain)
        if kind is DateSpan:
            return _date_span, (obj.start, obj.end, obj.shape, obj.unknown)
        if kind is Origin:
            return _origin, (obj.path, obj.section, obj.index)
        return NotImplemented


def _dump(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer).dump(value)
    return buffer.getvalue()


def _load(body: bytes) -> Any:
    # Unpickling builds hundreds of thousands of objects; the cyclic collector would walk them
    # over and over for nothing (they hold no cycles), during the load and for as long as the
    # command runs. A large dataset is set aside from collection for the life of the process.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        loaded = pickle.loads(body)
        if len(body) > FREEZE_BYTES:
            gc.freeze()
        return loaded
    finally:
        if was_enabled:
            gc.enable()
