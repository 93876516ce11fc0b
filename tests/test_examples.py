"""Every example in README.md and in each command's --help runs as written: it exits 0 (or the
status its text gives), prints something, and prints what the text around it says (`EXPECT`).
An example without an expectation here fails the suite, so a new example cannot go untested and
an old one cannot rot (README's `claims --defendant Lively --status dismissed` once printed
"No claims match.").

Each example runs in a folder of its own, set up as its text assumes (`SETUPS`): the bundled
dataset, a copy of it with README's deadline, a dataset made by `casetrack init`, a docket
imported from the test fixtures, docket files named as the help names them, or a git repository
with history for `casetrack diff`. An example that writes a file (`-o`, `> parties.csv`) is
checked in the file. An example shown with its output (`$ casetrack ...` followed by what it
prints) must print exactly that.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetrack.cli import COMMANDS
from cli_helpers import run
from git_repo import commit, copy_bundled, edit, git, isolate_git, new_repo

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BUNDLED = REPO / "data"
DOCKETS = REPO / "tests" / "fixtures" / "dockets"


# --- the examples -----------------------------------------------------------------------------


def _command(line: str) -> str | None:
    """The casetrack command a line of a code block shows, without a prompt or a comment."""
    text = line.strip().removeprefix("$ ")
    if not text.startswith("casetrack "):
        return None
    return " ".join(shlex.split(text, comments=True)) if "#" in text else text


def readme_examples() -> dict[str, str | None]:
    """Each command in README's code blocks (indented or fenced), with the output shown after it
    when it is written `$ casetrack ...` (else None)."""
    found: dict[str, str | None] = {}
    lines = README.read_text(encoding="utf-8").splitlines()
    fenced = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not (fenced or line.startswith("    ")):
            continue
        command = _command(line)
        if command is None:
            continue
        shown = None
        if line.strip().startswith("$ "):
            # What it prints: up to the next command, the end of a fenced block (blank lines
            # included: a timeline has them between years) or a blank line in an indented one.
            indent = len(line) - len(line.lstrip())
            after = []
            for following in lines[i + 1 :]:
                if _command(following) or following.lstrip().startswith("```"):
                    break
                if not fenced and not following.strip():
                    break
                after.append(following[indent:])
            shown = "\n".join(after).rstrip("\n") + "\n"
        found.setdefault(command, shown)
    return found


def help_examples() -> list[str]:
    """Each command in an `Examples:` block of `casetrack --help` and of every command's help."""
    found: list[str] = []
    for name in ["", *COMMANDS]:
        text = run(*([name] if name else []), "--help").stdout
        block = text.split("Examples:", 1)[1] if "Examples:" in text else ""
        for line in block.strip("\n").splitlines():
            if not line.strip():
                break  # the end of the block
            command = _command(line)
            if command is not None and command not in found:
                found.append(command)
    return found


# --- what each one needs and shows ------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """Where an example runs (a key of SETUPS), what its output must hold and must not, its exit
    status, and the file it writes (checked instead of stdout)."""

    setup: str
    shows: tuple[str, ...]
    hides: tuple[str, ...] = ()
    code: int = 0
    file: str | None = None


B = "bundled"
DIFF = "Changes in data from"

EXPECT: dict[str, Expect] = {
    # -- the whole record, and narrowed to a party, a case, a kind
    "casetrack timeline": Expect(
        B,
        (
            "2016\n",
            "Liman dismisses 8 claims of Wayfarer v. Lively: Civil extortion",
            "latest source: 9 Dec 2025",
        ),
    ),
    'casetrack timeline --party Baldoni --from "Jan 2025" --to 2025-03': Expect(
        B,
        (" January 2025\n", " February 2025\n", "Justin Baldoni"),
        hides=(" April 2025\n",),
    ),
    "casetrack timeline --case 1:25-cv-00449 --kind order --kind claim-dismissed": Expect(
        B,
        (
            "Liman dismisses the Wayfarer parties' suit in full",
            "Liman dismisses 8 claims of Wayfarer v. Lively",
        ),
        hides=("Lively v. Wayfarer ·", "Claim dismissed:"),
    ),
    "casetrack timeline --kind hearing --kind order --facts-only --sources --notes": Expect(
        B,
        ("Liman moves the trial", "Sources\n[1] ", "date: Global News (29 Jan 2025, a Wednesday)"),
        hides=("ALLEGED",),
    ),
    "casetrack timeline --facts-only --sources --as-of 2025-02-14": Expect(
        B,
        ("Sources\n[1] ", "as of 14 Feb 2025", "scheduled: Trial of Lively v. Wayfarer"),
        hides=("ALLEGED", "18 May 2026"),
    ),
    # -- as of a day (as it was known then) against what had happened by a day (as known now)
    "casetrack timeline --as-of 2025-02-14 --kind production": Expect(
        B,
        ("Filming of It Ends With Us", "1 entry · as of 14 Feb 2025"),
        hides=("Lively added a kiss",),
    ),
    "casetrack timeline --happened-by 2025-02-14 --kind production": Expect(
        B,
        (
            "The Wayfarer parties' allegation that Lively added a kiss",
            "2 entries · happened by 14 Feb 2025, as known today",
        ),
    ),
    "casetrack timeline --happened-by 2025-02-14 --kind production --notes": Expect(
        B,
        (
            "The Wayfarer parties' allegation that Lively added a kiss",
            "date: The day as the Wayfarer parties' motion gives it",
            "date: A span whose start no source gives",
        ),
    ),
    "casetrack timeline --as-of 2025-02-14 --format json": Expect(
        B,
        ('"id": "f-2024-12-31-lively-complaint"', '"group": null'),
        hides=('"id": "ev-trial-2026-05-18"',),
    ),
    # -- people
    'casetrack party "Baldoni"': Expect(
        B, ("Justin Baldoni  (justin-baldoni, person)", "Claims brought (", "Timeline (")
    ),
    "casetrack party lively --as-of 2025-02-14": Expect(
        B, ("Blake Lively  (blake-lively, person)", "as of 14 Feb 2025"), hides=("Jun 2025",)
    ),
    "casetrack party lively --happened-by 2025-02-14": Expect(
        B,
        ("Blake Lively  (blake-lively, person)", "happened by 14 Feb 2025, as known today"),
        hides=("18 May 2026", "Jun 2025"),
    ),
    "casetrack party Freedman --format json": Expect(
        B, ('"id": "bryan-freedman"', '"represents": [')
    ),
    "casetrack parties": Expect(B, ("Blake Lively", "Bryan Freedman", "for Justin Baldoni")),
    "casetrack parties --format csv > parties.csv": Expect(
        B, ("id,name,kind,aliases,roles", "blake-lively,Blake Lively"), file="parties.csv"
    ),
    # -- claims
    "casetrack claims --plaintiff Lively": Expect(
        B,
        ("Lively v. Wayfarer Studios LLC et al.", "Sexual harassment", "Plaintiffs  Blake Lively"),
    ),
    "casetrack claims --defendant Lively --ever dismissed": Expect(
        B,
        ("Civil extortion", "Negligent interference", "7 claims: 7 judgment for defendant"),
        hides=("No claims match",),
    ),
    "casetrack claims --status pending --format json": Expect(
        B, ('"status": "pending"', '"history": []'), hides=('"status": "dismissed"',)
    ),
    "casetrack claims --as-of 2025-06-01 --format csv": Expect(
        B,
        ("id,case,title,plaintiffs,defendants,status", "cl-wayfarer-defamation,"),
        hides=("judgment-for-defendant",),
    ),
    "casetrack claim cl-wayfarer-defamation": Expect(
        B,
        (
            "Defamation  (cl-wayfarer-defamation)",
            "dismissed",
            "an order of Lewis J. Liman",
            "judgment for defendant",
            "https://app.midpage.ai/document/lively-v-wayfarer-studios-llc-1000457339163",
        ),
    ),
    "casetrack claim cl-wayfarer-defamation --as-of 2025-06-30": Expect(
        B,
        ("Status      dismissed (9 Jun 2025)", "as of 30 Jun 2025"),
        hides=("judgment for defendant", "31 Oct 2025"),
    ),
    'casetrack claim "Sexual harassment" --format json': Expect(
        B, ('"id": "cl-lively-sexual-harassment"', '"history": []', '"notes": ')
    ),
    # -- cases
    "casetrack cases": Expect(
        B, ("Lively v. Wayfarer  [lively-v-wayfarer]", "consolidated with Wayfarer v. Lively")
    ),
    "casetrack cases --as-of 2025-02-14 --format json": Expect(
        B, ('"id": "lively-v-wayfarer"', '"claim_counts"'), hides=('"judgment-for-defendant"',)
    ),
    "casetrack case lively-v-wayfarer": Expect(
        B, ("Lively v. Wayfarer Studios LLC et al.  (lively-v-wayfarer)", "Relation  consolidated")
    ),
    "casetrack case lively-v-wayfarer --as-of 2025-02-14": Expect(
        B, ("Next    9 Mar 2026: Trial", "as of 14 Feb 2025"), hides=("18 May 2026",)
    ),
    "casetrack case 1:25-cv-00449 --as-of 2025-06-30": Expect(
        B, ("Wayfarer Studios LLC et al. v. Lively et al.", "dismissed (9 Jun 2025)")
    ),
    # -- what comes next
    "casetrack upcoming": Expect(B, ("latest source: 9 Dec 2025",)),
    "casetrack upcoming --as-of 2025-02-14": Expect(
        B, ("9 Mar 2026", "in 1 year", "Trial of Lively v. Wayfarer")
    ),
    # -- sources and search
    "casetrack sources": Expect(
        B,
        ("Page Six  c. 13 Feb 2025", "https://globalnews.ca/news/10982259/"),
        hides=("000_8e08976fa1cc94a5.txt",),
    ),
    "casetrack sources src-page-six-2025-02": Expect(
        B,
        ("Published  c. 13 Feb 2025", "Cited by (", "sources differ on Lively's age"),
        hides=("000_8e08976fa1cc94a5.txt", "File"),
    ),
    "casetrack sources --as-of 2025-02-14": Expect(
        B, ("Enstarz  16 Jan 2025", "7 sources"), hides=("Us Weekly",)
    ),
    "casetrack sources --as-of 2025-02-14 --format csv": Expect(
        B,
        ("id,kind,outlet,author,published,title,url", "src-page-six-2025-02,news-report,Page Six"),
        hides=("2025-11",),
    ),
    'casetrack search "voice memo"': Expect(
        B, ("27 Jan 2025  TMZ publishes a voice memo", "29 Jan 2025  Justin Baldoni voice memo")
    ),
    "casetrack search kiss --as-of 2025-02-14": Expect(
        B,
        ("20 Dec 2024  Lively's administrative complaint", "3 records"),
        # People's description (the outlet that shared the clip filed in Nov 2025) rests only
        # on later sources, so as of Feb 2025 it is left out and does not match.
        hides=("13 Nov 2025", "people-magazine"),
    ),
    "casetrack search Freedman --format json": Expect(
        B, ('"id": "bryan-freedman"', '"excerpt"', '"date"')
    ),
    # -- filings of an imported docket
    'casetrack filing "ECF 5" --data my-case': Expect(
        "docket", ("Memorandum of Law in Opposition", "ECF No. 5; responds to ECF 3", "Thread (5)")
    ),
    'casetrack filing "ECF 5" --case 1:25-cv-321 --data my-case': Expect(
        "docket", ("Memorandum of Law in Opposition", "Thread (5)")
    ),
    "casetrack filing f-2024-12-31-lively-complaint --format json": Expect(
        B, ('"id": "f-2024-12-31-lively-complaint"', '"thread": [')
    ),
    "casetrack timeline --data my-case --case 1:25-cv-321": Expect(
        "docket", ("ECF 5 → ECF 3", "Doe v. Acme")
    ),
    # -- deadlines, on a copy of the bundled data with README's example deadline
    "casetrack deadlines --data my-copy": Expect(
        "copy", ("Opposition to the Wayfarer parties' motion for summary judgment",)
    ),
    "casetrack deadlines --data my-copy --as-of 2025-11-14": Expect(
        "copy", ("Fri 28 Nov 2025 · in 14 days",)
    ),
    "casetrack deadlines --data my-copy --case lively-v-wayfarer --as-of 2025-11-14": Expect(
        "copy", ("Fri 28 Nov 2025 · in 14 days · Lively v. Wayfarer",)
    ),
    "casetrack deadlines --data my-copy --explain dl-opposition-msj": Expect(
        "copy", ("Thanksgiving Day", "6(a)(1)(C)")
    ),
    "casetrack deadlines --data my-copy --format json": Expect(
        "copy", ('"id": "dl-opposition-msj"', '"due": "2025-11-28"')
    ),
    # -- deadlines of the dataset `casetrack init` makes
    "casetrack deadlines --data my-case --as-of 2025-06-20": Expect(
        "init", ("dl-amended-complaint",)
    ),
    "casetrack deadlines --data my-case --explain dl-amended-complaint": Expect(
        "init", ("dl-amended-complaint", "FRCP 6(a)")
    ),
    "casetrack deadlines --data my-case --format json": Expect(
        "init", ('"id": "dl-amended-complaint"',)
    ),
    # -- a dataset of your own
    "casetrack init my-case": Expect(
        "fresh", ("Created a dataset in my-case", "casetrack validate --data my-case")
    ),
    "casetrack validate --data my-case": Expect(
        "init", ("7 files, 14 records: 0 errors, 0 warnings",)
    ),
    "casetrack validate --data ./my-case": Expect(
        "init", ("7 files, 14 records: 0 errors, 0 warnings",)
    ),
    "casetrack timeline --data my-case": Expect(
        "init", ("Acme moves Doe to unpaid standby shifts", "ALLEGED by Alex Doe")
    ),
    "casetrack validate": Expect(B, ("0 errors, 0 warnings",)),
    "casetrack schema -o my-case/casetrack.schema.json": Expect(
        "empty-folder", ('"title": "casetrack dataset file"',), file="my-case/casetrack.schema.json"
    ),
    "casetrack schema --output my-case/casetrack.schema.json --force": Expect(
        "init", ('"title": "casetrack dataset file"',), file="my-case/casetrack.schema.json"
    ),
    # -- exports
    "casetrack export ics -o lively.ics": Expect(
        B,
        ("BEGIN:VCALENDAR", "X-WR-CALNAME:casetrack: The It Ends With Us litigation"),
        file="lively.ics",
    ),
    'casetrack export timelinejs --case "Lively v. Wayfarer" -o timeline.json': Expect(
        B,
        ('"headline": "The It Ends With Us litigation"', '"group": "Lively v. Wayfarer"'),
        hides=('"group": "Wayfarer v. Lively"',),
        file="timeline.json",
    ),
    "casetrack export html --facts-only --from 2025 -o timeline.html": Expect(
        B,
        ("<h1>The It Ends With Us litigation</h1>", "latest source: 9 Dec 2025"),
        hides=('<li class="entry alleged"',),
        file="timeline.html",
    ),
    'casetrack export sqlite -o case.db --license "CC BY 4.0"': Expect(
        B, ("SQLite format 3",), file="case.db"
    ),
    # -- importing dockets
    "casetrack import courtlistener tests/fixtures/dockets/cl-*.json --data my-case": Expect(
        "files",
        (
            "Imported 1:25-cv-00321 from CourtListener: 1 case, 2 parties, 2 counsel, 10 filings "
            "(ECF 1–9, 1 unnumbered); 10 new (ECF 1–9, 1 unnumbered), 0 changed.",
        ),
    ),
    "casetrack import pacer tests/fixtures/dockets/pacer-txsd-5-19-cv-00049.html --data my-case": (
        Expect("files", ("Imported 5:19-cv-00049 from PACER",))
    ),
    "casetrack import courtlistener docket.json entries-*.json parties.json --data my-case": (
        Expect("files", ("Imported 1:25-cv-00321 from CourtListener",))
    ),
    "casetrack import courtlistener gov.uscourts.nysd.631247.docket.json --data my-case": Expect(
        "files", ("Imported 1:25-cv-00321 from CourtListener",)
    ),
    "casetrack import pacer DktRpt.html --data my-case --dry-run": Expect(
        "files", ("Dry run:", "nothing written")
    ),
    "casetrack import courtlistener entries.json --case 1:24-cv-10049 --data my-case": Expect(
        "bundled-copy", ("Imported 1:24-cv-10049 from CourtListener: case lively-v-wayfarer",)
    ),
    "casetrack import --help": Expect(B, ("Usage: cli import [OPTIONS] SOURCE FILE...",)),
    # -- reviewing changes, in a git repository (see `_git`)
    "casetrack diff": Expect(
        "git", (f"{DIFF} HEAD to the working tree", "Records: 1 changed.", "summary:")
    ),
    "casetrack diff HEAD~3": Expect(
        "git", (f"{DIFF} HEAD~3 to the working tree", "Trial in Lively v. Wayfarer moved")
    ),
    "casetrack diff HEAD~3 --format markdown": Expect(
        "git", ("## Changes in data from HEAD\\~3 to the working tree",)
    ),
    "casetrack diff v1.0..v1.1 --format markdown": Expect(
        "git", ("## Changes in data from v1.0 to v1.1", "Liman moves the trial")
    ),
    "casetrack diff v1.0..v1.1 --data cases/lively": Expect(
        "git", ("Changes in cases/lively from v1.0 to v1.1", "Liman moves the trial")
    ),
    "casetrack diff --data today --against last-week": Expect(
        "git", ("Changes from last-week to today", "Liman moves the trial")
    ),
    # With --exit-code, as `git diff`: 1 when something changed.
    "casetrack diff --data today --against last-week --exit-code": Expect(
        "git", ("Changes from last-week to today",), code=1
    ),
}


# --- the folders they run in ------------------------------------------------------------------

# README's example deadline ("Write deadlines under `deadlines:` in any data file").
README_DEADLINE = """\
deadlines:
  - id: dl-opposition-msj
    case: lively-v-wayfarer
    title: Opposition to the Wayfarer parties' motion for summary judgment
    from: f-2025-11-13-wayfarer-msj
    period: 14 days
    rule: S.D.N.Y. Local Civil Rule 6.1(b)
    service: electronic
    sources: [src-us-weekly-2025-11]
"""


def _copy(folder: Path) -> None:
    shutil.copytree(BUNDLED, folder / "my-copy", ignore=shutil.ignore_patterns("README.md"))
    (folder / "my-copy" / "deadlines.yaml").write_text(README_DEADLINE, encoding="utf-8")


def _init(folder: Path) -> None:
    assert run("init", folder / "my-case").exit_code == 0


def _docket(folder: Path) -> None:
    files = sorted(DOCKETS.glob("cl-*.json"))
    assert run("import", "courtlistener", *files, "--data", folder / "my-case").exit_code == 0


def _files(folder: Path) -> None:
    """Docket files named as the examples name them, and README's repository paths."""
    (folder / "tests").symlink_to(REPO / "tests")
    for name, fixture in {
        "docket.json": "cl-docket.json",
        "entries-1.json": "cl-entries-page1.json",
        "entries-2.json": "cl-entries-page2.json",
        "parties.json": "cl-parties.json",
        "gov.uscourts.nysd.631247.docket.json": "gov.uscourts.nysd.600001.docket.json",
        "DktRpt.html": "pacer-txsd-5-19-cv-00049.html",
    }.items():
        shutil.copyfile(DOCKETS / fixture, folder / name)


def _bundled_copy(folder: Path) -> None:
    shutil.copytree(BUNDLED, folder / "my-case", ignore=shutil.ignore_patterns("README.md"))
    shutil.copyfile(DOCKETS / "cl-entries-page1.json", folder / "entries.json")


def _git(folder: Path) -> None:
    """A repository whose data folder (`data`, and a copy at `cases/lively`) is the bundled
    dataset without the order of 9 Dec 2025 that moved the trial (v1.0, then two commits of
    notes), then with it (v1.1); the working tree rewords that order's summary. `last-week` and
    `today` are the two versions as folders."""
    repo = new_repo(folder)
    for data in (repo / "data", repo / "cases" / "lively"):
        copy_bundled(data)
        _without_the_moved_trial(data)
    commit(repo, "the case before 9 Dec 2025")
    git(repo, "tag", "v1.0")
    for n in (1, 2):
        (repo / f"notes-{n}.txt").write_text(f"note {n}\n", encoding="utf-8")
        commit(repo, f"note {n}")
    for data in (repo / "data", repo / "cases" / "lively"):
        shutil.rmtree(data)
        copy_bundled(data)
    commit(repo, "the order of 9 Dec 2025")
    git(repo, "tag", "v1.1")
    edit(
        repo / "data" / "filings.yaml",
        "summary: Judge Liman postpones the trial from 9 Mar 2026 to 18 May 2026.",
        "summary: Judge Liman postpones the trial by ten weeks, to 18 May 2026.",
    )
    copy_bundled(folder / "today")
    copy_bundled(folder / "last-week")
    _without_the_moved_trial(folder / "last-week")


def _without_the_moved_trial(data: Path) -> None:
    """The bundled data as it stood before 9 Dec 2025: no order moving the trial, its source,
    the new trial date, and the old one not yet replaced."""
    from git_repo import drop_record

    drop_record(data / "filings.yaml", "f-2025-12-09-order-trial-moved")
    drop_record(data / "sources.yaml", "pr-krdo-cnn")
    drop_record(data / "events.yaml", "ev-trial-2026-05-18")
    text = (data / "events.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\n +replaced_on: 2025-12-09\n +replaced_by: ev-trial-2026-05-18", "", text)
    text = text.replace(", pr-krdo-cnn]", "]")
    (data / "events.yaml").write_text(text, encoding="utf-8")


SETUPS: dict[str, Callable[[Path], None]] = {
    "bundled": lambda folder: None,
    "fresh": lambda folder: None,
    "empty-folder": lambda folder: (folder / "my-case").mkdir(),
    "copy": _copy,
    "init": _init,
    "docket": _docket,
    "files": _files,
    "bundled-copy": _bundled_copy,
    "git": _git,
}


# --- the tests --------------------------------------------------------------------------------

ALL = sorted({*readme_examples(), *help_examples()})


def test_every_example_has_an_expectation() -> None:
    assert sorted(set(ALL) - set(EXPECT)) == []
    # And no expectation outlives its example.
    assert sorted(set(EXPECT) - set(ALL)) == []


@pytest.mark.parametrize("example", ALL)
def test_example_runs_and_shows_what_its_text_says(
    example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expect = EXPECT[example]
    folder = tmp_path / "here"
    folder.mkdir()
    if expect.setup == "git":
        isolate_git(monkeypatch, tmp_path)
    SETUPS[expect.setup](folder)
    monkeypatch.chdir(folder)
    words = shlex.split(example)[1:]
    target = None
    if ">" in words:
        target = words[words.index(">") + 1]
        words = words[: words.index(">")]
    args = [match for w in words for match in (sorted(glob.glob(w)) if "*" in w else [w])]
    env = {"CASETRACK_DATA": "data"} if expect.setup == "git" else {}
    result = run(*args, env=env)
    assert result.exit_code == expect.code, result.output
    out = result.stdout
    if target is not None:
        (folder / target).write_text(out, encoding="utf-8")
    if expect.file is not None:
        out = (folder / expect.file).read_bytes().decode("utf-8", "replace")
    assert out.strip(), f"{example} printed nothing"
    # Words as they read, wherever the terminal's width broke the lines.
    flat = " ".join(out.split())
    for shown in expect.shows:
        assert shown in out or " ".join(shown.split()) in flat, f"{example}: no {shown!r}"
    for hidden in expect.hides:
        assert hidden not in out and " ".join(hidden.split()) not in flat, f"{example}: {hidden!r}"
    printed = readme_examples().get(example)
    if printed is not None:
        assert result.stdout == printed
