"""What a docket entry's text says about itself: its kind, a short title, the filer, and the
entries it answers ("re: 13") or rules on ("granting 45").

Clerks start an entry with its event in capitals ("MOTION to Dismiss", "ORDER granting ...",
"MEMORANDUM OF LAW in Opposition re: 50 ..."), sometimes after a word such as "Unopposed" or
"First". Only that opening is read, and only the events listed here get a kind: anything else is
`other`. A wrong kind would mislead; `other` only leaves something to fill in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from casetrack.characters import CONTROL


def clean(text: str | None) -> str:
    """Text as it is stored: control characters (`characters.CONTROL`) removed, whitespace
    collapsed to single spaces."""
    if not text:
        return ""
    return " ".join(CONTROL.sub(" ", str(text)).split())


# Words that may stand before the event without changing what it is.
_MODIFIERS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "unopposed",
        "opposed",
        "consent",
        "emergency",
        "corrected",
        "supplemental",
        "renewed",
        "expedited",
        "partial",
    ]
)

# (pattern on the opening, kind); the first that matches wins.
_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"(memorandum )?(opinion|decision)( (and|&) order)?\b", "opinion"),
        (r"memorandum (opinion|decision)\b", "opinion"),
        (r"memo endorse(ment|d)\b", "order"),
        (r"((scheduling|protective|transfer|case management|amended|standing) )?order\b", "order"),
        (r"(clerk's |final |default )?judgment\b", "judgment"),
        (r"notice of appearance\b", "notice-of-appearance"),
        (r"notice of (intent|intention)\b", "notice-of-intent"),
        (r"(notice of |letter )?motion (for partial |for )?to dismiss\b", "motion-to-dismiss"),
        (
            r"(notice of |letter )?motion for (partial )?summary judgment\b",
            "motion-for-summary-judgment",
        ),
        (r"(notice of |letter )?motion\b", "motion"),
        (r"notice\b", "notice"),
        (r"joint letter\b", "joint-letter"),
        (r"letter\b", "letter"),
        (r"amended complaint\b", "amended-complaint"),
        (r"complaint\b", "complaint"),
        (r"(amended )?answer\b", "answer"),
        (r"counterclaim\b", "counterclaim"),
        (r"(memorandum of law|memorandum|response|brief) in opposition\b", "opposition"),
        (r"reply( memorandum( of law)?| brief)?\b", "reply"),
        (r"(memorandum of law|memorandum|brief)\b", "brief"),
        (r"declaration\b", "declaration"),
        (r"(joint )?stipulation\b", "stipulation"),
        (r"subpoena\b", "subpoena"),
        (r"exhibit\b", "exhibit"),
    )
)


def _opening(text: str) -> str:
    """The text without leading modifiers ('Unopposed MOTION' -> 'MOTION')."""
    words = text.split(" ")
    while len(words) > 1 and words[0].casefold() in _MODIFIERS:
        words = words[1:]
    if len(words) > 1 and words[0].casefold() == "joint" and words[1].casefold() != "letter":
        words = words[1:]
    return " ".join(words)


def kind_of(text: str) -> str:
    """The filing kind the entry's opening names, or 'other'."""
    opening = _opening(text)
    if opening.casefold().startswith(("proposed ", "[proposed]")):
        return "other"  # a draft submitted for the judge to sign is not an order
    for pattern, kind in _KINDS:
        if pattern.match(opening):
            return kind
    return "other"


# Event words written in capitals that read better in title case ('MOTION' -> 'Motion').
_EVENT_WORDS = frozenset(
    [
        "motion",
        "order",
        "letter",
        "notice",
        "of",
        "appearance",
        "memorandum",
        "opinion",
        "and",
        "law",
        "in",
        "opposition",
        "support",
        "reply",
        "complaint",
        "amended",
        "answer",
        "declaration",
        "stipulation",
        "judgment",
        "memo",
        "endorsement",
        "to",
        "for",
        "dismiss",
        "summary",
        "partial",
        "joint",
        "first",
        "second",
        "third",
        "unopposed",
        "consent",
        "counterclaim",
        "exhibit",
        "scheduling",
        "protective",
        "transfer",
        "intent",
        "brief",
        "response",
        "subpoena",
        "decision",
        "clerk's",
        "final",
        "default",
        "standing",
        "removal",
        "summons",
        "affidavit",
        "certificate",
        "service",
        "transcript",
        "minute",
        "entry",
        "proceedings",
        "conference",
        "extension",
        "time",
        "strike",
        "sanctions",
    ]
)
_SMALL = frozenset(["of", "and", "in", "to", "for", "on", "the", "re", "by"])
# Where a title ends: before the filer, a reference, a note in parentheses, or a sentence's end.
_TITLE_END = re.compile(
    r"\s+(?:re:|filed by|by|as to|addressed to|dated)(?=\s)|\s(?=[(\[])|[;:](?=\s)|\.(?=\s)|\.$",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    [
        "no",
        "inc",
        "co",
        "corp",
        "ltd",
        "hon",
        "mr",
        "ms",
        "mrs",
        "dr",
        "v",
        "vs",
        "st",
        "jr",
        "sr",
        "u.s",
        "llc",
        "l.l.c",
    ]
)
TITLE_LENGTH = 100


def _title_end(text: str) -> int:
    """Where the first clause ends; a full stop after an initial or an abbreviation does not."""
    return _clause_end(text, _TITLE_END)


def _clause_end(text: str, pattern: re.Pattern[str]) -> int:
    for m in pattern.finditer(text):
        if m.start() == 0:
            continue
        if m.group().startswith("."):
            before = text[: m.start()].rsplit(" ", 1)[-1].casefold()
            if len(before) == 1 or before in _ABBREVIATIONS:
                continue
        return m.start()
    return len(text)


def title_of(text: str) -> str:
    """A short title: the entry's first clause, its event in title case ('Motion to Dismiss')."""
    head = text[: _title_end(text)].strip(" ,:;")
    if head.endswith(".") and head[:-1].rsplit(" ", 1)[-1].casefold() not in _ABBREVIATIONS:
        head = head.rstrip(".")
    words = head.split(" ")
    while len(words) > 1 and words[-1].casefold() in _SMALL:
        words.pop()
    out = []
    leading = True
    for i, word in enumerate(words):
        letters = word.replace("'", "")
        capitals = word.isupper() and letters.isalpha() and len(letters) > 1
        leading = leading and capitals
        if capitals and (leading or word.casefold() in _EVENT_WORDS):
            folded = word.casefold()
            word = folded if i and folded in _SMALL else folded[:1].upper() + folded[1:]
        out.append(word)
    head = " ".join(out) or text
    if len(head) > TITLE_LENGTH:
        head = head[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return head


# "re: 13", "re: [13]", "re: 13 MOTION to Dismiss, 15 MOTION to Strike"
_RE = re.compile(r"\bre:?\s+\[?(\d{1,6})\]?", re.IGNORECASE | re.ASCII)
# "granting 45", "Granting in part and denying in part 45", "denying as moot 12"
_RULING = re.compile(
    r"\b(?:granting|denying|terminating|mooting|deciding|resolving)"
    r"(?:\s+(?:in part|as moot|without prejudice))*"
    r"(?:\s+and\s+(?:granting|denying)(?:\s+(?:in part|as moot))*)?\s+\[?(\d{1,6})\]?(?=\s+[A-Za-z])",
    re.IGNORECASE | re.ASCII,
)
# More numbers in the same list: ", 15 MOTION", " and 17 Letter"
_MORE = re.compile(r"^[^.;()]*?(?:,|\band)\s+\[?(\d{1,6})\]?(?=\s+[A-Z])", re.ASCII)

RULING_KINDS = frozenset({"order", "opinion", "judgment"})


def _numbers_after(pattern: re.Pattern[str], text: str) -> list[int]:
    found: list[int] = []
    for m in pattern.finditer(text):
        found.append(int(m.group(1)))
        rest = text[m.end() :]
        while True:
            more = _MORE.match(rest)
            if more is None:
                break
            found.append(int(more.group(1)))
            rest = rest[more.end() :]
    return found


def references(text: str, kind: str) -> tuple[list[int], list[int]]:
    """(ECF numbers the entry refers to, ECF numbers it rules on), each in order, no repeats.

    Only an order, opinion or judgment rules on anything, and only where its text says
    "granting", "denying" or the like before the number; every other "re: N" is a reference.
    """
    decides = _numbers_after(_RULING, text) if kind in RULING_KINDS else []
    refers = [n for n in _numbers_after(_RE, text) if n not in decides]
    return list(dict.fromkeys(refers)), list(dict.fromkeys(decides))


_FILER = re.compile(r"\b(?:filed\s+)?by\s+", re.IGNORECASE)
_FILER_END = re.compile(r"\s(?=[(\[])|;|,?\s+re:|\.(?=\s)|\.$|,\s+filed\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SUFFIX = re.compile(
    r"^(inc|llc|l\.l\.c|ltd|corp|co|n\.a|llp|l\.l\.p|p\.c|pc|pllc|lp|l\.p|jr|sr|et al)\.?$", re.I
)
_NOT_NAMES = frozenset(
    {"filed", "document filed", "the court", "all parties", "plaintiff", "defendant"}
)


def filer_names(text: str) -> list[str]:
    """The names after "by" in the entry's own words (not in parentheses, which hold the clerk's
    and signer's notes). 'MOTION to Dismiss by Acme Widgets, Inc., Alex Doe.' -> both names;
    'NOTICE OF APPEARANCE by Sam Lee on behalf of Acme Widgets, Inc.' -> the party."""
    bare = " ".join(_PARENS.sub(" ", text).split())
    m = _FILER.search(bare)
    if m is None:
        return []
    rest = bare[m.end() :]
    rest = rest[: _clause_end(rest, _FILER_END)].strip(" .,")
    if " on behalf of " in rest:
        rest = rest.split(" on behalf of ", 1)[1]
    names: list[str] = []
    for part in re.split(r",\s*|\s+and\s+", rest):
        part = part.strip()
        if names and _SUFFIX.match(part):
            names[-1] = f"{names[-1]}, {part}"
        elif part:
            names.append(part)
    return [n for n in names if n.casefold() not in _NOT_NAMES]


def fold_name(name: str) -> str:
    """A name for matching: case-folded, punctuation and spacing ignored ('Jones, Hon.  B.')."""
    return " ".join(re.sub(r"[^\w&]+", " ", name.casefold()).split())


def ecf_ranges(numbers: Iterable[int]) -> str:
    """'1–4, 7, 9–12' for the numbers given (any order, repeats ignored)."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}–{ordered[j]}")
        i = j + 1
    return ", ".join(parts)
