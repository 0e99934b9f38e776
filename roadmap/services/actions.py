"""Action-plan use cases: the actions recorded on a submitted assessment's results page, and
the plans of several assessments or teams at once (the manager's ledger)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select

from ..core.actions import MAX_ROWS, ActionStatus, PlanRow, Problem, clean_text, problems
from ..core.questionnaire import Questionnaire
from ..core.status import AssessmentStatus
from ..extensions import db
from ..models.action import ActionItem
from ..models.assessment import Assessment
from .errors import Conflict, Invalid, NotFound


def _row(item: ActionItem) -> PlanRow:
    return PlanRow(
        action=item.action,
        owner=item.owner,
        due_on=item.due_on,
        status=ActionStatus(item.status),
        recommendation_id=item.recommendation_id,
        id=item.id,
    )


def _items(assessment_ids: Iterable[int]):
    ids = list(assessment_ids)
    if not ids:
        return []
    query = (
        select(ActionItem)
        .where(ActionItem.assessment_id.in_(ids))
        .order_by(ActionItem.assessment_id, ActionItem.position, ActionItem.id)
    )
    return db.session.scalars(query)


def plan_of(assessment: Assessment) -> list[PlanRow]:
    """The assessment's action plan, in the order the rows were added."""
    return [_row(item) for item in _items([assessment.id])]


def plans_of(assessment_ids: Iterable[int]) -> dict[int, list[PlanRow]]:
    """The action plans of these assessments (one query), by assessment id; an assessment
    without actions maps to an empty list. For the ledger and the organisation report: the
    caller has already checked that the reader may see these assessments."""
    ids = list(dict.fromkeys(assessment_ids))
    plans: dict[int, list[PlanRow]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):  # bounded IN lists
        for item in _items(ids[start : start + 500]):
            plans[item.assessment_id].append(_row(item))
    return plans


@dataclass(frozen=True)
class TeamPlan:
    """One submitted assessment of a team with its plan."""

    team_id: int
    assessment_id: int
    submitted_at: datetime | None
    rows: list[PlanRow]


def plans_of_teams(team_ids: Iterable[int]) -> dict[int, list[TeamPlan]]:
    """The plans of every submitted assessment of these teams, newest first, by team id (two
    queries). The caller has already checked that the reader may see these teams."""
    teams = list(dict.fromkeys(team_ids))
    by_team: dict[int, list[TeamPlan]] = {t: [] for t in teams}
    if not teams:
        return by_team
    rows = db.session.execute(
        select(Assessment.id, Assessment.team_id, Assessment.submitted_at)
        .where(
            Assessment.team_id.in_(teams),
            Assessment.status == AssessmentStatus.SUBMITTED,
        )
        .order_by(Assessment.submitted_at.desc(), Assessment.id.desc())
    ).all()
    plans = plans_of(r.id for r in rows)
    for r in rows:
        by_team[r.team_id].append(TeamPlan(r.team_id, r.id, r.submitted_at, plans[r.id]))
    return by_team


def _checked(row: PlanRow, q: Questionnaire) -> PlanRow:
    row = replace(row, action=clean_text(row.action) or "", owner=clean_text(row.owner))
    found = problems(row, {rec.id for rec in q.recommendations})
    if found:
        raise Invalid(*found)
    return row


def _open(assessment: Assessment) -> None:
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise Conflict()  # a plan follows the results


def _item(assessment: Assessment, action_id: int) -> ActionItem:
    item = db.session.get(ActionItem, action_id)
    if item is None or item.assessment_id != assessment.id:
        raise NotFound()  # another assessment's action reads as no action at all
    return item


def get(assessment: Assessment, action_id: int) -> PlanRow:
    """One action of the assessment's plan; NotFound for any other id."""
    return _row(_item(assessment, action_id))


def add(assessment: Assessment, q: Questionnaire, row: PlanRow) -> PlanRow:
    """Add an action at the end of the plan. Raises Invalid (with core Problems) for a row
    that cannot be kept, Invalid(TOO_MANY) when the plan is full, Conflict before results."""
    _open(assessment)
    row = _checked(row, q)
    count, last = db.session.execute(
        select(func.count(ActionItem.id), func.max(ActionItem.position)).where(
            ActionItem.assessment_id == assessment.id
        )
    ).one()
    if count >= MAX_ROWS:
        raise Invalid(Problem.TOO_MANY)
    item = ActionItem(
        assessment_id=assessment.id,
        position=(last or 0) + 1,
        action=row.action,
        owner=row.owner,
        due_on=row.due_on,
        status=row.status,
        recommendation_id=row.recommendation_id,
    )
    db.session.add(item)
    db.session.commit()
    return _row(item)


def update(assessment: Assessment, q: Questionnaire, action_id: int, row: PlanRow) -> PlanRow:
    """Change one action of the plan; NotFound for an id not in this assessment's plan."""
    _open(assessment)
    item = _item(assessment, action_id)
    row = _checked(row, q)
    item.action, item.owner, item.due_on = row.action, row.owner, row.due_on
    item.status, item.recommendation_id = row.status, row.recommendation_id
    db.session.commit()
    return _row(item)


def remove(assessment: Assessment, action_id: int) -> None:
    """Remove one action from the plan; NotFound for an id not in this assessment's plan."""
    _open(assessment)
    db.session.delete(_item(assessment, action_id))
    db.session.commit()
