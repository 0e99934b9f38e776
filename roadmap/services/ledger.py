"""The readiness ledger's queries: snapshots of submitted assessments (stored when they are
submitted), read per organisation or team and handed to the core's ledger."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import func, select

from ..content.catalogue import catalogue, default_questionnaire
from ..core import ledger as core
from ..core import results as core_results
from ..core.questionnaire import Questionnaire
from ..core.status import AssessmentStatus
from ..extensions import db
from ..models.assessment import Assessment, utcnow
from ..models.ledger import AssessmentSnapshot
from ..models.organisation import Organisation, Team
from . import actions
from .assessments import submitted_by_id, to_answer_set


def record_snapshot(assessment: Assessment, q: Questionnaire) -> None:
    """Store (or replace) the core's scores of a submitted assessment; the caller commits."""
    results = core_results.analyse(q, to_answer_set(assessment))
    snapshot = db.session.get(AssessmentSnapshot, assessment.id)
    if snapshot is None:
        snapshot = AssessmentSnapshot(assessment_id=assessment.id)
        db.session.add(snapshot)
    snapshot.record = core.snapshot_record(results)
    snapshot.computed_at = utcnow()


def backfill() -> int:
    """Snapshots for submitted assessments that have none (the migration does this once; this
    is for questionnaire files installed later). Returns how many were made."""
    query = (
        select(Assessment)
        .outerjoin(AssessmentSnapshot, AssessmentSnapshot.assessment_id == Assessment.id)
        .where(
            Assessment.status == AssessmentStatus.SUBMITTED,
            AssessmentSnapshot.assessment_id.is_(None),
        )
    )
    made = 0
    for assessment in db.session.scalars(query):
        q = catalogue().get(assessment.questionnaire_id, assessment.questionnaire_version)
        if q is not None:
            record_snapshot(assessment, q)
            made += 1
    db.session.commit()
    return made


def _day(value: datetime | None) -> date:
    if value is None:
        return date.min
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).date()


def _snapshots(*conditions, last: int | None = None) -> list[core.Snapshot]:
    """Snapshots of submitted assessments filed under a team; with `last`, only each team's
    `last` most recent (a window function, so the ledger reads 2 rows a team, not all)."""
    rank = (
        func.row_number()
        .over(
            partition_by=Assessment.team_id,
            order_by=(Assessment.submitted_at.desc(), Assessment.id.desc()),
        )
        .label("rank")
    )
    inner = (
        select(
            AssessmentSnapshot.assessment_id,
            AssessmentSnapshot.record,
            Assessment.team_id,
            Assessment.submitted_at,
            rank,
        )
        .join(Assessment, Assessment.id == AssessmentSnapshot.assessment_id)
        .join(Team, Team.id == Assessment.team_id)
        .where(Assessment.status == AssessmentStatus.SUBMITTED, *conditions)
        .subquery()
    )
    query = select(inner.c.assessment_id, inner.c.record, inner.c.team_id, inner.c.submitted_at)
    if last is not None:
        query = query.where(inner.c.rank <= last)
    return [
        core.snapshot_from(record, aid, team_id, _day(submitted))
        for aid, record, team_id, submitted in db.session.execute(query)
    ]


def settings() -> tuple[int, int]:
    """(stale after days, anonymity threshold k) from the configuration."""
    config = current_app.config
    return int(config["LEDGER_STALE_DAYS"]), int(config["ANONYMITY_THRESHOLD"])


@dataclass(frozen=True)
class Ledger:
    """An organisation's ledger: its teams' lines, the organisation's figures, its common
    priorities (None below k), with the questionnaire that names the dimensions."""

    organisation: Organisation
    q: Questionnaire
    teams: dict[int, Team]
    lines: list[core.TeamLine]
    figures: core.OrganisationFigures
    common: tuple[core.CommonPriority, ...] | None
    stale_days: int
    k: int
    today: date

    def line_of(self, team_id: int) -> core.TeamLine | None:
        return next((line for line in self.lines if line.team_id == team_id), None)


def _with_plans(lines: list[core.TeamLine]) -> list[core.TeamLine]:
    """The lines with the action plan each team recorded with its latest assessment (one
    query for all of them)."""
    plans = actions.plans_of(line.latest.assessment_id for line in lines if line.latest)
    return [
        replace(line, actions=tuple(plans[line.latest.assessment_id])) if line.latest else line
        for line in lines
    ]


def ledger(organisation: Organisation, today: date | None = None) -> Ledger:
    """The ledger of an organisation: two queries whatever its size."""
    stale_days, k = settings()
    today = today or utcnow().date()
    q = default_questionnaire()
    teams = {t.id: t for t in organisation.teams}
    # A line needs the latest assessment and the one before it (what moved since).
    snapshots = _snapshots(Team.organisation_id == organisation.id, last=2)
    lines = _with_plans(core.team_lines(list(teams), snapshots, today, stale_days))
    latest = core.latest_of(lines)
    dims = [d.id for d in q.dimensions]
    figures = core.organisation_figures(latest, dims, k)
    common = core.common_priorities(latest, k)
    return Ledger(organisation, q, teams, lines, figures, common, stale_days, k, today)


@dataclass(frozen=True)
class TeamHistory:
    """A team's assessments as the ledger reads them, oldest first, and their trend."""

    q: Questionnaire
    snapshots: list[core.Snapshot]
    trend: core.Trend
    line: core.TeamLine


def team_history(team: Team, today: date | None = None) -> TeamHistory:
    """The snapshots of a team's submitted assessments, its trend and its ledger line."""
    stale_days, _k = settings()
    q = default_questionnaire()
    history = core.by_team(_snapshots(Assessment.team_id == team.id)).get(team.id, [])
    (line,) = _with_plans([core.team_line(team.id, history, today or utcnow().date(), stale_days)])
    return TeamHistory(q, history, core.trend(history, [d.id for d in q.dimensions]), line)


def team_assessment(team: Team, assessment_id: int) -> tuple[Assessment, Questionnaire]:
    """A submitted assessment filed under `team`, with its questionnaire; NotFound otherwise
    (another team's, in progress, or its questionnaire version removed)."""
    return submitted_by_id(assessment_id, lambda assessment: assessment.team_id == team.id)
