"""Workshops; an assessment may be a participant's answers in one, with a role tag.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "workshop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=64), nullable=False),
        sa.Column("questionnaire_version", sa.Integer(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("revealed", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("role_tags", sa.JSON(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name="fk_workshop_organisation_id_organisation",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["account.id"],
            name="fk_workshop_created_by_id_account",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_workshop"),
        sa.UniqueConstraint("code", name="uq_workshop_code"),
    )
    op.create_index("ix_workshop_organisation_id", "workshop", ["organisation_id"])
    # Existing assessments are no workshop's: both new columns are empty for them.
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("workshop_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("workshop_role", sa.String(length=40), nullable=True))
        batch.create_foreign_key(
            "fk_assessment_workshop_id_workshop",
            "workshop",
            ["workshop_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index("ix_assessment_workshop_id", ["workshop_id"])


def downgrade():
    with op.batch_alter_table("assessment") as batch:
        batch.drop_index("ix_assessment_workshop_id")
        batch.drop_constraint("fk_assessment_workshop_id_workshop", type_="foreignkey")
        batch.drop_column("workshop_role")
        batch.drop_column("workshop_id")
    op.drop_index("ix_workshop_organisation_id", table_name="workshop")
    op.drop_table("workshop")
