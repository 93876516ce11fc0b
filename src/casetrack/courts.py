"""Where a court sits: the state whose holidays count for its deadlines (FRCP 6(a)(6)(C)).

A case may say its state (`state: NY`); otherwise casetrack reads it from the name or an alias of
the case's court, when that is a federal district court written as Congress names it or as
lawyers cite it:

    U.S. District Court for the Southern District of New York    28 U.S.C. § 112(b)
    District Court of Guam                                        48 U.S.C. § 1424
    S.D.N.Y., N.D. Cal., D.D.C., D. Mass.                         Bluebook, Tables T1 and T10
    SDNY, EDPA, DDC                                               the same, with postal codes

One row per state or territory with a district court (28 U.S.C. §§ 81-131 divide each state
into its districts; Guam, the Virgin Islands and the Northern Mariana Islands have territorial
district courts), so every one of the 94 districts is read without a table of districts. Codes are
USPS postal codes, the subdivision codes of the `holidays` package.

Pure: standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# code: (name, Bluebook abbreviation)
STATES: dict[str, tuple[str, str]] = {
    "AL": ("Alabama", "Ala."),
    "AK": ("Alaska", "Alaska"),
    "AZ": ("Arizona", "Ariz."),
    "AR": ("Arkansas", "Ark."),
    "CA": ("California", "Cal."),
    "CO": ("Colorado", "Colo."),
    "CT": ("Connecticut", "Conn."),
    "DE": ("Delaware", "Del."),
    "DC": ("Columbia", "D.C."),  # the District of Columbia
    "FL": ("Florida", "Fla."),
    "GA": ("Georgia", "Ga."),
    "GU": ("Guam", "Guam"),
    "HI": ("Hawaii", "Haw."),
    "ID": ("Idaho", "Idaho"),
    "IL": ("Illinois", "Ill."),
    "IN": ("Indiana", "Ind."),
    "IA": ("Iowa", "Iowa"),
    "KS": ("Kansas", "Kan."),
    "KY": ("Kentucky", "Ky."),
    "LA": ("Louisiana", "La."),
    "ME": ("Maine", "Me."),
    "MD": ("Maryland", "Md."),
    "MA": ("Massachusetts", "Mass."),
    "MI": ("Michigan", "Mich."),
    "MN": ("Minnesota", "Minn."),
    "MS": ("Mississippi", "Miss."),
    "MO": ("Missouri", "Mo."),
    "MT": ("Montana", "Mont."),
    "NE": ("Nebraska", "Neb."),
    "NV": ("Nevada", "Nev."),
    "NH": ("New Hampshire", "N.H."),
    "NJ": ("New Jersey", "N.J."),
    "NM": ("New Mexico", "N.M."),
    "NY": ("New York", "N.Y."),
    "NC": ("North Carolina", "N.C."),
    "ND": ("North Dakota", "N.D."),
    "MP": ("Northern Mariana Islands", "N. Mar. I."),
    "OH": ("Ohio", "Ohio"),
    "OK": ("Oklahoma", "Okla."),
    "OR": ("Oregon", "Or."),
    "PA": ("Pennsylvania", "Pa."),
    "PR": ("Puerto Rico", "P.R."),
    "RI": ("Rhode Island", "R.I."),
    "SC": ("South Carolina", "S.C."),
    "SD": ("South Dakota", "S.D."),
    "TN": ("Tennessee", "Tenn."),
    "TX": ("Texas", "Tex."),
    "UT": ("Utah", "Utah"),
    "VT": ("Vermont", "Vt."),
    "VI": ("Virgin Islands", "V.I."),
    "VA": ("Virginia", "Va."),
    "WA": ("Washington", "Wash."),
    "WV": ("West Virginia", "W. Va."),
    "WI": ("Wisconsin", "Wis."),
    "WY": ("Wyoming", "Wyo."),
}

_BY_NAME = {name.casefold(): code for code, (name, _) in STATES.items()}
_BY_CITE = {cite.replace(" ", ""): code for code, (_, cite) in STATES.items()}
_NAMES = "|".join(re.escape(name) for name in sorted(_BY_NAME, key=len, reverse=True))
# "... District of New York", "District Court of Guam", "District Court for the Northern Mariana
# Islands", "... District of Columbia"; a longer name is tried first (West Virginia, not Virginia).
_NAMED = re.compile(rf"\bdistricts? (?:court )?(?:of|for) (?:the )?({_NAMES})\b", re.IGNORECASE)
# S.D.N.Y., N.D. Cal., D.D.C., D. Mass., W.D. Va., D.N. Mar. I. (spaces removed first)
_CITED = re.compile(r"^(?:[NSEWMC]\.)?D\.(.+)$")
# SDNY, EDPA, DDC, CDCA
_SHORT = re.compile(r"^[NSEWMC]?D([A-Z]{2})$")


def state_name(code: str) -> str:
    """'New York' for NY; 'the District of Columbia' for DC."""
    name = STATES[code][0]
    return "the District of Columbia" if code == "DC" else name


def district_state(names: Iterable[str]) -> str | None:
    """The state a federal district court sits in, from its name and aliases; None when none of
    them reads as a district court, or when they name different states."""
    found = {code for code in (_one(n) for n in names) if code is not None}
    return found.pop() if len(found) == 1 else None


def _one(name: str) -> str | None:
    text = " ".join(name.split())
    named = _NAMED.search(text)
    if named:
        return _BY_NAME[named.group(1).casefold()]
    compact = text.replace(" ", "")
    cited = _CITED.match(compact)
    if cited and cited.group(1) in _BY_CITE:
        return _BY_CITE[cited.group(1)]
    short = _SHORT.match(compact)
    if short and short.group(1) in STATES:
        return short.group(1)
    return None
