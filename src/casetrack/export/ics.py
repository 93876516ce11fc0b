"""iCalendar (RFC 5545) export: one all-day event per entry dated to the day.

Written by hand rather than with a library, to keep casetrack's dependencies small; the tests read
the output back with the independent `icalendar` parser.

- Entries dated to a day become all-day events (`DTSTART;VALUE=DATE`, exclusive `DTEND`); an
  interval of days spans from its first to its last day.
- Entries dated only to a month or a year (or intervals with such an end), to one day within a
  range (`[2024-12-31..2025-01-30]`: a single day, not known, is not a span) or to a span with an
  open or unknown end are left out: a calendar cannot show "some day in January" without
  inventing a day. Their number and ids are written in the calendar's `X-CASETRACK-OMITTED`
  property, and the command says how many on stderr.
- UIDs are `<entry id>@casetrack`, the same on every export, so importing again updates events
  instead of duplicating them. DTSTAMP is fixed by the data (see `stamp_for`), so the same data
  gives the same file.
- Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence; text values
  escape backslash, semicolon, comma and newline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote

from casetrack import __version__
from casetrack.characters import clean, safe_url
from casetrack.dataset import Dataset
from casetrack.entries import Entry, latest_source_date
from casetrack.errors import InputError
from casetrack.render import date_words, deadline_words, source_words, wording

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf

PRODID = f"-//casetrack//casetrack {__version__}//EN"
UID_DOMAIN = "casetrack"
FALLBACK_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~"


def is_day_dated(entry: Entry) -> bool:
    """Whether the entry is on a calendar day, or spans from one to another."""
    date = entry.date
    if date.is_interval:
        ends = (date.start, date.end)
        return all(p is not None and p.day is not None for p in ends)
    return date.is_day


def split_by_precision(entries: Iterable[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(entries on a day or spanning days, entries the calendar leaves out)."""
    days: list[Entry] = []
    vague: list[Entry] = []
    for e in entries:
        (days if is_day_dated(e) else vague).append(e)
    return days, vague


# The last moment an iCalendar date-time can write (its years have four digits).
LAST_STAMP = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


def stamp_for(dataset: Dataset, environ: Mapping[str, str]) -> dt.datetime:
    """The DTSTAMP of every event: $SOURCE_DATE_EPOCH when set, else midnight UTC after the newest
    source's date (the data cannot be newer than that), else a fixed date."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        if int(epoch) > LAST_STAMP.timestamp():
            raise InputError(
                f"SOURCE_DATE_EPOCH={epoch} is after the year 9999, which a calendar cannot write"
            )
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    newest = latest_source_date(dataset)
    if newest is not None:
        last = newest.latest()
        if last == dt.date.max:
            return LAST_STAMP
        day = last + dt.timedelta(days=1)
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return FALLBACK_STAMP


def render_ics(
    dataset: Dataset,
    entries: Iterable[Entry],
    *,
    stamp: dt.datetime = FALLBACK_STAMP,
    name: str | None = None,
    asof: AsOf | None = None,
) -> str:
    """The entries as an iCalendar file (CRLF line ends, folded), as the record stood on the
    view's day (`asof`): the calendar's description says so, and how new its newest source is."""
    return "".join(ics_parts(dataset, entries, stamp=stamp, name=name, asof=asof))


def ics_parts(
    dataset: Dataset,
    entries: Iterable[Entry],
    *,
    stamp: dt.datetime = FALLBACK_STAMP,
    name: str | None = None,
    asof: AsOf | None = None,
) -> Iterator[str]:
    """`render_ics` a part at a time: the calendar's head, then its events a few hundred at a
    time (a large calendar is written as it is made)."""
    days, vague = split_by_precision(entries)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name or calendar_name(dataset, days))}",
    ]
    described = calendar_description(dataset, asof)
    if described:
        lines.append(f"X-WR-CALDESC:{escape_text(described)}")
    if vague:
        ids = ", ".join(e.id for e in vague)
        note = f"{date_words.left_out_of_calendar([e.date for e in vague])} left out: {ids}"
        lines.append(f"X-CASETRACK-OMITTED;VALUE=TEXT:{escape_text(note)}")
    utc = stamp.astimezone(dt.UTC)
    stamp_text = f"{_date(utc.date())}T{utc:%H%M%S}Z"
    yield "".join(fold(line) + "\r\n" for line in lines)
    day = asof.day if asof else None
    for start in range(0, len(days), 500):
        events = (
            line for e in days[start : start + 500] for line in _event(dataset, e, stamp_text, day)
        )
        yield "".join(fold(line) + "\r\n" for line in events)
    yield "END:VCALENDAR\r\n"


def calendar_name(dataset: Dataset, entries: list[Entry]) -> str:
    """'casetrack: <the cases covered>'."""
    if not any(e.case for e in entries):
        return "casetrack"
    return f"casetrack: {wording.title_for(dataset, entries)}"


def calendar_description(dataset: Dataset, asof: AsOf | None) -> str:
    """The dataset's description, then 'As of 25 Nov 2026 · latest source: ...'."""
    about = next(iter(dataset.about.values()), None)
    parts = [about.description] if about and about.description else []
    fresh = date_words.freshness(asof, latest_source_date(dataset))
    if fresh:
        parts.append(wording.sentence(" · ".join(fresh)) + ".")
    return "\n".join(parts)


def _date(day: dt.date) -> str:
    """An iCalendar DATE: four digits of year even before the year 1000 (strftime gives fewer)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _event(dataset: Dataset, entry: Entry, stamp: str, day: dt.date | None) -> list[str]:
    start = entry.date.earliest()
    last = entry.date.latest()
    if last < dt.date.max:
        end = f"DTEND;VALUE=DATE:{_date(last + dt.timedelta(days=1))}"
    else:
        # DTEND is the day after the last, which 31 Dec 9999 does not have: the length says the
        # same (RFC 5545 3.6.1).
        end = f"DURATION:P{(last - start).days + 1}D"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(entry.id)}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(start)}",
        end,
        f"SUMMARY:{escape_text(summary(dataset, entry))}",
        f"DESCRIPTION:{escape_text(description(dataset, entry, day))}",
        f"CATEGORIES:{escape_text(entry.record)},{escape_text(entry.kind)}",
        "TRANSP:TRANSPARENT",
    ]
    urls = [url for _, url in source_words.source_citations(dataset, entry) if url]
    if urls:
        # A URI value is ASCII: percent-encode anything else (RFC 3986), keeping its structure.
        lines.append(f"URL:{quote(urls[0], safe=_URI_SAFE)}")
    lines.append("END:VEVENT")
    return lines


def summary(dataset: Dataset, entry: Entry) -> str:
    """'Alleged: <title> — <case> (approx. date)': what a calendar shows in its grid."""
    text = clean(wording.headline(entry))
    if entry.record == "deadline":
        text = f"{wording.COMPUTED.capitalize()}: {text}"
    if entry.case:
        text += f" — {wording.case_name(dataset, entry.case)}"
    if entry.date.approximate or entry.date.uncertain:
        text += " (approx. date)" if entry.date.approximate else " (date uncertain)"
    return " ".join(text.split())


def description(dataset: Dataset, entry: Entry, day: dt.date | None = None) -> str:
    """Everything known about the entry, in plain text with one item per line."""
    parts: list[str] = []
    if entry.summary:
        parts.append(entry.summary.strip())
        parts.append("")
    caption = wording.case_caption(dataset, entry.case)
    if caption:
        parts.append(f"Case: {caption}")
    docket = wording.docket_line(dataset, entry)
    if docket:
        url = safe_url(entry.document_url)
        parts.append(f"Docket: {docket}" + (f" <{url}>" if url else ""))
    parts.append(f"Date: {date_words.date_line(entry)}")
    parts.append(f"Kind: {entry.record}, {entry.kind}")
    if entry.record == "deadline":
        parts.append(deadline_words.NOTICE)
    if entry.parties:
        parts.append("Parties: " + ", ".join(wording.party_names(dataset, entry.parties)))
    allegation = wording.allegation_line(dataset, entry)
    if entry.record != "deadline":  # a computed deadline is neither fact nor allegation
        parts.append(f"Status: allegation. {allegation}" if allegation else "Status: fact")
    if entry.unconfirmed:
        parts.append(wording.UNCONFIRMED)
    schedule = wording.schedule_note(dataset, entry, day)
    if schedule:
        parts.append(f"Scheduled date: {schedule}.")
    for d in entry.discrepancies:
        parts.append(wording.differ_heading(d))
        parts.extend(f"- {wording.account(dataset, a)}" for a in d.accounts)
    sources = source_words.source_citations(dataset, entry)
    if sources:
        parts.append("Sources:")
        for words, url in sources:
            parts.append(f"- {words}" + (f" <{url}>" if url else ""))
    return clean("\n".join(parts))


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon and comma escaped, newlines as \\n."""
    text = clean(text).replace("\t", " ")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line into chunks of at most `limit` octets (RFC 5545 3.1), never inside a
    UTF-8 sequence; continuation lines start with one space, which counts toward their limit."""
    raw = line.encode("utf-8")
    if len(raw) <= limit:
        return line
    chunks: list[bytes] = []
    start = 0
    room = limit
    while len(raw) - start > room:
        cut = start + room
        while raw[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its sequence
            cut -= 1
        chunks.append(raw[start:cut])
        start = cut
        room = limit - 1
    chunks.append(raw[start:])
    return b"\r\n ".join(chunks).decode("utf-8")
