"""The docket's people and organisations as dataset parties: found by name or alias, else new.

A party already in the dataset (in any file) is used as it is, never changed; a new one is made
only when no party's name or alias matches, ignoring case, spacing and punctuation.
"""

from __future__ import annotations

import re
from typing import Any

from casetrack.dataset import Dataset
from casetrack.dockets.text import fold_name

# The docket's party types, folded to letters only, and the role each is in casetrack's words.
ROLES = {
    "plaintiff": "plaintiff",
    "plaintiffs": "plaintiff",
    "defendant": "defendant",
    "defendants": "defendant",
    "counterclaimant": "counter-plaintiff",
    "counterplaintiff": "counter-plaintiff",
    "counterclaimplaintiff": "counter-plaintiff",
    "counterdefendant": "counter-defendant",
    "counterclaimdefendant": "counter-defendant",
    "thirdpartyplaintiff": "third-party-plaintiff",
    "thirdpartydefendant": "third-party-defendant",
    "crossclaimant": "cross-plaintiff",
    "crossplaintiff": "cross-plaintiff",
    "crossdefendant": "cross-defendant",
    "intervenor": "intervenor",
    "intervenorplaintiff": "intervenor",
    "intervenordefendant": "intervenor",
    "petitioner": "petitioner",
    "respondent": "respondent",
    "appellant": "appellant",
    "appellee": "appellee",
    "amicus": "amicus",
    "amicuscuriae": "amicus",
    "interestedparty": "interested-party",
}


def role_of(party_type: str) -> str:
    """'Counter Claimant' -> 'counter-plaintiff'; a type casetrack has no word for -> 'other'."""
    return ROLES.get(re.sub(r"[^a-z]", "", party_type.casefold()), "other")


_COMPANY = re.compile(
    r"\b(llc|l\.l\.c|inc|incorporated|corp|corporation|company|co|ltd|limited|lp|l\.p|llp|"
    r"l\.l\.p|plc|pllc|n\.a|gmbh|s\.a|bank|trust|holdings|group|partners|studios)\b\.?",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"^(the )?(united states|usa|state of|commonwealth of|county of|city of|people of)\b|"
    r"\b(department|agency|commission|bureau|office of)\b",
    re.IGNORECASE,
)


def kind_of_party(name: str) -> str:
    """'company' or 'agency' where the name says so; else 'other' (never a guess at 'person')."""
    if _AGENCY.search(name):
        return "agency"
    if _COMPANY.search(name):
        return "company"
    return "other"


def slug(text: str) -> str:
    """An id from a name: 'RFC Drilling, LLC' -> 'rfc-drilling-llc'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")[:60].strip("-")
    return out or "party"


class Parties:
    """Finds or makes parties; remembers those it made, which go into the docket file."""

    def __init__(self, dataset: Dataset, taken: set[str], source_id: str) -> None:
        self.by_name: dict[str, str] = {}
        for pid, p in dataset.parties.items():
            for name in (p.name, *p.aliases, pid):
                self.by_name.setdefault(fold_name(name), pid)
        self.taken = taken
        self.source_id = source_id
        self.made: dict[str, dict[str, Any]] = {}

    def find(self, name: str) -> str | None:
        return self.by_name.get(fold_name(name))

    def get(
        self,
        name: str,
        kind: str,
        description: str | None = None,
        aliases: tuple[str, ...] = (),
        wanted_id: str | None = None,
    ) -> str:
        """The id of the party named `name` (or one of `aliases`), made if there is none."""
        for key in (name, *aliases):
            found = self.find(key)
            if found is not None:
                return found
        base = wanted_id or slug(name)
        pid, n = base, 2
        while pid in self.taken:
            pid = f"{base}-{n}"
            n += 1
        self.taken.add(pid)
        record: dict[str, Any] = {"id": pid, "name": name, "kind": kind}
        if aliases:
            record["aliases"] = list(aliases)
        if description:
            record["description"] = description
        record["sources"] = [self.source_id]
        self.made[pid] = record
        for key in (name, *aliases):
            self.by_name.setdefault(fold_name(key), pid)
        return pid
