"""The action plan as a reader sees it, on the results page and in the PDF: status names and
one line per action with its method, owner and due date in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import pgettext

from ..core.actions import ActionStatus, PlanRow
from ..core.questionnaire import Questionnaire
from .cover import long_date


def status_names() -> dict[ActionStatus, str]:
    """The statuses in the reader's language (with a context: "Done" is worded otherwise on
    a confirmation banner)."""
    return {
        ActionStatus.NOT_STARTED: pgettext("action status", "Not started"),
        ActionStatus.IN_PROGRESS: pgettext("action status", "In progress"),
        ActionStatus.DONE: pgettext("action status", "Done"),
    }


@dataclass(frozen=True)
class PlanLine:
    id: int | None
    action: str
    method: str  # the linked recommendation's title, or ""
    owner: str
    due: str  # "15 mars 2027", or ""
    status: str
    status_id: str


def plan_lines(q: Questionnaire, rows: Iterable[PlanRow], locale: str) -> list[PlanLine]:
    """The rows of a plan, worded for `locale` (needs an app context for the status names)."""
    lines, names = [], status_names()
    for row in rows:
        rec = q.recommendation(row.recommendation_id) if row.recommendation_id else None
        lines.append(
            PlanLine(
                id=row.id,
                action=row.action,
                method=rec.title.get(locale) if rec else "",
                owner=row.owner or "",
                due=long_date(row.due_on, locale),
                status=names[row.status],
                status_id=str(row.status),
            )
        )
    return lines
