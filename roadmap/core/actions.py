"""Action plans: the rows a team records after reading its results, their limits and checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MAX_ROWS = 30  # a plan is a few actions; 30 leaves room without turning into a backlog
ACTION_MAX = 300  # characters: one or two sentences
OWNER_MAX = 120  # a name, a role or a team
# Due dates outside these years are typing slips (0202, 20277), not plans.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


class ActionStatus(StrEnum):
    """Where an action stands."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Problem(StrEnum):
    """Why a row cannot be kept (the web layer words each one)."""

    ACTION_MISSING = "action_missing"
    ACTION_TOO_LONG = "action_too_long"
    OWNER_TOO_LONG = "owner_too_long"
    DUE_OUT_OF_RANGE = "due_out_of_range"
    BAD_STATUS = "bad_status"
    UNKNOWN_METHOD = "unknown_method"
    TOO_MANY = "too_many"


@dataclass(frozen=True)
class PlanRow:
    """One action as entered: what, who (optional), by when (optional), where it stands, and
    the recommended method it carries out (a recommendation id, optional)."""

    action: str
    owner: str | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    recommendation_id: str | None = None
    id: int | None = None  # the stored row's id, None before it is stored


def clean_text(value: str | None) -> str | None:
    """Spaces at the ends removed and runs of white space inside collapsed to one space
    (a row is one line in a table); None for nothing typed."""
    text = " ".join((value or "").replace("\x00", "").split())
    return text or None


def problems(row: PlanRow, methods: frozenset[str] | set[str] = frozenset()) -> list[Problem]:
    """Everything wrong with a row, all at once (empty when it can be kept). `methods` are the
    recommendation ids an action may link to."""
    found = []
    if not row.action:
        found.append(Problem.ACTION_MISSING)
    elif len(row.action) > ACTION_MAX:
        found.append(Problem.ACTION_TOO_LONG)
    if row.owner and len(row.owner) > OWNER_MAX:
        found.append(Problem.OWNER_TOO_LONG)
    if row.due_on is not None and not EARLIEST_YEAR <= row.due_on.year <= LATEST_YEAR:
        found.append(Problem.DUE_OUT_OF_RANGE)
    if row.status not in set(ActionStatus):
        found.append(Problem.BAD_STATUS)
    if row.recommendation_id is not None and row.recommendation_id not in methods:
        found.append(Problem.UNKNOWN_METHOD)
    return found


def plan_digest(rows: list[PlanRow] | tuple[PlanRow, ...]) -> list[list]:
    """What a printed plan shows, as plain JSON values (for content-keyed caches)."""
    return [
        [
            r.action,
            r.owner,
            r.due_on.isoformat() if r.due_on else None,
            str(r.status),
            r.recommendation_id,
        ]
        for r in rows
    ]
