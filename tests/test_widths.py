"""The terminal at 60, 80, 100 and 160 columns: no word or address is ever split, no line is
wider than the terminal unless it is one word too long for any line (an address, on a line of its
own), and where columns cannot fit, records are stacked. Checked on the bundled dataset for the
commands a newcomer tried at those widths, then whole outputs where the breaks were seen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cli_helpers import run

DATA = Path(__file__).resolve().parent.parent / "data"
AS_OF = ("--as-of", "2026-01-01")
WIDTHS = (60, 80, 100, 160)
COMMANDS = {
    "claims": ("claims", "--defendant", "Lively", *AS_OF),
    "sources ID": ("sources", "pr-midpage-order-2025-10-31"),
    "timeline": ("timeline", *AS_OF),
    "cases": ("cases", *AS_OF),
    "parties": ("parties",),
}
WIDE = 1000  # no line of these outputs is this long: nothing is wrapped
# Below 120 columns the timeline shows kind and case under the title, not in columns of their
# own: its words are compared with the widest timeline laid out that way.
NARROW_TIMELINE = 119


def out(args: tuple[str, ...], width: int) -> str:
    result = run(*args, "--data", DATA, width=width)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def words(text: str) -> Counter[str]:
    """The words of an output, without the rule under a table's header."""
    return Counter(w for w in text.split() if set(w) != {"-"})


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_word_is_split_and_no_line_overflows(name: str, width: int) -> None:
    args = COMMANDS[name]
    same_layout = NARROW_TIMELINE if name == "timeline" and width < 120 else WIDE
    narrow, wide = out(args, width), out(args, same_layout)
    # A word split in two would be two words the unwrapped output does not have. Only the
    # labels of stacked records ("Status:") are new, each a header of the wide table.
    unwrapped = words(wide)
    for word in words(narrow) - unwrapped:
        assert word.endswith(":") and word[:-1] in unwrapped, f"{word!r} at {width} columns"
    for line in narrow.splitlines():
        assert len(line) <= width or len(line.split()) == 1, f"{line!r} at {width} columns"


def test_claims_at_80_columns_say_once_what_the_claims_share() -> None:
    assert out(COMMANDS["claims"], 80) == (
        "Wayfarer Studios LLC et al. v. Lively et al.  (7 claims: 7 judgment for\n"
        "defendant)\n"
        "Plaintiffs  Wayfarer Studios LLC, Justin Baldoni, Jamey Heath, It Ends With Us\n"
        "            Movie LLC, Melissa Nathan, Jennifer Abel, Steve Sarowitz\n"
        "Defendants  Blake Lively, Ryan Reynolds, Leslie Sloane, Vision PR, Inc.\n"
        "Damages     At least $400 million for the suit as a whole, as reported; not\n"
        "            broken down by claim.\n"
        "Claim                                       Status\n"
        "--------------------------------------------------------------------------------\n"
        "Civil extortion                             judgment for defendant (31 Oct 2025)\n"
        "\n"
        "Defamation                                  judgment for defendant (31 Oct 2025)\n"
        "\n"
        "False light invasion of privacy             judgment for defendant (31 Oct 2025)\n"
        "\n"
        "Breach of the implied covenant of good      judgment for defendant (31 Oct 2025)\n"
        "faith and fair dealing\n"
        "\n"
        "Intentional interference with contractual   judgment for defendant (31 Oct 2025)\n"
        "relations\n"
        "\n"
        "Intentional interference with prospective   judgment for defendant (31 Oct 2025)\n"
        "economic advantage\n"
        "\n"
        "Negligent interference with prospective     judgment for defendant (31 Oct 2025)\n"
        "economic advantage\n"
        "\n"
        "Suit by Baldoni's crisis PR firm against Lively (as reported by Page Six)  (1\n"
        "claim: 1 pending)\n"
        "Claim               Plaintiffs         Defendants    Damages             Status\n"
        "--------------------------------------------------------------------------------\n"
        'Reputational harm   Crisis PR firm     Blake Lively  "millions of        pending\n'
        "(cause of action    hired by Baldoni                 dollars in\n"
        'not named in the    (not named in the                reputational harm"\n'
        "report) (reported   report)                          (as Page Six\n"
        "by Page Six)                                         quotes the suit)\n"
        "8 claims · as of 1 Jan 2026 · latest source: 9 Dec 2025; later developments are\n"
        "not in the data\n"
    )


def test_one_source_shows_its_address_whole_and_its_citations_in_words() -> None:
    assert out(COMMANDS["sources ID"], 80).startswith(
        "Lively v. Wayfarer Studios LLC et al. / Wayfarer Studios LLC et al. v. Lively et\n"
        "al., memorandum and order of 31 Oct 2025\n"
        "Id         pr-midpage-order-2025-10-31\n"
        "Kind       court-order\n"
        "Outlet     U.S. District Court for the Southern District of New York (as\n"
        "           published by Midpage)\n"
        "Published  31 Oct 2025\n"
        # Too long for the column of values: under its label, on a line of its own, whole.
        "URL\n"
        "https://app.midpage.ai/document/lively-v-wayfarer-studios-llc-1000457339163\n"
        "Notes      Source for the Wayfarer case number (1:25-cv-00449), its pretrial\n"
        "           consolidation with 1:24-cv-10049, the parties in its caption, and the\n"
        "           final judgment.\n"
        "\n"
        "Cited by (20)\n"
        "Parties (7)\n"
        "  Vision PR, Inc.\n"
        "    vision-pr\n"
    )
    assert (
        "Cases (3)\n"
        "  Lively v. Wayfarer\n"
        "    lively-v-wayfarer · consolidated with Wayfarer v. Lively\n"
    ) in out(COMMANDS["sources ID"], 80)


def test_the_wide_timeline_sizes_kind_and_case_to_what_is_in_view() -> None:
    assert out(("timeline", "--from", "2025-11", *AS_OF), 160) == (
        "2025\n"
        " November 2025\n"
        "  12 Nov 2025      other             Lively v. Wayfarer  Lively's filing on people "
        "involved in shaping the online narrative\n"
        "                                                         Blake Lively\n"
        "                                                         reported by Us Weekly, not "
        "confirmed\n"
        "\n"
        "  13 Nov 2025      motion for        Lively v. Wayfarer  The Wayfarer parties move for "
        "summary judgment on Lively's claims\n"
        "                   summary judgment                      Justin Baldoni, Wayfarer "
        "Studios LLC\n"
        "                                                         reported by Us Weekly, not "
        "confirmed\n"
        "\n"
        "  13 Nov 2025      publication       Lively v. Wayfarer  People publishes the kiss-scene "
        "clip filed with the summary-judgment motion\n"
        "                                                         People, Blake Lively, Justin "
        "Baldoni\n"
        "                                                         reported by Us Weekly, not "
        "confirmed\n"
        "\n"
        " December 2025\n"
        "  9 Dec 2025       order             Lively v. Wayfarer  Liman moves the trial from 9 Mar "
        "2026 to 18 May 2026\n"
        "                                                         Lewis J. Liman\n"
        "\n"
        "2026\n"
        " May 2026\n"
        "  18 May 2026      trial             Lively v. Wayfarer  scheduled: Trial of Lively v. "
        "Wayfarer (rescheduled)\n"
        "                                                         Lewis J. Liman, Blake Lively, "
        "Justin Baldoni\n"
        "                                                         set on 9 Dec 2025 by an order of "
        "Lewis J. Liman\n"
        "5 entries · as of 1 Jan 2026 · latest source: 9 Dec 2025; later developments are not "
        "in the data\n"
    )


def test_parties_stack_at_60_columns() -> None:
    assert out(COMMANDS["parties"], 60).startswith(
        "Blake Lively\n"
        "  Kind: person\n"
        "  Roles: plaintiff in Lively v. Wayfarer\n"
        "    defendant in Wayfarer v. Lively\n"
        "    defendant in Crisis PR firm v. Lively\n"
        "  Counsel: Esra Hudson, Michael Gottlieb\n"
        "\n"
        "Justin Baldoni\n"
    )
    # At 160 columns, the same parties in a table.
    assert out(COMMANDS["parties"], 160).split("\n")[2].split() == [
        "Blake",
        "Lively",
        "person",
        "plaintiff",
        "in",
        "Lively",
        "v.",
        "Wayfarer",
        "Esra",
        "Hudson,",
        "Michael",
        "Gottlieb",
    ]
