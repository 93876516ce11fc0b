"""Federal court names from the codes PACER and CourtListener use (`nysd`, `txsd`, `ca2`).

A district court's code is its state's postal abbreviation and its district: `d` (the District
of), `nd`, `sd`, `ed`, `wd`, `md`, `cd`; a bankruptcy court ends in `b` instead. Circuit courts
are `ca1` to `ca11`, `cadc` and `cafc`. Anything else keeps its code as its name.
"""

from __future__ import annotations

STATES = {
    "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California",
    "co": "Colorado", "ct": "Connecticut", "de": "Delaware", "dc": "the District of Columbia",
    "fl": "Florida", "ga": "Georgia", "gu": "Guam", "hi": "Hawaii", "id": "Idaho",
    "il": "Illinois", "in": "Indiana", "ia": "Iowa", "ks": "Kansas", "ky": "Kentucky",
    "la": "Louisiana", "me": "Maine", "md": "Maryland", "ma": "Massachusetts", "mi": "Michigan",
    "mn": "Minnesota", "ms": "Mississippi", "mo": "Missouri", "mt": "Montana", "ne": "Nebraska",
    "nv": "Nevada", "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico",
    "ny": "New York", "nc": "North Carolina", "nd": "North Dakota", "mp": "the Northern Mariana Islands",
    "oh": "Ohio", "ok": "Oklahoma", "or": "Oregon", "pa": "Pennsylvania", "pr": "Puerto Rico",
    "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tn": "Tennessee",
    "tx": "Texas", "ut": "Utah", "vt": "Vermont", "vi": "the Virgin Islands", "va": "Virginia",
    "wa": "Washington", "wv": "West Virginia", "wi": "Wisconsin", "wy": "Wyoming",
}  # fmt: skip
DISTRICTS = {
    "n": "Northern",
    "s": "Southern",
    "e": "Eastern",
    "w": "Western",
    "m": "Middle",
    "c": "Central",
}
ORDINALS = [
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
]


def court_name(code: str) -> str:
    """'nysd' -> 'U.S. District Court for the Southern District of New York'."""
    code = code.lower()
    if code.startswith("ca") and code[2:].isdigit() and 1 <= int(code[2:]) <= 11:
        return f"U.S. Court of Appeals for the {ORDINALS[int(code[2:]) - 1]} Circuit"
    if code == "cadc":
        return "U.S. Court of Appeals for the District of Columbia Circuit"
    if code == "cafc":
        return "U.S. Court of Appeals for the Federal Circuit"
    state = STATES.get(code[:2])
    rest = code[2:]
    if state is None or not rest:
        return code.upper()
    kind = "District"
    if rest.endswith("b"):
        kind, rest = "Bankruptcy", rest[:-1] + "d" if rest != "b" else "d"
    if rest == "d" and code.startswith("dc"):
        return f"U.S. {kind} Court for the District of Columbia"
    if rest == "d":
        return f"U.S. {kind} Court for the District of {state.removeprefix('the ')}"
    if len(rest) == 2 and rest[1] == "d" and rest[0] in DISTRICTS:
        return f"U.S. {kind} Court for the {DISTRICTS[rest[0]]} District of {state}"
    return code.upper()
