"""The bundled dataset (data/), checked as a user meets it: through casetrack's JSON output.

The facts of the five articles and the public record are all there, each sourced, dated no more
precisely than its sources allow, with allegations attributed to who makes them and in which
filing, and the dataset validates clean. The second half pins the corrections of a fact-check
(issue 10): who alleges what, where, and what the sources leave open.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from casetrack.dates import DateSpan
from cli_helpers import run

DATA = Path(__file__).resolve().parent.parent / "data"
LATE = "2026-12-31"  # a day after everything in the data: what had happened, as known now

# How far past its recorded publication day a press source may really have appeared (several of
# them are dated from weekdays in their text, to within a day or two).
PUBLISHED_SLACK = dt.timedelta(days=3)
PRESS_KINDS = {"news-report", "blog"}

Json = Any
Out = Callable[..., Json]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Out:
    """`out("timeline", "--as-of", D)`: that command's JSON on the bundled data (run once)."""
    env = {"CASETRACK_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    seen: dict[tuple[str, ...], Json] = {}

    def get(*args: str) -> Json:
        if args not in seen:
            result = run(*args, "--data", DATA, "--format", "json", env=env)
            assert (result.exit_code, result.stderr) == (0, ""), args
            seen[args] = json.loads(result.stdout)
        return seen[args]

    return get


# Days on which the scheduled dates later replaced (the 12 Feb 2025 conference, the 9 Mar 2026
# trial) still stood. (No source reported the 12 Feb conference before it was moved, so it shows
# only in what had happened by a day as known now, never in the record as it stood then.)
REPLACED_ON_VIEW = ("2025-01-20", "2025-12-08")


def timeline(out: Out, *args: str) -> list[Json]:
    """Every timeline entry as the record stands (`LATE`), plus the scheduled dates since replaced."""
    entries = list(out("timeline", "--happened-by", LATE, *args))
    ids = {e["id"] for e in entries}
    for day in REPLACED_ON_VIEW:
        entries += [e for e in out("timeline", "--happened-by", day, *args) if e["id"] not in ids]
        ids = {e["id"] for e in entries}
    return entries


def by_id(items: list[Json]) -> dict[str, Json]:
    return {item["id"]: item for item in items}


def span(e: Json) -> str:
    """An entry's date as the data writes it (EDTF): `2025-01-27~`, `[2024-12-31..2025-01-30~]`."""
    written: str = e["edtf"]
    return written


def last_day(iso: str) -> dt.date:
    """The last day an ISO date of any precision (`2024`, `2024-08`, `2024-08-05`) can mean."""
    parts = [int(p) for p in iso.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def text(e: Json) -> str:
    return " ".join(e.get(k) or "" for k in ("title", "summary", "date_note")).lower()


# --- 1. The facts that matter most ---------------------------------------------------------------
# (date as `span` writes it, record type, kind, a party involved, keyword in title or summary).
# Record types: filing and event (kind = filing or event kind), status (a claim's status change,
# kind = the new status), relation (a dated case relation; no party), case (date = filed), claim
# (date = when raised, kind = its status now).
FACTS: list[tuple[str, str, str, str, str]] = [
    # The film and the allegations about it
    ("/2024-08", "event", "production", "justin-baldoni", "strikes"),
    ("2023-05-19", "event", "production", "blake-lively", "no kiss"),
    ("/2024-08", "event", "other", "jamey-heath", "breastfeeding"),
    ("/2024-01", "event", "other", "blake-lively", "improvised kissing"),
    ("[2016..2024-08]", "event", "meeting", "jamey-heath", "company-wide meeting"),
    ("/2024-08", "event", "other", "ryan-reynolds", "hijacking"),
    ("[2016..2024-08]", "event", "meeting", "taylor-swift", "rooftop scene"),
    ("[2016..2024-08]", "event", "other", "ryan-reynolds", "megacelebrity friend"),
    ("2024-01", "event", "meeting", "blake-lively", "no more improvising of kissing"),
    ("2024-08", "event", "release", "justin-baldoni", "$50 million"),
    ("2024-02~/2025-02-13~", "event", "other", "blake-lively", "smear campaign"),
    ("2024-08~", "event", "other", "blake-lively", "online sentiment"),
    # December 2024
    ("2024-12-20", "filing", "administrative-complaint", "blake-lively", "Civil Rights Department"),
    ("2024-12-31", "filing", "complaint", "blake-lively", "sexually harassed"),
    ("2024-12-31", "filing", "complaint", "justin-baldoni", "New York Times"),
    ("2024-12-31", "case", "case", "blake-lively", "Lively v. Wayfarer"),
    ("2024-12-31", "case", "case", "new-york-times", "libel"),
    ("2024-12-21", "event", "publication", "new-york-times", "Bury Anyone"),
    ("[2024-12-20..2025-01-30~]", "event", "statement", "justin-baldoni", "denies"),
    ("[2024-12-20..2025-02-13~]", "event", "statement", "bryan-freedman", "desperate attempt"),
    # January 2025
    ("2025-01-16", "filing", "complaint", "justin-baldoni", "$400 million"),
    ("2025-01-16", "case", "case", "ryan-reynolds", "Wayfarer"),
    ("[2025-01-16..2025-01-29]", "filing", "order", "lewis-liman", "dismissal"),
    ("[2025-01-16..2025-01-30~]", "event", "statement", "blake-lively", "meritless"),
    ("[2025-01-16..2025-02-13~]", "event", "statement", "blake-lively", "abuser playbook"),
    ("[2025-01-16..2025-02-13~]", "relation", "consolidated-with", "", "pretrial"),
    ("[2025-01-20..2025-01-26]", "event", "release", "bryan-freedman", "10-minute"),
    ("[2025-01-20..2025-01-29]", "event", "statement", "blake-lively", "corroborates"),
    ("2025-01-27", "event", "publication", "tmz", "voice memo"),
    ("2025-01-27~", "filing", "letter", "blake-lively", "gag order"),
    ("2025-01-27~", "filing", "order", "lewis-liman", "9 Mar 2026"),
    ("[2025-01-27..2025-01-29]", "filing", "notice-of-intent", "leslie-sloane", "dismiss"),
    ("2025-01-30~", "filing", "notice-of-intent", "ryan-reynolds", "motion to dismiss"),
    ("2025-01-30", "event", "conference", "justin-baldoni", "premature"),
    ("[2024-12-31..2025-01-30~]", "filing", "letter", "kevin-fritz", "deposition"),
    ("[2024-12-31..2025-01-29]", "filing", "discovery", "blake-lively", "online sentiment"),
    # February 2025
    ("2025-02-03", "event", "conference", "bryan-freedman", "devastated"),
    ("2025-02-03", "event", "conference", "michael-gottlieb", "retaliation campaign"),
    ("2025-02-12", "event", "conference", "lewis-liman", "originally scheduled"),
    ("2025-02-07", "event", "meeting", "blake-lively", "Discovery Protocols"),
    ("2025-02-13~", "filing", "joint-letter", "justin-baldoni", "mediation program"),
    ("2025-02-13~", "filing", "order", "lewis-liman", "mediation"),
    ("[2024-12-31..2025-02-13~]", "filing", "subpoena", "blake-lively", "text messages"),
    ("[2024-12-20..2025-02-13~]", "event", "release", "justin-baldoni", "website"),
    ("[2024-12-20..2025-02-13~]", "filing", "complaint", "crisis-pr-firm", "reputational harm"),
    # Claims and what became of them
    ("2024-12-31", "claim", "pending", "blake-lively", "Sexual harassment"),
    ("2024-12-31", "claim", "pending", "justin-baldoni", "Retaliation"),
    ("2024-12-31", "claim", "pending", "wayfarer-studios", "Breach of contract"),
    ("2024-12-31", "claim", "pending", "blake-lively", "Invasion of privacy"),
    ("2024-12-31", "claim", "pending", "blake-lively", "Lost wages"),
    ("2024-12-31", "claim", "withdrawn", "blake-lively", "emotional distress"),
    ("2025-06-03", "status", "withdrawn", "blake-lively", "emotional distress"),
    ("2025-01-16", "claim", "judgment-for-defendant", "ryan-reynolds", "Civil extortion"),
    ("2025-01-16", "claim", "judgment-for-defendant", "leslie-sloane", "Defamation"),
    (
        "[2025-01-16..2025-06-09]",
        "claim",
        "judgment-for-defendant",
        "new-york-times",
        "New York Times",
    ),
    ("2024-12-31", "claim", "pending", "new-york-times", "Libel"),
    ("2024-12-31", "claim", "pending", "new-york-times", "False light"),
    ("2025-06-09", "status", "dismissed", "justin-baldoni", "extortion"),
    ("2025-06-09", "status", "dismissed", "new-york-times", "New York Times"),
    ("2025-10-31", "status", "judgment-for-defendant", "new-york-times", "New York Times"),
    ("2025-10-31", "status", "judgment-for-defendant", "vision-pr", "interference"),
    # Orders and dates since June 2025
    ("2025-06-03", "filing", "order", "lewis-liman", "emotional-distress"),
    ("2025-06-09", "filing", "order", "lewis-liman", "$250 million"),
    ("2025-06-23", "event", "deadline", "wayfarer-studios", "amend"),
    ("2025-10-31", "filing", "judgment", "lewis-liman", "final judgment"),
    ("2025-11-12", "filing", "other", "blake-lively", "mean girl"),
    ("2025-11-13", "filing", "motion-for-summary-judgment", "justin-baldoni", "no kiss"),
    ("2025-11-13", "event", "publication", "people-magazine", "clip"),
    ("2025-12-09", "filing", "order", "lewis-liman", "18 May 2026"),
    ("2026-03-09", "event", "trial", "blake-lively", "trial"),
    ("2026-05-18", "event", "trial", "justin-baldoni", "trial"),
]


def candidates(out: Out, rtype: str) -> Iterator[tuple[str, str, set[str], str, list[str]]]:
    """(date, kind, parties involved, searchable text, sources) for each record of a type."""
    if rtype in ("filing", "event", "status", "relation"):
        record = {"status": "status-change"}.get(rtype, rtype)
        for e in timeline(out):
            if e["record"] == record:
                kind = e["kind"].removeprefix("claim-") if rtype == "status" else e["kind"]
                who = set(e["parties"]) | set(e["alleged_by"])
                yield span(e), kind, who, text(e), e["sources"]
    elif rtype == "case":
        for c in out("cases", "--happened-by", LATE):
            who = {p["party"] for p in c["parties"]}
            words = f"{c['caption']} {c['short_name']} {c['summary']}".lower()
            yield c["filed"] or "", "case", who, words, c["sources"]
    elif rtype == "claim":
        for c in out("claims", "--happened-by", LATE):
            who = set(c["plaintiffs"]) | set(c["defendants"])
            words = f"{c['title']} {c['summary'] or ''}".lower()
            yield c["raised"] or "", c["status"], who, words, c["sources"]
    else:
        raise AssertionError(f"unknown record type {rtype!r} in FACTS")


def test_facts_table_is_big_enough() -> None:
    assert len(FACTS) >= 60
    assert len(set(FACTS)) == len(FACTS)


@pytest.mark.parametrize(("date", "rtype", "kind", "who", "keyword"), FACTS)
def test_fact_is_in_dataset(
    out: Out, date: str, rtype: str, kind: str, who: str, keyword: str
) -> None:
    assert not who or who in by_id(out("parties")), f"unknown party {who!r}"
    matches = [
        sources
        for d, k, parties, words, sources in candidates(out, rtype)
        if d == date and k == kind and (not who or who in parties) and keyword.lower() in words
    ]
    assert matches, f"no {rtype} ({kind}) dated {date} involving {who} mentioning {keyword!r}"
    assert all(matches), "a matching record cites no source"


# --- 2. Sources ----------------------------------------------------------------------------------


def test_every_record_names_existing_sources(out: Out) -> None:
    known = set(by_id(out("sources")))
    records = [
        *timeline(out),
        *out("claims", "--happened-by", LATE),
        *out("cases", "--happened-by", LATE),
        *out("parties"),
    ]
    assert [r["id"] for r in records if not r["sources"]] == []
    assert [(r["id"], s) for r in records for s in r["sources"] if s not in known] == []


def test_every_role_and_relation_is_sourced_and_every_source_used(out: Out) -> None:
    cited: dict[str, set[str | None]] = {}
    for source in out("sources"):
        detail = out("sources", source["id"])
        assert detail["cited_by"], f"{source['id']} is cited by nothing"
        for c in detail["cited_by"]:
            cited.setdefault(c["id"], set()).add(c["via"])
    for case in out("cases", "--happened-by", LATE):
        for p in case["parties"]:
            assert f"role of {p['party']}" in cited[case["id"]], (case["id"], p["party"])
        for rel in case["relations"]:
            assert f"{rel['kind']} {rel['case']}" in cited[case["id"]], (case["id"], rel)


# The articles' addresses, as a search found them; the other three were not found (issue 10).
ARTICLE_URLS = {
    "src-page-six-2025-02": None,
    "src-fox-news-2025-01": None,
    "src-global-news-2025-01-29": (
        "https://globalnews.ca/news/10982259/blake-lively-justin-baldoni-it-ends-with-us-voice-message/"
    ),
    "src-us-weekly-2025-11": None,
    "src-blog-2025-01-29": (
        "https://coed.com/2025/01/29/justin-baldoni-apologizes-to-blake-lively-in-leaked-voice-note/"
    ),
}


def test_articles_and_public_record_are_told_apart(out: Out) -> None:
    sources = out("sources")
    articles = {s["id"]: s["url"] for s in sources if s["file"]}
    assert articles == ARTICLE_URLS
    # Every public-record source is an address to check, never a local copy.
    assert all(s["url"] for s in sources if not s["file"])
    for sid, url in ARTICLE_URLS.items():
        notes = out("sources", sid)["notes"]
        assert ("search" in notes) and (url is None) == ("No address found" in notes), sid


def article_ids(out: Out) -> set[str]:
    return {s["id"] for s in out("sources") if s["file"]}


def test_what_one_article_alone_reports_is_unconfirmed(out: Out) -> None:
    """The rule in data/README.md: `unconfirmed` exactly when a record's sources are one article."""
    articles = article_ids(out)
    records = [
        *(e for e in timeline(out) if e["record"] in ("filing", "event")),
        *out("claims", "--happened-by", LATE),
        *out("cases", "--happened-by", LATE),
        *out("parties"),
    ]
    wrong = [
        r["id"]
        for r in records
        if r["unconfirmed"] != (len(r["sources"]) == 1 and r["sources"][0] in articles)
    ]
    assert wrong == []
    assert sum(r["unconfirmed"] for r in records) >= 20


# --- 3. Dates ------------------------------------------------------------------------------------


def test_nothing_is_dated_after_the_sources_that_report_it(out: Out) -> None:
    published = {s["id"]: s for s in out("sources")}
    checked, too_late = 0, []
    for e in timeline(out):
        if e["scheduled"] or any(
            published[s]["kind"] not in PRESS_KINDS or not published[s]["published"]
            for s in e["sources"]
        ):
            continue
        bound = max(last_day(published[s]["published"]) for s in e["sources"]) + PUBLISHED_SLACK
        checked += 1
        if last_day(e["end"] or e["date"]) > bound:
            too_late.append(f"{e['id']}: {span(e)} is after its sources ({bound})")
    assert too_late == []
    assert checked >= 30


def test_inferred_dates_say_how_and_ranges_say_what_they_are(out: Out) -> None:
    ranges = 0
    for e in timeline(out):
        note = e["date_note"] if e["record"] != "relation" else e["summary"]
        if e["approximate"] or e["uncertain"] or e["end"]:
            assert note, e["id"]
        # A fact that happened once on a day no source gives is one day within a range (a set);
        # a real span is an interval. Each says which it is.
        if e["between"]:
            assert note.startswith("Once, some time within this range"), e["id"]
            ranges += 1
        elif e["end"] or e["date"] is None:
            assert note.startswith("A span"), e["id"]
    assert ranges == 18


# --- 4. Allegations: who alleges, where, who denies ------------------------------------------------
# Every allegation in the data, with the filing a source ties it to (None: none does).
ALLEGATIONS: dict[str, tuple[list[str], str | None, list[str]]] = {
    "ev-2023-05-19-hospital-scene-kiss": (
        ["wayfarer-studios", "justin-baldoni"],
        "f-2025-11-13-wayfarer-msj",
        [],
    ),
    "ev-alleged-on-set-conduct": (
        ["blake-lively"],
        "f-2024-12-31-lively-complaint",
        ["justin-baldoni"],
    ),
    "ev-alleged-improvised-kissing": (
        ["blake-lively"],
        None,
        ["wayfarer-studios", "justin-baldoni"],
    ),
    "ev-alleged-company-wide-meeting": (
        ["blake-lively"],
        "f-2024-12-31-lively-complaint",
        ["justin-baldoni"],
    ),
    "ev-alleged-film-takeover": (
        ["wayfarer-studios", "justin-baldoni"],
        "f-2025-01-16-wayfarer-complaint",
        ["blake-lively"],
    ),
    "ev-alleged-rooftop-pressure": (["justin-baldoni"], "f-2025-01-16-wayfarer-complaint", []),
    "ev-alleged-smear-campaign": (
        ["blake-lively"],
        "f-2024-12-31-lively-complaint",
        ["justin-baldoni"],
    ),
    "ev-alleged-online-sentiment": (["blake-lively"], "f-2025-01-lively-deposition-request", []),
    "ev-statement-freedman-desperate-attempt": (["bryan-freedman"], None, []),
    "ev-statement-lively-team-on-wayfarer-suit": (["blake-lively"], None, ["justin-baldoni"]),
    "ev-2025-01-lively-statement-on-footage": (["blake-lively"], None, ["justin-baldoni"]),
}


def test_every_allegation_says_who_where_and_who_denies(out: Out) -> None:
    alleged = {
        e["id"]: (e["alleged_by"], e["alleged_in"], e["disputed_by"])
        for e in timeline(out)
        if e["status"] == "alleged"
    }
    assert alleged == ALLEGATIONS


# Words that belong to one filing's allegations (or to none: a statement to the press). An entry
# that uses them is that filing itself, or an allegation made in it; no other filing carries them.
OWNED_WORDS: list[tuple[str, str | None]] = [
    ("intimacy coordinator", None),
    ("industry protocols", "f-2024-12-31-lively-complaint"),
    ("breastfeeding", "f-2024-12-31-lively-complaint"),
    ("company-wide meeting", "f-2024-12-31-lively-complaint"),
    ("online sentiment", "f-2025-01-lively-deposition-request"),
    ("hijack", "f-2025-01-16-wayfarer-complaint"),
    ("megacelebrity", "f-2025-01-16-wayfarer-complaint"),
    ("19 may 2023", "f-2025-11-13-wayfarer-msj"),
    ("no kiss", "f-2025-11-13-wayfarer-msj"),
]


@pytest.mark.parametrize(("words", "filing"), OWNED_WORDS)
def test_no_allegation_is_pinned_on_a_filing_that_does_not_make_it(
    out: Out, words: str, filing: str | None
) -> None:
    using = [e for e in timeline(out) if words in text(e)]
    assert using, f"nothing says {words!r}"
    for e in using:
        if e["record"] == "filing":
            assert e["id"] == filing, f"{e['id']} carries {words!r}"
        else:
            assert e["status"] == "alleged" and e["alleged_in"] == filing, e["id"]


def test_facts_only_holds_nothing_that_only_one_side_alleges(out: Out) -> None:
    everything = out("timeline", "--happened-by", LATE)
    facts = out("timeline", "--happened-by", LATE, "--facts-only")
    assert [e["id"] for e in facts] == [e["id"] for e in everything if e["status"] == "fact"]
    assert set(ALLEGATIONS).isdisjoint(e["id"] for e in facts)
    # One side's words appear only inside the filing that makes them, attributed to it.
    for words, filing in OWNED_WORDS:
        assert [e["id"] for e in facts if words in text(e)] in ([], [filing]), words
    for word in ("abuser", "desperate attempt", "smear campaign"):
        assert [e["id"] for e in facts if word in text(e) and e["record"] != "filing"] == []


def test_an_anonymous_rumour_is_not_in_the_data(out: Out) -> None:
    assert out("search", "Miller") == []


# --- 5. The fact-check's corrections (issue 10) --------------------------------------------------


def test_the_los_angeles_claims_have_no_outcome(out: Out) -> None:
    claims = out("claims", "--case", "baldoni-v-nyt", "--happened-by", LATE)
    assert [(c["title"], c["status"], c["status_date"]) for c in claims] == [
        ("Libel", "pending", None),
        ("False light", "pending", None),
    ]
    assert [e["id"] for e in timeline(out, "--case", "baldoni-v-nyt")] == [
        "f-2024-12-31-baldoni-nyt-complaint"
    ]


@pytest.mark.parametrize(
    ("when", "as_of", "status", "changed", "by"),
    [
        # The claims were brought some day between 16 Jan and 9 Jun 2025 ...
        ("--happened-by", "2025-06-08", "pending", None, None),
        ("--as-of", "2025-06-09", "dismissed", "2025-06-09", "f-2025-06-09-order-dismissal"),
        (
            "--as-of",
            "2025-10-31",
            "judgment-for-defendant",
            "2025-10-31",
            "f-2025-10-31-final-judgment",
        ),
    ],
)
def test_the_wayfarer_case_holds_the_dismissed_claims_against_the_times(
    out: Out, when: str, as_of: str, status: str, changed: str | None, by: str | None
) -> None:
    claims = out("claims", "--case", "1:25-cv-00449", "--defendant", "New York Times", when, as_of)
    assert [
        (c["case"], c["defendants"], c["status"], c["status_date"], c["status_by"]) for c in claims
    ] == [("wayfarer-v-lively", ["new-york-times"], status, changed, by)]


def test_the_claims_against_the_times_were_not_known_before_the_ruling(out: Out) -> None:
    # ... but no source reports them before the ruling of 9 Jun 2025 that dismissed them.
    found = out("claims", "--defendant", "New York Times", "--as-of", "2025-06-08")
    assert [c["case"] for c in found] == ["baldoni-v-nyt", "baldoni-v-nyt"]


def test_every_wayfarer_claim_was_dismissed_then_judged(out: Out) -> None:
    claims = out("claims", "--case", "wayfarer-v-lively", "--happened-by", LATE)
    assert len(claims) == 8
    changes: dict[str, list[str]] = {}
    for e in timeline(out, "--case", "wayfarer-v-lively", "--kind", "status-change"):
        changes.setdefault(e["claim"], []).append(e["date"])
    assert changes == {c["id"]: ["2025-06-09", "2025-10-31"] for c in claims}


def test_the_complaint_is_not_credited_with_the_statement_on_the_footage(out: Out) -> None:
    entries = by_id(timeline(out))
    complaint = text(entries["f-2024-12-31-lively-complaint"])
    assert "improvised" not in complaint and "intimacy coordinator" not in complaint
    assert "well-established industry protocols" in complaint
    statement = entries["ev-2025-01-lively-statement-on-footage"]
    assert "intimacy coordinator" in text(statement) and statement["kind"] == "statement"


def test_the_gag_order_letter_does_not_name_its_target(out: Out) -> None:
    letter = by_id(timeline(out))["f-2025-01-27-lively-gag-order-letter"]
    assert "freedman" not in text(letter) and "a lawyer for baldoni" in text(letter)


def test_the_voice_memo_is_told_as_the_outlets_tell_it(out: Out) -> None:
    memo = text(by_id(timeline(out))["ev-2025-01-27-voice-memo-published"])
    for words in ("in the recording as published", "tmz's post", '"revealed"', "has not verified"):
        assert words in memo


def test_the_friend_is_not_identified(out: Out) -> None:
    for e in timeline(out):
        if "megacelebrity" in text(e):
            assert "swift" not in text(e) and "taylor-swift" not in e["parties"], e["id"]


def test_undated_production_facts_start_no_earlier_than_the_novel_says(out: Out) -> None:
    # What happened once during production is one day between the 2016 novel and the release.
    once = sorted(e["id"] for e in timeline(out) if e["date"] == "2016")
    assert once == [
        "ev-alleged-company-wide-meeting",
        "ev-alleged-rooftop-pressure",
        "ev-rooftop-scene-meeting",
    ]
    assert {span(e) for e in timeline(out) if e["id"] in once} == {"[2016..2024-08]"}
    # A span of production whose start no source gives does not "last from 2016".
    spans = {e["id"]: span(e) for e in timeline(out) if e["date"] is None}
    assert spans == {
        "ev-alleged-improvised-kissing": "/2024-01",
        "ev-production": "/2024-08",
        "ev-alleged-on-set-conduct": "/2024-08",
        "ev-alleged-film-takeover": "/2024-08",
    }
    production = text(by_id(timeline(out))["ev-production"])
    assert "2016 novel" in production and "19 may" not in production


def test_claim_wording_follows_the_sources(out: Out) -> None:
    claims = by_id(out("claims", "--happened-by", LATE))
    for cid in ("cl-wayfarer-civil-extortion", "cl-wayfarer-defamation"):
        assert "deny" not in claims[cid]["summary"] and "meritless" in claims[cid]["summary"]
    assert "does not say whether" in claims["cl-lively-lost-wages"]["summary"]
    withdrawn = [e for e in timeline(out) if e["claim"] == "cl-lively-emotional-distress"]
    assert [(e["date"], e["kind"]) for e in withdrawn] == [("2025-06-03", "claim-withdrawn")]
    assert "ruling on the withdrawal" in withdrawn[0]["date_note"]


def test_statement_titles_quote_no_one(out: Out) -> None:
    statements = [e for e in timeline(out) if e["kind"] == "statement"]
    assert len(statements) == 6
    assert [e["id"] for e in statements if '"' in e["title"]] == []


# --- 6. Clean validation and the cases ------------------------------------------------------------


def test_dataset_validates_clean() -> None:
    result = run("validate", "--data", DATA, "--strict")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith(" records: 0 errors, 0 warnings\n")


def test_the_cases_and_their_courts(out: Out) -> None:
    cases = by_id(out("cases", "--happened-by", LATE))
    assert {c: (v["court"], v["docket"], v["judge"]) for c, v in cases.items()} == {
        "lively-v-wayfarer": ("sdny", "1:24-cv-10049 (LJL)", "lewis-liman"),
        "wayfarer-v-lively": ("sdny", "1:25-cv-00449 (LJL)", "lewis-liman"),
        "baldoni-v-nyt": ("la-superior-court", None, None),
        "pr-firm-v-lively": (None, None, None),
    }
    assert {"party": "new-york-times", "role": "defendant", "counsel": []} in cases[
        "wayfarer-v-lively"
    ]["parties"]


# --- 7. The trial date, as it stood on a given day ------------------------------------------------


@pytest.mark.parametrize(
    ("on", "trials"),
    [
        ("2025-01-01", []),
        ("2025-02-14", ["2026-03-09"]),
        ("2025-11-14", ["2026-03-09"]),
        ("2025-12-08", ["2026-03-09"]),
        ("2025-12-09", ["2026-05-18"]),
        ("2026-01-01", ["2026-05-18"]),
    ],
)
def test_scheduled_trial_as_of(out: Out, on: str, trials: list[str]) -> None:
    assert [e["date"] for e in out("timeline", "--kind", "trial", "--as-of", on)] == trials


def test_the_trial_move_is_linked(out: Out) -> None:
    trials = sorted(timeline(out, "--kind", "trial"), key=lambda e: e["date"])
    first, second = (e["scheduled"] for e in trials)
    # Each as it stood: the first date before it was moved says nothing yet of the move.
    assert first == {
        "set_on": "2025-01-27",
        "set_by": "f-2025-01-27-order-trial-date",
        "replaced_on": None,
        "replaced_by": None,
    }
    assert second == {
        "set_on": "2025-12-09",
        "set_by": "f-2025-12-09-order-trial-moved",
        "replaced_on": None,
        "replaced_by": None,
    }
    # The data links the two (validate checks the reference).
    from casetrack.loader import load

    dataset, _ = load(DATA)
    schedule = dataset.events["ev-trial-2026-03-09"].scheduled
    assert schedule is not None
    assert (schedule.replaced_on, schedule.replaced_by) == (
        DateSpan.parse("2025-12-09"),
        "ev-trial-2026-05-18",
    )


# --- 8. Where the sources disagree, every version is kept ----------------------------------------


@pytest.mark.parametrize(
    ("command", "record", "about", "words"),
    [
        ("timeline", "ev-2025-01-27-voice-memo-published", "length", ("seven", "six")),
        ("parties", "justin-baldoni", "age", ("40", "41")),
        ("parties", "blake-lively", "age", ("37", "38")),
        ("timeline", "f-2024-12-20-lively-crd-complaint", "20 dec", ("lawsuit", "administrative")),
        ("cases", "lively-v-wayfarer", "filed", ("20 dec", "31 dec")),
    ],
)
def test_discrepancy_is_kept(
    out: Out, command: str, record: str, about: str, words: tuple[str, ...]
) -> None:
    items = (
        timeline(out)
        if command == "timeline"
        else out(command, *(("--happened-by", LATE) if command == "cases" else ()))
    )
    found = [d for d in by_id(items)[record]["discrepancies"] if about in d["about"].lower()]
    assert found, f"{record} has no discrepancy about {about!r}"
    for d in found:
        said = [a["says"].lower() for a in d["accounts"]]
        assert all(any(w in s for s in said) for w in words), said
        # The accounts do not all rest on the same sources.
        assert len({tuple(sorted(a["sources"])) for a in d["accounts"]}) >= 2
