"""The words a dataset is written in: the kinds of sources, parties, filings and events, the roles
in a case, the relations between cases, the statuses of a claim, the ways of service, and the
sections of a data file with the word for one record of each.

Each list is written once, as a `Literal` type (what the models validate and the schema offers),
and read as a tuple of strings where code needs the words themselves (a `--status` choice, the
kinds `--kind` accepts). No pydantic here: `casetrack claims --help` reads the statuses without
loading the data model.
"""

from __future__ import annotations

from typing import Literal, get_args

SourceKind = Literal[
    "news-report",
    "court-filing",
    "court-order",
    "docket",
    "press-release",
    "statement",
    "social-media",
    "blog",
    "aggregator",
    "book",
    "interview",
    "other",
]

PartyKind = Literal[
    "person",
    "company",
    "organisation",
    "court",
    "judge",
    "counsel",
    "law-firm",
    "news-outlet",
    "agency",
    "group",
    "other",
]

Role = Literal[
    "plaintiff",
    "defendant",
    "counter-plaintiff",
    "counter-defendant",
    "third-party-plaintiff",
    "third-party-defendant",
    "cross-plaintiff",
    "cross-defendant",
    "intervenor",
    "petitioner",
    "respondent",
    "appellant",
    "appellee",
    "complainant",
    "amicus",
    "interested-party",
    "non-party",
    "other",
]

RelationKind = Literal[
    "consolidated-with",
    "related-to",
    "countersuit-to",
    "appeal-of",
    "removed-from",
    "transferred-from",
    "other",
]

FilingKind = Literal[
    "complaint",
    "amended-complaint",
    "administrative-complaint",
    "answer",
    "counterclaim",
    "motion",
    "motion-to-dismiss",
    "motion-for-summary-judgment",
    "opposition",
    "reply",
    "letter",
    "joint-letter",
    "notice",
    "notice-of-appearance",
    "notice-of-intent",
    "order",
    "opinion",
    "judgment",
    "stipulation",
    "subpoena",
    "declaration",
    "exhibit",
    "brief",
    "discovery",
    "other",
]

EventKind = Literal[
    "hearing",
    "conference",
    "ruling",
    "trial",
    "deadline",
    "deposition",
    "mediation",
    "settlement",
    "meeting",
    "production",
    "release",
    "publication",
    "statement",
    "disclosure",
    "other",
]

ClaimStatus = Literal[
    "pending",
    "dismissed-with-leave",
    "dismissed-in-part",
    "dismissed",
    "withdrawn",
    "settled",
    "judgment-for-plaintiff",
    "judgment-for-defendant",
    "other",
]

ServiceMethod = Literal["electronic", "hand", "mail", "clerk", "consented"]

FILING_KINDS: tuple[str, ...] = get_args(FilingKind)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)
CLAIM_STATUSES: tuple[str, ...] = get_args(ClaimStatus)

# The top-level keys of a data file, in the order casetrack writes and reports them, each with
# the word for one of its records ("party 'lively'", "type": "party" in JSON).
RECORD_WORDS: dict[str, str] = {
    "sources": "source",
    "parties": "party",
    "cases": "case",
    "filings": "filing",
    "claims": "claim",
    "events": "event",
    "deadlines": "deadline",
}
SECTION_NAMES: tuple[str, ...] = tuple(RECORD_WORDS)
