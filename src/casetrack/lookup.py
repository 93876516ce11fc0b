"""Records found by what people type: a party by name or alias, a case by name or docket
number, a source by id, a filing by id or ECF number ("ECF 45"). Names are compared folded (any
case, any Unicode form, invisible characters ignored).

Nothing here prints. A lookup raises NotFoundError (with the closest names suggested) or
AmbiguousError (with the candidates).
"""

from __future__ import annotations

import re

from casetrack.characters import fold as _fold
from casetrack.dataset import Dataset
from casetrack.errors import NotFoundError
from casetrack.fuzzy import closest
from casetrack.models import Case, Claim, Filing, Party, Source
from casetrack.render.wording import case_name


class AmbiguousError(NotFoundError):
    """A name that matches several records."""


def find_party(dataset: Dataset, name: str) -> Party:
    """The party whose id, name or alias is `name` (compared folded: any case, any Unicode form,
    invisible characters ignored); else the only one whose name or alias contains it. Raises
    NotFoundError / AmbiguousError."""
    wanted = _fold(name)
    if not wanted:
        raise NotFoundError("give a party's name, alias or id")
    keys = {pid: [p.id, p.name, *p.aliases] for pid, p in dataset.parties.items()}
    exact = [pid for pid, ks in keys.items() if any(_fold(k) == wanted for k in ks)]
    if len(exact) == 1:
        return dataset.parties[exact[0]]
    matches = exact or [pid for pid, ks in keys.items() if any(wanted in _fold(k) for k in ks)]
    if len(matches) == 1:
        return dataset.parties[matches[0]]
    if matches:
        listed = "; ".join(f"{dataset.parties[m].name} ({m})" for m in sorted(matches)[:10])
        more = f"; and {len(matches) - 10} more" if len(matches) > 10 else ""
        raise AmbiguousError(f"'{name}' matches {len(matches)} parties: {listed}{more}")
    suggestions = closest(name, {pid: ks for pid, ks in keys.items()})
    hint = ""
    if suggestions:
        hint = "; did you mean " + " or ".join(
            f"'{dataset.parties[s].name}' ({s})" for s in suggestions
        )
    everyone = "`casetrack parties` lists everyone"
    raise NotFoundError(
        f"no party matches '{name}'{hint}? ({everyone})"
        if hint
        else f"no party matches '{name}'; {everyone}"
    )


_VERSUS = re.compile(r"\b(?:vs?|versus)\b\.?", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[^\w\s]+")


def case_key(text: str) -> str:
    """A case's name as compared: folded, 'v.', 'v', 'vs.' and 'versus' alike, punctuation and
    extra spaces ignored ('Lively v Wayfarer' is 'Lively v. Wayfarer')."""
    text = _VERSUS.sub(" v ", _fold(text))
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def find_case(dataset: Dataset, name: str) -> Case:
    """The case whose id, short name, caption or docket number is (or contains) `name`, compared
    folded, and names compared as `case_key` does."""
    wanted = _fold(name)
    keys = {
        cid: [c.id, c.caption, *(x for x in (c.short_name, c.docket) if x)]
        for cid, c in dataset.cases.items()
    }
    exact = [cid for cid, ks in keys.items() if any(_fold(k) == wanted for k in ks)]
    if not exact and case_key(name):
        named = case_key(name)
        exact = [
            cid
            for cid, c in dataset.cases.items()
            if named in (case_key(c.caption), case_key(c.short_name or ""))
        ]
    if not exact:
        # 1:24-cv-10049, 1:24-cv-10049-LJL and 1:24-cv-10049 (LJL) are one case.
        from casetrack.dockets.numbers import same_docket

        exact = [cid for cid, c in dataset.cases.items() if same_docket(c.docket, name)]
    if len(exact) == 1:
        return dataset.cases[exact[0]]
    matches = exact or [cid for cid, ks in keys.items() if any(wanted in _fold(k) for k in ks)]
    if len(matches) == 1:
        return dataset.cases[matches[0]]
    if matches:
        listed = "; ".join(f"{dataset.cases[m].caption} ({m})" for m in sorted(matches))
        raise AmbiguousError(f"'{name}' matches {len(matches)} cases: {listed}")
    suggestions = closest(name, keys)
    hint = f"; did you mean '{suggestions[0]}'?" if suggestions else ""
    raise NotFoundError(f"no case matches '{name}'{hint} (`casetrack cases` lists them)")


def find_claim(dataset: Dataset, name: str) -> Claim:
    """A claim by id, else by its title ('Defamation', any case) when only one claim has it,
    compared folded. Raises NotFoundError (the closest suggested) or AmbiguousError."""
    found = dataset.claims.get(name.strip())
    if found is not None:
        return found
    wanted = _fold(name)
    matches = [c for c in dataset.claims.values() if wanted in (_fold(c.id), _fold(c.title))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(f"{c.id} ({case_name(dataset, c.case)})" for c in matches)
        raise AmbiguousError(f"'{name}' is the title of {len(matches)} claims: {listed}")
    near = closest(name, {c.id: [c.title] for c in dataset.claims.values()}, n=1)
    hint = f"; did you mean '{near[0]}'?" if near else ""
    raise NotFoundError(f"no claim '{name}'{hint} (`casetrack claims` lists them)")


def find_source(dataset: Dataset, source_id: str) -> Source:
    """The source with this id (compared folded when no id is exactly it). Raises NotFoundError,
    with the closest ids suggested."""
    found = dataset.sources.get(source_id)
    if found is not None:
        return found
    wanted = _fold(source_id)
    matches = [s for sid, s in dataset.sources.items() if _fold(sid) == wanted]
    if len(matches) == 1:
        return matches[0]
    keys = {s.id: [s.title, *([s.outlet] if s.outlet else [])] for s in dataset.sources.values()}
    near = closest(source_id, keys)
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    raise NotFoundError(f"no source with id '{source_id}'{hint}")


def groups_of(dataset: Dataset, party_id: str) -> set[str]:
    """The party itself and every group it belongs to."""
    return {party_id} | {g.id for g in dataset.parties.values() if party_id in g.members}


_TYPED = re.compile(
    r"^\s*(?:ecf|dkt\.?|docket|doc\.?)\s*(?:no\.?|#)?\s*(\d{1,7})\s*$", re.IGNORECASE | re.ASCII
)


def typed_ecf(text: str) -> int | None:
    """The number in 'ECF 45', 'ECF No. 45', 'Dkt. 45', 'ecf45'; None for any other text."""
    m = _TYPED.match(_fold(text))  # typed, so looked up as every name is: "ＥＣＦ ４５" too
    return int(m.group(1)) if m else None


def find_filing(dataset: Dataset, name: str, case: str | None = None) -> Filing:
    """A filing by id, or by its ECF number ('ECF 45', within --case when several cases have one)."""
    found = dataset.filings.get(name.strip())
    if found is not None:
        return found
    number = typed_ecf(name) if not name.strip().isdigit() else int(name.strip())
    if number is None:
        suggestions = closest(name, {fid: [f.title] for fid, f in dataset.filings.items()}, n=1)
        hint = f"; did you mean '{suggestions[0]}'?" if suggestions else ""
        raise NotFoundError(f"no filing '{name}'{hint} (give its id or 'ECF 45')")
    case_id = find_case(dataset, case).id if case else None
    matches = [
        f
        for f in dataset.filings.values()
        if f.docket_entry == number and (case_id is None or f.case == case_id)
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        where = f" in {case_name(dataset, case_id)}" if case_id else ""
        raise NotFoundError(f"no filing is ECF {number}{where}")
    listed = "; ".join(f"{f.id} ({case_name(dataset, f.case or '')})" for f in matches)
    raise AmbiguousError(f"ECF {number} is in {len(matches)} cases: {listed}; add --case")
