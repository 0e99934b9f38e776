"""Workshops: answers typed in from paper, a workshop that follows another (before/after), and
the keyed hash of the code a participant chose to pair their two answers.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    # Existing assessments were answered on a screen and paired with nothing.
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(
            sa.Column("typed_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("pair_hash", sa.String(length=64), nullable=True))
        batch.create_index("ix_assessment_pair_hash", ["pair_hash"])
    with op.batch_alter_table("workshop") as batch:
        batch.add_column(sa.Column("follows_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_workshop_follows_id_workshop",
            "workshop",
            ["follows_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("workshop") as batch:
        batch.drop_constraint("fk_workshop_follows_id_workshop", type_="foreignkey")
        batch.drop_column("follows_id")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_index("ix_assessment_pair_hash")
        batch.drop_column("pair_hash")
        batch.drop_column("typed_in")
