"""The records of a case file: sources, parties, cases, filings, claims, events and deadlines.

Each record is a plain frozen dataclass, declared once here with its fields' types, defaults,
descriptions and constraints (`modeling`); no pydantic, so a dataset read back from the cache
needs none. `validation` makes the pydantic models that check a data file from these
declarations: they reject unknown fields, so a misspelt key in a YAML file is reported instead of
ignored, and the descriptions are the help an editor shows while typing (`casetrack schema`). The
words a field may hold are in `vocabulary`; what the value types mean in `fieldtypes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casetrack.dates import DateSpan
from casetrack.modeling import Model, field, record
from casetrack.vocabulary import (
    ClaimStatus,
    EventKind,
    FilingKind,
    PartyKind,
    RelationKind,
    Role,
    ServiceMethod,
    SourceKind,
)

# The value types fields are declared with, as plain Python types; `fieldtypes` gives each its
# validation (an id's pattern, a date's notation) under the same name.
Id = str
Text = str
DocketText = str
State = str
When = DateSpan
if TYPE_CHECKING:  # `counting` is not needed to read a record back, only to count with it
    from casetrack.counting import Period

    PeriodText = Period
Sources = list[str]

__all__ = ["MODELS", "Model"]


@record
class Allegation(Model):
    """Marks a record as an allegation: who alleges it, where, and who denies it."""

    by: list[Id] = field(
        min_length=1,
        description="Ids of the parties who allege this. Required: no anonymous claims.",
    )
    filing: Id | None = field(None, description="Id of the filing in which it is alleged.")
    denied_by: list[Id] = field(
        default_factory=list, description="Ids of the parties who deny or dispute it."
    )
    note: str | None = field(None, description="How it is alleged or denied, in a few words.")


@record
class Account(Model):
    """One source's version of a disputed detail."""

    says: Text = field(description="What this version says, in a few words.")
    sources: Sources = field(min_length=1)


@record
class Discrepancy(Model):
    """A detail on which sources disagree; every version is kept with its sources."""

    about: Text = field(
        description=(
            "What the sources disagree about, written to follow 'sources differ on' and shown "
            "as written: 'the length of the memo', 'Lively's age'."
        )
    )
    accounts: list[Account] = field(min_length=2, description="Each source's version.")


@record
class Schedule(Model):
    """For a scheduled date (a trial, a deadline): when it was set and when it was replaced."""

    set_on: When = field(description="When this date was set.")
    set_by: Id | None = field(None, description="Id of the order or event that set it.")
    replaced_on: When | None = field(
        None, description="When this date was vacated or moved; leave out while it stands."
    )
    replaced_by: Id | None = field(None, description="Id of the event that replaced it, if any.")
    note: str | None = field(None, description="Anything worth knowing about the scheduling.")


@record
class Record(Model):
    """Fields every record has."""

    id: Id = field(description="Unique id across the whole dataset.")
    sources: Sources = field(default_factory=list)
    notes: str | None = field(None, description="Free notes for readers of the file.")
    unconfirmed: bool = field(
        False,
        description=(
            "True when only one outlet reports this and nothing else confirms it; "
            "shown as that outlet's report, not as established fact."
        ),
    )
    discrepancies: list[Discrepancy] = field(
        default_factory=list, description="Details on which the sources disagree."
    )


@record
class Source(Model):
    """Where facts come from: a news report, a court filing, an order, a docket."""

    id: Id = field(description="Unique id across the whole dataset.")
    kind: SourceKind = field(
        description=(
            "What sort of source this is: a court record (court-order, court-filing, docket), "
            "original reporting (news-report, press-release, statement, interview, book), or "
            "what republishes or comments on others' reporting (aggregator, blog, social-media). "
            "Sources are listed in that order."
        )
    )
    title: Text = field(description="The source's title or headline.")
    outlet: str | None = field(None, description="Publisher, outlet or court.")
    author: str | None = field(None, description="Author, where known.")
    published: When | None = field(None, description="Publication date, at the precision known.")
    date_note: str | None = field(
        None, description="How the publication date was worked out, when it is inferred."
    )
    url: str | None = field(None, description="Where to read it, where known.")
    file: str | None = field(None, description="A local copy, relative to the dataset.")
    retrieved: When | None = field(
        None, description="For a docket or web page: the day this copy was retrieved."
    )
    entries: str | None = field(
        None,
        description=(
            "For a docket imported with `casetrack import`: the entries imported so far (ECF "
            "numbers as ranges, then unnumbered entries by date), so that an entry removed by "
            "hand is not brought back. Delete a number here to have it imported again."
        ),
    )
    notes: str | None = field(None, description="Free notes for readers of the file.")


@record
class Party(Record):
    """A person or organisation. Their role is given per case, in the case's `parties`."""

    name: Text = field(description="Full name.")
    kind: PartyKind = field(description="Person, company, court, judge, counsel, law firm, ...")
    aliases: list[Text] = field(
        default_factory=list, description="Short names people type: 'Baldoni', 'Wayfarer'."
    )
    description: str | None = field(None, description="Who they are, in a line.")
    firm: Id | None = field(None, description="For counsel: id of their law firm, if a party.")
    members: list[Id] = field(
        default_factory=list,
        description=(
            "For a group (e.g. 'the Wayfarer parties'): ids of its members. What the group "
            "files or faces counts for each member."
        ),
    )


@record
class CaseParty(Model):
    """A party's role in one case, with their counsel."""

    party: Id = field(description="Id of the party.")
    role: Role = field(description="Their role in this case.")
    counsel: list[Id] = field(
        default_factory=list, description="Ids of the lawyers or firms representing them here."
    )
    sources: Sources = field(default_factory=list)
    note: str | None = field(None, description="Anything worth knowing about this role.")


@record
class Relation(Model):
    """How this case relates to another: consolidated with it, a countersuit to it, ..."""

    kind: RelationKind = field(description="The relation.")
    case: Id = field(description="Id of the other case.")
    date: When | None = field(None, description="When the relation arose, if known.")
    sources: Sources = field(default_factory=list)
    note: str | None = field(None, description="A few words on the relation.")


@record
class Case(Record):
    """A lawsuit or proceeding."""

    caption: Text = field(description="The full caption: 'Lively v. Wayfarer Studios LLC et al.'")
    short_name: str | None = field(None, description="What people call it.")
    court: Id | None = field(None, description="Id of the court (a party of kind 'court').")
    docket: str | None = field(None, description="Docket or case number, as the court writes it.")
    judge: Id | None = field(None, description="Id of the presiding judge (a party).")
    filed: When | None = field(None, description="When the case was filed.")
    date_note: str | None = field(None, description="How the filing date was worked out.")
    terminated: When | None = field(None, description="When the case was terminated (closed).")
    nature_of_suit: str | None = field(
        None, description="The nature of suit, as the docket gives it ('190 Contract: Other')."
    )
    cause: str | None = field(
        None, description="The cause of action, as the docket gives it ('28:1332 Diversity')."
    )
    parties: list[CaseParty] = field(default_factory=list, description="Parties and their roles.")
    relations: list[Relation] = field(default_factory=list, description="Links to other cases.")
    summary: str | None = field(None, description="What the case is about, in a few lines.")
    state: State | None = field(
        None,
        description=(
            "The state where the court sits, as a postal code (NY): its holidays count when "
            "deadlines are counted (FRCP 6(a)(6)(C)). Leave out for a federal district court "
            "whose name says it (Southern District of New York, S.D.N.Y.)."
        ),
    )


@record
class DocumentLink(Model):
    """A document of a docket entry: the main document or an attachment, with its address."""

    url: str = field(description="Where to read the document (CourtListener, PACER, ...).")
    attachment: int | None = field(
        None, ge=0, description="The attachment number; leave out for the main document."
    )
    description: str | None = field(None, description="What the document is, as the docket says.")


@record
class Filing(Record):
    """A document in a case: a complaint, motion, letter, order, ..."""

    case: Id | None = field(
        None, description="Id of the case it was filed in; leave out for none (a subpoena, ...)."
    )
    date: When = field(description="When it was filed or issued.")
    date_note: str | None = field(None, description="How an inferred date was worked out.")
    kind: FilingKind = field(description="What sort of document it is.")
    title: Text = field(description="A short title.")
    summary: str | None = field(None, description="What it says, in neutral words.")
    filed_by: list[Id] = field(
        default_factory=list,
        description="Ids of the parties who filed it, or the judge who issued it.",
    )
    docket_entry: int | None = field(
        None, ge=0, description="Docket entry number (the ECF number), where known."
    )
    docket_text: DocketText | None = field(
        None, description="The docket entry's text as the court wrote it, kept whole."
    )
    documents: list[DocumentLink] = field(
        default_factory=list, description="Links to the entry's documents, where known."
    )
    responds_to: list[Id] = field(
        default_factory=list,
        description=(
            "Ids of the filings this one answers or refers to (docket text 're: 13', "
            "'in opposition re: 50')."
        ),
    )
    decides: list[Id] = field(
        default_factory=list,
        description="For an order: ids of the motions it rules on (docket text 'granting 45').",
    )


@record
class StatusChange(Model):
    """A dated change in a claim's status, tied to what caused it."""

    status: ClaimStatus = field(description="The claim's status from this date on.")
    date: When = field(description="When the status changed.")
    date_note: str | None = field(None, description="How an inferred date was worked out.")
    by: Id | None = field(None, description="Id of the filing or event that made the change.")
    note: str | None = field(None, description="A few words on the change.")
    sources: Sources = field(default_factory=list)


@record
class Claim(Record):
    """A cause of action in a case, with the history of its status."""

    case: Id = field(description="Id of the case the claim is brought in.")
    title: Text = field(description="The cause of action: 'Sexual harassment', 'Defamation'.")
    plaintiffs: list[Id] = field(min_length=1, description="Ids of those bringing the claim.")
    defendants: list[Id] = field(min_length=1, description="Ids of those it is brought against.")
    filing: Id | None = field(None, description="Id of the filing that raised it.")
    date: When | None = field(
        None, description="When it was raised; defaults to the date of `filing`."
    )
    damages: str | None = field(None, description="Damages or relief sought, as the source says.")
    summary: str | None = field(None, description="What the claim says, in neutral words.")
    history: list[StatusChange] = field(
        default_factory=list,
        description="Status changes in date order. Before the first, the claim is pending.",
    )


@record
class Event(Record):
    """Anything else dated: hearings, conferences, rulings, releases, publications, ..."""

    date: When = field(description="When it happened (or is scheduled to happen).")
    date_note: str | None = field(None, description="How an inferred date was worked out.")
    kind: EventKind = field(description="What sort of event it is.")
    title: Text = field(description="A short title.")
    summary: str | None = field(None, description="What happened, in neutral words.")
    case: Id | None = field(None, description="Id of the case it belongs to, if any.")
    parties: list[Id] = field(default_factory=list, description="Ids of the parties involved.")
    alleged: Allegation | None = field(
        None, description="Set when this is an allegation rather than an established fact."
    )
    scheduled: Schedule | None = field(
        None, description="Set for a scheduled date (a trial): when it was set and replaced."
    )


@record
class Deadline(Record):
    """A deadline you state: a period counted from a filing or event, under a rule you name.

    casetrack holds no rule book: it counts the period as FRCP 6(a) counts, and shows its work.
    """

    case: Id | None = field(None, description="Id of the case; defaults to the trigger's case.")
    title: Text = field(description="What is due: 'Opposition to the motion to dismiss'.")
    trigger: Id = field(
        written_as="from",
        description=(
            "Id of the filing or event the period runs from. It must be dated to the day: a "
            "period cannot be counted from 'Nov 2025'."
        ),
    )
    period: PeriodText = field(description="How long: '14 days', '2 weeks', '1 month', '1 year'.")
    rule: Text = field(
        description="The rule or order that sets the period: 'S.D.N.Y. Local Civil Rule 6.1(b)'."
    )
    service: ServiceMethod = field(
        "electronic",
        description=(
            "How the trigger was served: electronic or hand (no days added), or mail, clerk "
            "(left with the clerk) or consented (other means consented to), which add 3 days "
            "under FRCP 6(d)."
        ),
    )


# The model of each top-level key of a data file (in vocabulary.SECTION_NAMES' order).
MODELS: dict[str, type[Model]] = {
    "sources": Source,
    "parties": Party,
    "cases": Case,
    "filings": Filing,
    "claims": Claim,
    "events": Event,
    "deadlines": Deadline,
}


@record
class About(Model):
    """What the whole dataset is about: the title its web page, calendar and TimelineJS show.
    Written once, in any one file."""

    title: Text = field(
        description="The dataset's title: 'The It Ends With Us litigation'. Without one, the "
        "main case's name is the title."
    )
    description: str | None = field(None, description="What the dataset covers, in a few lines.")


@record
class DatasetFile(Model):
    """One YAML file of a casetrack dataset. Every key is optional; each holds a list, but for
    `dataset`, which one file of the dataset may hold."""

    dataset: About | None = field(
        None, description="The dataset's title and description; in one file only."
    )

    sources: list[Source] = field(default_factory=list, description="Where facts come from.")
    parties: list[Party] = field(default_factory=list, description="People and organisations.")
    cases: list[Case] = field(default_factory=list, description="The lawsuits and proceedings.")
    filings: list[Filing] = field(default_factory=list, description="Documents filed or issued.")
    claims: list[Claim] = field(default_factory=list, description="Causes of action.")
    events: list[Event] = field(default_factory=list, description="Other dated events.")
    deadlines: list[Deadline] = field(
        default_factory=list, description="Deadlines counted from a filing or event."
    )
