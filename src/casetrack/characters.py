"""Which characters casetrack lets through, in one place: what reaches an output or a terminal
(`clean`), what `validate` warns about, the folded form that lookups compare (`fold`), and which
addresses become links (`safe_url`).

Standard library only: the command line, the YAML reader and every renderer import it.

- Control characters (C0 other than tab, newline and carriage return; DEL; C1; and the Unicode
  line and paragraph separators U+2028 and U+2029) can make a terminal act: change its title,
  write the clipboard, clear the screen. Written in a file they are refused; written as escapes in
  double quotes they load with a warning; no output but JSON (which escapes them) carries them:
  every line break (CR, CRLF, NEL, U+2028, U+2029) becomes a plain newline, which each output
  writes its own way, and every other control character is left out.
- Invisible characters (the bidirectional embeddings, overrides and isolates, and zero-width
  spaces) change how text displays without showing themselves: "Ali" + U+202E + "cod.exe" reads
  as "Aliexe.doc". `validate` warns about them and no output but JSON carries them. The zero-width
  joiner and non-joiner, and the left-to-right and right-to-left marks, are kept: scripts and
  emoji need them, and they cannot reverse text.
- Names are shown as written but compared folded: NFKC (full-width letters are letters), case
  folded (Turkish İ included), and without any invisible formatting character.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls but tab, newline and carriage return (a CRLF file is fine), DEL, and the
# line and paragraph separators that JavaScript and some terminals treat as line ends.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")

# Bidirectional embeddings, overrides and isolates (the "Trojan Source" set), and characters of
# no width that hide inside words.
INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff\u180e]")

# What `clean` turns into a newline, and what it leaves out: every other control character, and
# the invisible ones.
_LINE_BREAK = re.compile(r"\r\n?|[\x85\u2028\u2029]")
_LEFT_OUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f" + INVISIBLE.pattern[1:])

# Every format character a name may hide (soft hyphen, joiners, direction marks, ...): none of
# them changes which name it is.
_FORMAT = re.compile(
    r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)


def clean(text: str) -> str:
    """Text as every output but JSON gets it: each line break a newline, and no other control or
    invisible character (tabs and newlines kept: each output writes those its own way)."""
    if text.isprintable():  # the usual case, and quick: every character changed here is not
        return text
    return _LEFT_OUT.sub("", _LINE_BREAK.sub("\n", text))


def fold(text: str) -> str:
    """The form lookups compare: NFKC, case folded, without format characters, runs of white
    space as one space. "ＷＩＤＥ", "wide" and "Wi\\u200bde" fold alike; so do the composed and
    decomposed "Zoë", and "İnce" and "ince"."""
    if text.isascii():
        return " ".join(text.casefold().split())
    text = _FORMAT.sub("", unicodedata.normalize("NFKC", text))
    # Case folding turns "İ" into "i" and a combining dot above, which no one types.
    folded = unicodedata.normalize("NFKC", text.casefold()).replace("i\u0307", "i")
    return " ".join(folded.split())


def find_folded(text: str, needle: str) -> tuple[int, int] | None:
    """Where a folded `needle` occurs in `text` (white space already single spaces), as the
    (start, end) of the characters of `text` it was folded from; None when it does not occur."""
    if text.isascii():
        at = text.casefold().find(needle)
        return (at, at + len(needle)) if at >= 0 else None
    pieces: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        piece = fold(char) if not char.isspace() else " "
        pieces.append(piece)
        origin.extend([i] * len(piece))
    at = "".join(pieces).find(needle)
    if at < 0 or not needle:
        return None
    return origin[at], origin[at + len(needle) - 1] + 1


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address without spaces or control characters, else None:
    the only links an output makes (a `javascript:` address is never a link)."""
    if url is None:
        return None
    url = url.strip()
    if not _SAFE_URL.match(url):
        return None
    return url


_SAFE_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+$", re.IGNORECASE)


def describe(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)': a character named for a message."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
