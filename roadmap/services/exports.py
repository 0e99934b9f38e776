"""Export use cases: an organisation's scores and answers as tables (for CSV and XLSX), and
one assessment as a JSON document. Reading only: nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import null as sa_null

from ..content.catalogue import catalogue
from ..core import exports as core_exports
from ..core.answers import AnswerSet, decode_value
from ..core.audit import AuditAction
from ..core.questionnaire import Questionnaire
from ..core.recommend import recommend
from ..core.scoring import score
from ..core.status import AssessmentStatus
from ..extensions import db
from ..models.account import User
from ..models.action import ActionItem
from ..models.assessment import Answer, Assessment, Reflection
from ..models.ledger import AssessmentSnapshot
from ..models.organisation import Organisation, Team
from . import actions, audit
from .assessments import submitted_by_id

FORMAT = "roadmap-assessment"
FORMAT_VERSION = 1


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _submitted_of(organisation: Organisation):
    """The submitted assessments filed under the organisation's teams, by team then date."""
    return (
        select(Assessment, Team.name)
        .join(Team, Team.id == Assessment.team_id)
        .where(
            Team.organisation_id == organisation.id,
            Assessment.status == AssessmentStatus.SUBMITTED,
        )
        .order_by(Team.name, Assessment.submitted_at, Assessment.id)
    )


def _by_assessment(model, column, ids_query) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = defaultdict(dict)
    rows = db.session.execute(
        select(model.assessment_id, model.item_id, column).where(model.assessment_id.in_(ids_query))
    )
    for assessment_id, item_id, value in rows:
        found[assessment_id][item_id] = value
    return found


def _answer_sets(ids_query) -> tuple[dict, dict]:
    """(answers, reflections) by assessment id, for the assessments `ids_query` selects."""
    answers = _by_assessment(Answer, Answer.value, ids_query)
    notes = _by_assessment(Reflection, Reflection.text, ids_query)
    return answers, notes


def _answer_set(assessment_id: int, locale: str, q: Questionnaire, answers, notes) -> AnswerSet:
    return AnswerSet(
        questionnaire=q.id,
        version=q.version,
        locale=locale,
        answers={k: decode_value(v) for k, v in answers.get(assessment_id, {}).items()},
        reflections=notes.get(assessment_id, {}),
    )


def records(organisation: Organisation, with_answers: bool = True) -> list[core_exports.Record]:
    """Every submitted assessment of the organisation's teams: with its answers (four queries
    whatever the number), or, without them, with its stored snapshot instead (two queries). An
    assessment on a questionnaire version no longer installed is left out (it cannot be
    scored)."""
    query = _submitted_of(organisation)
    if not with_answers:  # the scores export reads the snapshots, the answers export does not
        query = query.add_columns(AssessmentSnapshot.record).outerjoin(
            AssessmentSnapshot, AssessmentSnapshot.assessment_id == Assessment.id
        )
    else:
        query = query.add_columns(sa_null())
    rows = db.session.execute(query).all()
    ids = _submitted_of(organisation).with_only_columns(Assessment.id).order_by(None)
    answers, notes = _answer_sets(ids.scalar_subquery()) if with_answers else ({}, {})
    counts = dict(
        db.session.execute(
            select(ActionItem.assessment_id, func.count(ActionItem.id))
            .where(ActionItem.assessment_id.in_(ids.scalar_subquery()))
            .group_by(ActionItem.assessment_id)
        ).all()
    )
    found = []
    for assessment, team_name, snapshot in rows:
        q = catalogue().get(assessment.questionnaire_id, assessment.questionnaire_version)
        if q is None:
            continue
        found.append(
            core_exports.Record(
                assessment_id=assessment.id,
                team_id=assessment.team_id,
                team=team_name,
                service_name=assessment.service_name,
                questionnaire=q,
                answers=_answer_set(assessment.id, assessment.locale, q, answers, notes),
                started_on=_day(assessment.created_at),
                submitted_on=_day(assessment.submitted_at),
                previous_id=assessment.previous_id,
                actions=counts.get(assessment.id, 0),
                snapshot=snapshot,
            )
        )
    return found


def _score_rows(found: list[core_exports.Record]) -> list[core_exports.ScoreRow]:
    """Each record's scores: read from its stored snapshot (computed by the core when it was
    submitted, ~100 times faster than scoring it again), or, for an assessment without one
    or with a record older than the export's figures, from scoring its answers (loaded then,
    for those assessments only)."""
    rows = [core_exports.stored_row(r.snapshot, r.questionnaire) for r in found]
    missing = [r.assessment_id for r, row in zip(found, rows, strict=True) if row is None]
    if missing:
        answers, notes = {}, {}
        for i in range(0, len(missing), 500):  # bounded IN lists
            part = _answer_sets(missing[i : i + 500])
            answers |= part[0]
            notes |= part[1]
        for index, r in enumerate(found):
            if rows[index] is None:
                locale = r.answers.locale
                answer_set = _answer_set(r.assessment_id, locale, r.questionnaire, answers, notes)
                rows[index] = core_exports.score_row(score(r.questionnaire, answer_set))
    return rows


def scores_table(organisation: Organisation) -> core_exports.Table:
    """The organisation's scores: one row per submitted assessment (see docs/exports.md)."""
    found = records(organisation, with_answers=False)
    return core_exports.scores_table(found, _score_rows(found))


def answers_table(organisation: Organisation) -> core_exports.Table:
    """The organisation's answers, one row per submitted assessment, one column per item."""
    return core_exports.answers_table(records(organisation))


def organisation_assessment(
    organisation: Organisation, assessment_id: int
) -> tuple[Assessment, Questionnaire]:
    """A submitted assessment filed under one of the organisation's teams; NotFound for any
    other id (another organisation's, an anonymous one, one still being answered)."""

    def of_organisation(assessment: Assessment) -> bool:
        team = db.session.get(Team, assessment.team_id) if assessment.team_id else None
        return team is not None and team.organisation_id == organisation.id

    return submitted_by_id(assessment_id, of_organisation)


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def assessment_document(
    assessment: Assessment, q: Questionnaire, team: Team | None = None
) -> dict[str, Any]:
    """Everything stored about one assessment and what it scores, as JSON values (stable ids,
    no translated words; see docs/exports.md). `team` is named only for a reader of the
    organisation (a manager), not for whoever holds the private link."""
    answer_set = AnswerSet(
        questionnaire=q.id,
        version=q.version,
        locale=assessment.locale,
        answers={a.item_id: decode_value(a.value) for a in assessment.answers},
        reflections={r.item_id: r.text for r in assessment.reflections},
    )
    s = score(q, answer_set)
    power = s.power
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "assessment": {
            "id": assessment.id,
            "service_name": assessment.service_name,
            "role": assessment.role,
            "locale": assessment.locale,
            "status": assessment.status,
            "questionnaire": {"id": q.id, "version": q.version},
            "previous_assessment_id": assessment.previous_id,
            "team": {"id": team.id, "name": team.name} if team else None,
            "created_at": _stamp(assessment.created_at),
            "submitted_at": _stamp(assessment.submitted_at),
        },
        "answers": dict(answer_set.answers),
        "reflections": dict(answer_set.reflections),
        "scores": {
            "overall_score": s.overall,
            "stage": s.overall_level_id,
            "capability_stage": s.capability_level_id,
            "stage_held_back_by": s.stage_held_back_by.value if s.stage_held_back_by else None,
            "dont_know_share": round(s.dont_know_share, 3),
            "dimensions": {
                d.dimension_id: {
                    "score": d.score,
                    "coverage": round(d.coverage, 3),
                    "level": d.level_id if d.score is not None else None,
                }
                for d in s.dimensions.values()
            },
            "power": None
            if power is None
            else {
                "index": power.index,
                "level": power.level.value if power.level else None,
                "aim": power.aim.value if power.aim else None,
                "consultation_trap": power.consultation_trap,
            },
        },
        "recommendations": [r.recommendation_id for r in recommend(q, s, answer_set)],
        "action_plan": [
            {
                "action": row.action,
                "owner": row.owner,
                "due_on": row.due_on.isoformat() if row.due_on else None,
                "status": str(row.status),
                "recommendation_id": row.recommendation_id,
            }
            for row in actions.plan_of(assessment)
        ],
    }


def team_of(assessment: Assessment) -> Team | None:
    return db.session.get(Team, assessment.team_id) if assessment.team_id else None


def listed(organisation: Organisation) -> list[tuple[Team, list[Assessment]]]:
    """The organisation's teams with their submitted assessments, newest first (the export
    page links each one's JSON); two queries."""
    teams = list(organisation.teams)
    found: dict[int, list[Assessment]] = {t.id: [] for t in teams}
    query = (
        select(Assessment)
        .where(
            Assessment.team_id.in_([t.id for t in teams]),
            Assessment.status == AssessmentStatus.SUBMITTED,
        )
        .order_by(Assessment.submitted_at.desc(), Assessment.id.desc())
    )
    for assessment in db.session.scalars(query):
        found[assessment.team_id].append(assessment)
    return [(t, found[t.id]) for t in teams]


def record_export(by: User | None, organisation: Organisation, what: str) -> None:
    """Leave an event in the organisation's audit log: `by` exported `what` (e.g.
    "scores.csv", "assessment 12 (JSON)")."""
    audit.record(
        by, AuditAction.EXPORTED, organisation_id=organisation.id, detail=what, commit=True
    )
