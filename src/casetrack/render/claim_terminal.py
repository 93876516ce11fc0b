"""One claim in the terminal: who brings it against whom, for what, where it stands, every
change of its status with the filing or order behind it, where the sources differ, and the
sources themselves, each with its outlet, date and address."""

from __future__ import annotations

from rich.console import RenderableType

from casetrack.claim_history import ClaimView
from casetrack.dataset import Dataset
from casetrack.output import Look
from casetrack.render import claim_words as cw
from casetrack.render import source_words
from casetrack.render import wording as w
from casetrack.render.layout_terminal import Indented
from casetrack.render.terminal import facts, heading, table, text


def claim(dataset: Dataset, view: ClaimView, look: Look) -> list[RenderableType]:
    c = view.claim
    title = text(w.claim_title(dataset, c), "bold")
    title.append_text(text(f"  ({c.id})", "dim"))
    raised = None
    if view.raised is not None:
        raised = view.raised.display()
        if c.filing:
            raised += f", in {w.record_ref(dataset, c.filing)}"
    out: list[RenderableType] = [
        title,
        facts(
            look,
            [
                ("Case", w.case_caption(dataset, c.case)),
                ("Plaintiffs", w.names(dataset, c.plaintiffs)),
                ("Defendants", w.names(dataset, c.defendants)),
                ("Damages", c.damages),
                ("Raised", raised),
                ("Status", cw.status_text(view)),
            ],
        ),
    ]
    if c.unconfirmed:
        out.append(text(w.unconfirmed(dataset, c.sources), "magenta"))
    out.extend(text(w.differ(dataset, d), "cyan") for d in c.discrepancies)
    if c.summary:
        out += [text(""), text(c.summary)]
    out += [text(""), heading("History", look)]
    rows = [[view.raised.display() if view.raised else "", "raised", raised_by(dataset, view)]]
    for _, change in view.history:
        what = w.made_by(dataset, change.by) if change.by else ""
        if change.note:
            what = f"{what}. {change.note}" if what else change.note
        if change.sources:
            what = f"{what} ({source_words.source_names(dataset, change.sources)})".lstrip()
        rows.append([change.date.display(), cw.status_words(change.status), what])
    out.append(table(look, ["Date", "Status", "By"], rows))
    cited = source_words.by_standing(
        dataset, [*c.sources, *(s for _, change in view.history for s in change.sources)]
    )
    if cited:
        out += [text(""), heading(f"Sources ({len(cited)})", look)]
        for sid in cited:
            s = dataset.sources.get(sid)
            out.append(Indented(text(source_words.source_footnote(s) if s else sid), 2))
    if c.notes:
        out += [text(""), text(c.notes, "dim")]
    return out


def raised_by(dataset: Dataset, view: ClaimView) -> str:
    """'in a complaint of Blake Lively': where the claim was raised, and by whom."""
    filing = view.claim.filing
    return f"in {w.made_by(dataset, filing)}" if filing else ""
