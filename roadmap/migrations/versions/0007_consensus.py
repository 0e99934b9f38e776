"""Consensus rounds of workshops: re-votes with their first round kept, re-vote answers, and
the scores a room agreed on.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "revote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("first_round", sa.JSON(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name="fk_revote_workshop_id_workshop",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name="pk_revote"),
        sa.UniqueConstraint("workshop_id", "item_id", name="uq_revote_workshop_id"),
    )
    op.create_index("ix_revote_workshop_id", "revote", ["workshop_id"])
    op.create_table(
        "revote_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revote_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["revote_id"],
            ["revote.id"],
            name="fk_revote_answer_revote_id_revote",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name="fk_revote_answer_assessment_id_assessment",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name="pk_revote_answer"),
        sa.UniqueConstraint("revote_id", "assessment_id", name="uq_revote_answer_revote_id"),
    )
    op.create_index("ix_revote_answer_revote_id", "revote_answer", ["revote_id"])
    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("rationale", sa.String(length=200), nullable=False),
        sa.Column("dissent", sa.String(length=300), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name="fk_agreement_workshop_id_workshop",
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name="pk_agreement"),
        sa.UniqueConstraint("workshop_id", "subject", name="uq_agreement_workshop_id"),
    )
    op.create_index("ix_agreement_workshop_id", "agreement", ["workshop_id"])


def downgrade():
    op.drop_index("ix_agreement_workshop_id", table_name="agreement")
    op.drop_table("agreement")
    op.drop_index("ix_revote_answer_revote_id", table_name="revote_answer")
    op.drop_table("revote_answer")
    op.drop_index("ix_revote_workshop_id", table_name="revote")
    op.drop_table("revote")
