"""Deadlines in the terminal: one card per deadline, and every step of one count (--explain)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from casetrack.counting import weekday
from casetrack.dataset import Dataset
from casetrack.dates import due_when
from casetrack.deadlines import DeadlineView
from casetrack.output import Look
from casetrack.render import deadline_words
from casetrack.render.date_words import view_words
from casetrack.render.deadline_words import LAST_DAY, NOTICE, where
from casetrack.render.layout_terminal import Indented
from casetrack.render.terminal import facts, text
from casetrack.render.wording import case_name, record_label

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf


def cards(
    dataset: Dataset, views: Iterable[DeadlineView], day: dt.date, look: Look
) -> Iterator[RenderableType]:
    """Each deadline: due date, how far off and case; then what, the rule and the count."""
    for i, v in enumerate(views):
        if i:
            yield text("")
        yield from card(dataset, v, day, look)


def card(dataset: Dataset, v: DeadlineView, day: dt.date, look: Look) -> list[RenderableType]:
    due = v.due
    head = [weekday(due), due_when(day, due)] if due else ["No due date"]
    if v.case:
        head.append(case_name(dataset, v.case))
    title = text(" · ".join(head), "bold")
    title.append_text(text(f"  [{v.id}]", "dim"))
    body = text(v.deadline.title)
    body.append_text(text(f"\nrule: {v.deadline.rule}", "dim"))
    if v.count is not None:
        body.append_text(text("\n" + v.count.line(), "green"))
        for q in v.count.questions:
            body.append_text(text("\n" + deadline_words.state_unknown(q), "yellow"))
    else:
        body.append_text(text(f"\nno deadline: {v.no_deadline}", "yellow"))
    return [title, Indented(body)]


def notice(look: Look) -> Text:
    return text(NOTICE, "italic" if not look.plain else "")


def explanation(dataset: Dataset, v: DeadlineView, look: Look) -> list[RenderableType]:
    """Every step of one deadline's count, with the facts it starts from."""
    d = v.deadline
    title = text(d.title, "bold")
    title.append_text(text(f"  ({d.id})", "dim"))
    trigger = f"{record_label(dataset, d.trigger)} ({d.trigger})"
    if v.trigger is not None:
        trigger += f", {v.trigger.display()}"
    grid = facts(
        look,
        [
            ("Case", case_name(dataset, v.case) if v.case else None),
            ("Trigger", trigger),
            ("Period", str(d.period)),
            ("Rule", f"{d.rule} (as the data gives it)"),
            ("State", where(v)),
        ],
    )
    out: list[RenderableType] = [title, grid, text("")]
    if v.count is None:
        out.append(text(f"No deadline: {v.no_deadline}.", "yellow"))
    else:
        steps = Table.grid(padding=(0, 1))
        steps.add_column(no_wrap=True, justify="right")
        steps.add_column(overflow="fold")
        for i, s in enumerate(v.count.steps, start=1):
            line = text(s.text)
            line.append_text(text(f" [{s.rule}]", "dim"))
            steps.add_row(text(f"{i}."), line)
        out.append(steps)
        out.append(text(""))
        out.append(text(f"Due: {weekday(v.count.due)}. {LAST_DAY}", "bold"))
        for q in v.count.questions:
            out.append(
                text(
                    f"The court's state is not known: {q.text()}. If the court sits in one of "
                    "them, the deadline moves; say the state with `state:` on the case.",
                    "yellow",
                )
            )
        out.append(text(f"In one line: {v.count.line()}", "dim"))
    out.append(text(""))
    out.append(notice(look))
    return out


def footer(look: Look, views: list[DeadlineView], asof: AsOf) -> Text:
    n = len(views)
    return text(f"{n} deadline{'s' if n != 1 else ''} · {view_words(asof)}", "dim")
