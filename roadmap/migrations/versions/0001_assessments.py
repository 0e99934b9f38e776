"""Assessments with their answers and reflections.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=64), nullable=False),
        sa.Column("questionnaire_version", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("service_name", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["assessment.id"],
            name="fk_assessment_previous_id_assessment",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_assessment"),
        sa.UniqueConstraint("token", name="uq_assessment_token"),
    )
    for table, column, kind in (
        ("answer", "value", sa.String(length=64)),
        ("reflection", "text", sa.Text()),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("assessment_id", sa.Integer(), nullable=False),
            sa.Column("item_id", sa.String(length=64), nullable=False),
            sa.Column(column, kind, nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.ForeignKeyConstraint(
                ["assessment_id"],
                ["assessment.id"],
                name=f"fk_{table}_assessment_id_assessment",
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            sa.UniqueConstraint("assessment_id", "item_id", name=f"uq_{table}_assessment_id"),
        )
        op.create_index(f"ix_{table}_assessment_id", table, ["assessment_id"])


def downgrade():
    op.drop_table("reflection")
    op.drop_table("answer")
    op.drop_table("assessment")
