"""The records of a case file: sources, parties, cases, filings, claims, events and deadlines.

Every model is immutable and rejects unknown fields, so a misspelt key in a YAML file is reported
instead of ignored. The field descriptions double as the help an editor shows while typing (they
end up in `casetrack schema`). The words a field may hold are in `vocabulary`; the types of its
values (ids, dates, periods) in `fieldtypes`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from casetrack.fieldtypes import DocketText, Id, PeriodText, Sources, State, Text, When
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


class Model(BaseModel):
    """Base for every record: immutable, and unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Allegation(Model):
    """Marks a record as an allegation: who alleges it, where, and who denies it."""

    by: list[Id] = Field(
        min_length=1,
        description="Ids of the parties who allege this. Required: no anonymous claims.",
    )
    filing: Id | None = Field(None, description="Id of the filing in which it is alleged.")
    denied_by: list[Id] = Field(
        default_factory=list, description="Ids of the parties who deny or dispute it."
    )
    note: str | None = Field(None, description="How it is alleged or denied, in a few words.")


class Account(Model):
    """One source's version of a disputed detail."""

    says: Text = Field(description="What this version says, in a few words.")
    sources: Sources = Field(min_length=1)


class Discrepancy(Model):
    """A detail on which sources disagree; every version is kept with its sources."""

    about: Text = Field(
        description=(
            "What the sources disagree about, written to follow 'sources differ on' and shown "
            "as written: 'the length of the memo', 'Lively's age'."
        )
    )
    accounts: list[Account] = Field(min_length=2, description="Each source's version.")


class Schedule(Model):
    """For a scheduled date (a trial, a deadline): when it was set and when it was replaced."""

    set_on: When = Field(description="When this date was set.")
    set_by: Id | None = Field(None, description="Id of the order or event that set it.")
    replaced_on: When | None = Field(
        None, description="When this date was vacated or moved; leave out while it stands."
    )
    replaced_by: Id | None = Field(None, description="Id of the event that replaced it, if any.")
    note: str | None = Field(None, description="Anything worth knowing about the scheduling.")


class Record(Model):
    """Fields every record has."""

    id: Id = Field(description="Unique id across the whole dataset.")
    sources: Sources = Field(default_factory=list)
    notes: str | None = Field(None, description="Free notes for readers of the file.")
    unconfirmed: bool = Field(
        False,
        description=(
            "True when only one outlet reports this and nothing else confirms it; "
            "shown as that outlet's report, not as established fact."
        ),
    )
    discrepancies: list[Discrepancy] = Field(
        default_factory=list, description="Details on which the sources disagree."
    )


class Source(Model):
    """Where facts come from: a news report, a court filing, an order, a docket."""

    id: Id = Field(description="Unique id across the whole dataset.")
    kind: SourceKind = Field(
        description=(
            "What sort of source this is: a court record (court-order, court-filing, docket), "
            "original reporting (news-report, press-release, statement, interview, book), or "
            "what republishes or comments on others' reporting (aggregator, blog, social-media). "
            "Sources are listed in that order."
        )
    )
    title: Text = Field(description="The source's title or headline.")
    outlet: str | None = Field(None, description="Publisher, outlet or court.")
    author: str | None = Field(None, description="Author, where known.")
    published: When | None = Field(None, description="Publication date, at the precision known.")
    date_note: str | None = Field(
        None, description="How the publication date was worked out, when it is inferred."
    )
    url: str | None = Field(None, description="Where to read it, where known.")
    file: str | None = Field(None, description="A local copy, relative to the dataset.")
    retrieved: When | None = Field(
        None, description="For a docket or web page: the day this copy was retrieved."
    )
    entries: str | None = Field(
        None,
        description=(
            "For a docket imported with `casetrack import`: the entries imported so far (ECF "
            "numbers as ranges, then unnumbered entries by date), so that an entry removed by "
            "hand is not brought back. Delete a number here to have it imported again."
        ),
    )
    notes: str | None = Field(None, description="Free notes for readers of the file.")


class Party(Record):
    """A person or organisation. Their role is given per case, in the case's `parties`."""

    name: Text = Field(description="Full name.")
    kind: PartyKind = Field(description="Person, company, court, judge, counsel, law firm, ...")
    aliases: list[Text] = Field(
        default_factory=list, description="Short names people type: 'Baldoni', 'Wayfarer'."
    )
    description: str | None = Field(None, description="Who they are, in a line.")
    firm: Id | None = Field(None, description="For counsel: id of their law firm, if a party.")
    members: list[Id] = Field(
        default_factory=list,
        description=(
            "For a group (e.g. 'the Wayfarer parties'): ids of its members. What the group "
            "files or faces counts for each member."
        ),
    )


class CaseParty(Model):
    """A party's role in one case, with their counsel."""

    party: Id = Field(description="Id of the party.")
    role: Role = Field(description="Their role in this case.")
    counsel: list[Id] = Field(
        default_factory=list, description="Ids of the lawyers or firms representing them here."
    )
    sources: Sources = Field(default_factory=list)
    note: str | None = Field(None, description="Anything worth knowing about this role.")


class Relation(Model):
    """How this case relates to another: consolidated with it, a countersuit to it, ..."""

    kind: RelationKind = Field(description="The relation.")
    case: Id = Field(description="Id of the other case.")
    date: When | None = Field(None, description="When the relation arose, if known.")
    sources: Sources = Field(default_factory=list)
    note: str | None = Field(None, description="A few words on the relation.")


class Case(Record):
    """A lawsuit or proceeding."""

    caption: Text = Field(description="The full caption: 'Lively v. Wayfarer Studios LLC et al.'")
    short_name: str | None = Field(None, description="What people call it.")
    court: Id | None = Field(None, description="Id of the court (a party of kind 'court').")
    docket: str | None = Field(None, description="Docket or case number, as the court writes it.")
    judge: Id | None = Field(None, description="Id of the presiding judge (a party).")
    filed: When | None = Field(None, description="When the case was filed.")
    date_note: str | None = Field(None, description="How the filing date was worked out.")
    terminated: When | None = Field(None, description="When the case was terminated (closed).")
    nature_of_suit: str | None = Field(
        None, description="The nature of suit, as the docket gives it ('190 Contract: Other')."
    )
    cause: str | None = Field(
        None, description="The cause of action, as the docket gives it ('28:1332 Diversity')."
    )
    parties: list[CaseParty] = Field(default_factory=list, description="Parties and their roles.")
    relations: list[Relation] = Field(default_factory=list, description="Links to other cases.")
    summary: str | None = Field(None, description="What the case is about, in a few lines.")
    state: State | None = Field(
        None,
        description=(
            "The state where the court sits, as a postal code (NY): its holidays count when "
            "deadlines are counted (FRCP 6(a)(6)(C)). Leave out for a federal district court "
            "whose name says it (Southern District of New York, S.D.N.Y.)."
        ),
    )


class DocumentLink(Model):
    """A document of a docket entry: the main document or an attachment, with its address."""

    url: str = Field(description="Where to read the document (CourtListener, PACER, ...).")
    attachment: int | None = Field(
        None, ge=0, description="The attachment number; leave out for the main document."
    )
    description: str | None = Field(None, description="What the document is, as the docket says.")


class Filing(Record):
    """A document in a case: a complaint, motion, letter, order, ..."""

    case: Id | None = Field(
        None, description="Id of the case it was filed in; leave out for none (a subpoena, ...)."
    )
    date: When = Field(description="When it was filed or issued.")
    date_note: str | None = Field(None, description="How an inferred date was worked out.")
    kind: FilingKind = Field(description="What sort of document it is.")
    title: Text = Field(description="A short title.")
    summary: str | None = Field(None, description="What it says, in neutral words.")
    filed_by: list[Id] = Field(
        default_factory=list,
        description="Ids of the parties who filed it, or the judge who issued it.",
    )
    docket_entry: int | None = Field(
        None, ge=0, description="Docket entry number (the ECF number), where known."
    )
    docket_text: DocketText | None = Field(
        None, description="The docket entry's text as the court wrote it, kept whole."
    )
    documents: list[DocumentLink] = Field(
        default_factory=list, description="Links to the entry's documents, where known."
    )
    responds_to: list[Id] = Field(
        default_factory=list,
        description=(
            "Ids of the filings this one answers or refers to (docket text 're: 13', "
            "'in opposition re: 50')."
        ),
    )
    decides: list[Id] = Field(
        default_factory=list,
        description="For an order: ids of the motions it rules on (docket text 'granting 45').",
    )


class StatusChange(Model):
    """A dated change in a claim's status, tied to what caused it."""

    status: ClaimStatus = Field(description="The claim's status from this date on.")
    date: When = Field(description="When the status changed.")
    date_note: str | None = Field(None, description="How an inferred date was worked out.")
    by: Id | None = Field(None, description="Id of the filing or event that made the change.")
    note: str | None = Field(None, description="A few words on the change.")
    sources: Sources = Field(default_factory=list)


class Claim(Record):
    """A cause of action in a case, with the history of its status."""

    case: Id = Field(description="Id of the case the claim is brought in.")
    title: Text = Field(description="The cause of action: 'Sexual harassment', 'Defamation'.")
    plaintiffs: list[Id] = Field(min_length=1, description="Ids of those bringing the claim.")
    defendants: list[Id] = Field(min_length=1, description="Ids of those it is brought against.")
    filing: Id | None = Field(None, description="Id of the filing that raised it.")
    date: When | None = Field(
        None, description="When it was raised; defaults to the date of `filing`."
    )
    damages: str | None = Field(None, description="Damages or relief sought, as the source says.")
    summary: str | None = Field(None, description="What the claim says, in neutral words.")
    history: list[StatusChange] = Field(
        default_factory=list,
        description="Status changes in date order. Before the first, the claim is pending.",
    )


class Event(Record):
    """Anything else dated: hearings, conferences, rulings, releases, publications, ..."""

    date: When = Field(description="When it happened (or is scheduled to happen).")
    date_note: str | None = Field(None, description="How an inferred date was worked out.")
    kind: EventKind = Field(description="What sort of event it is.")
    title: Text = Field(description="A short title.")
    summary: str | None = Field(None, description="What happened, in neutral words.")
    case: Id | None = Field(None, description="Id of the case it belongs to, if any.")
    parties: list[Id] = Field(default_factory=list, description="Ids of the parties involved.")
    alleged: Allegation | None = Field(
        None, description="Set when this is an allegation rather than an established fact."
    )
    scheduled: Schedule | None = Field(
        None, description="Set for a scheduled date (a trial): when it was set and replaced."
    )


class Deadline(Record):
    """A deadline you state: a period counted from a filing or event, under a rule you name.

    casetrack holds no rule book: it counts the period as FRCP 6(a) counts, and shows its work.
    """

    case: Id | None = Field(None, description="Id of the case; defaults to the trigger's case.")
    title: Text = Field(description="What is due: 'Opposition to the motion to dismiss'.")
    trigger: Id = Field(
        alias="from",
        description=(
            "Id of the filing or event the period runs from. It must be dated to the day: a "
            "period cannot be counted from 'Nov 2025'."
        ),
    )
    period: PeriodText = Field(description="How long: '14 days', '2 weeks', '1 month', '1 year'.")
    rule: Text = Field(
        description="The rule or order that sets the period: 'S.D.N.Y. Local Civil Rule 6.1(b)'."
    )
    service: ServiceMethod = Field(
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


class About(Model):
    """What the whole dataset is about: the title its web page, calendar and TimelineJS show.
    Written once, in any one file."""

    title: Text = Field(
        description="The dataset's title: 'The It Ends With Us litigation'. Without one, the "
        "main case's name is the title."
    )
    description: str | None = Field(None, description="What the dataset covers, in a few lines.")


class DatasetFile(Model):
    """One YAML file of a casetrack dataset. Every key is optional; each holds a list, but for
    `dataset`, which one file of the dataset may hold."""

    dataset: About | None = Field(
        None, description="The dataset's title and description; in one file only."
    )

    sources: list[Source] = Field(default_factory=list, description="Where facts come from.")
    parties: list[Party] = Field(default_factory=list, description="People and organisations.")
    cases: list[Case] = Field(default_factory=list, description="The lawsuits and proceedings.")
    filings: list[Filing] = Field(default_factory=list, description="Documents filed or issued.")
    claims: list[Claim] = Field(default_factory=list, description="Causes of action.")
    events: list[Event] = Field(default_factory=list, description="Other dated events.")
    deadlines: list[Deadline] = Field(
        default_factory=list, description="Deadlines counted from a filing or event."
    )
