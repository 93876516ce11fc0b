"""How casetrack words a computed deadline, for every output: the notice that it is arithmetic,
not legal advice; when the last day ends; the count in one line; and what a known state would
settle. Plain text, like `wording`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casetrack.counting import Count, StateQuestion
    from casetrack.deadlines import DeadlineView

# Said wherever computed deadlines are shown: the command, the case, the calendar, the web page.
NOTICE = (
    "A computed deadline is arithmetic on the rule and period given in the data, counted as "
    "FRCP 6(a) counts; it is not legal advice. Check every deadline against the rules and any "
    "order in the case."
)
# FRCP 6(a)(4): when the last day ends.
LAST_DAY = (
    "The last day ends at midnight in the court's time zone for electronic filing, or when the "
    "clerk's office is scheduled to close for filing by other means (FRCP 6(a)(4))."
)

# --- computed deadlines -----------------------------------------------------------------------


def state_unknown(question: StateQuestion) -> str:
    """'the court's state is not known: Fri 28 Nov 2025 is a holiday in some states (...)'."""
    return f"the court's state is not known: {question.text()}"


def deadline_summary(count: Count, rule: str) -> str:
    """A computed deadline's summary, for every output that shows one: the count in one line,
    the rule, and what the court's state would settle."""
    summary = f"{count.line()}. Rule: {rule}."
    for question in count.questions:
        summary += f" The court's state is not known: {question.text()}."
    return summary


def count_text(v: DeadlineView) -> str:
    """The count in one line, with what it leaves open; or why there is none."""
    if v.count is None:
        return f"no deadline: {v.no_deadline}"
    text = v.count.line()
    for q in v.count.questions:
        text += f" ({state_unknown(q)})"
    return text


def where(v: DeadlineView) -> str:
    """'New York (NY), from the court, U.S. District Court ...' or 'not known'."""
    from casetrack.courts import state_name

    if v.state is None:
        return "not known: only federal holidays are counted"
    return f"{state_name(v.state)} ({v.state}), from {v.state_from}"
