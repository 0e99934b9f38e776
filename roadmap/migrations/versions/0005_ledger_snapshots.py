"""Snapshots of submitted assessments' scores for the readiness ledger, backfilled.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _backfill(conn) -> None:
    """Score every submitted assessment once with the core, as submitting does now. Needs the
    app's questionnaires (Flask-Migrate runs inside the app); an assessment whose questionnaire
    version is no longer installed gets no snapshot (its results cannot be read either)."""
    from flask import current_app

    from roadmap.core.answers import AnswerSet, decode_value
    from roadmap.core.ledger import snapshot_record
    from roadmap.core.results import analyse

    found = current_app.extensions.get("roadmap.catalogue")
    if found is None:
        return
    rows = conn.execute(
        sa.text(
            "SELECT id, questionnaire_id, questionnaire_version, locale FROM assessment"
            " WHERE status = 'submitted'"
        )
    ).all()
    insert = sa.text(
        "INSERT INTO assessment_snapshot (assessment_id, record, computed_at)"
        " VALUES (:id, :record, CURRENT_TIMESTAMP)"
    ).bindparams(sa.bindparam("record", type_=sa.JSON))
    for assessment_id, qid, version, locale in rows:
        q = found.get(qid, version)
        if q is None:
            continue
        answers = conn.execute(
            sa.text("SELECT item_id, value FROM answer WHERE assessment_id = :id"),
            {"id": assessment_id},
        ).all()
        answer_set = AnswerSet(
            questionnaire=qid,
            version=version,
            locale=locale,
            answers={item: decode_value(value) for item, value in answers},
            reflections={},
        )
        record = snapshot_record(analyse(q, answer_set))
        conn.execute(insert, {"id": assessment_id, "record": record})


def upgrade():
    op.create_table(
        "assessment_snapshot",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name="fk_assessment_snapshot_assessment_id_assessment",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("assessment_id", name="pk_assessment_snapshot"),
    )
    _backfill(op.get_bind())


def downgrade():
    op.drop_table("assessment_snapshot")
