"""Accounts, organisations, teams, roles, invitations, reset links; assessments get a team.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete
    )


def upgrade():
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("admin", sa.Boolean(), nullable=False),
        sa.Column("session_epoch", sa.Integer(), nullable=False),
        _stamp("created_at"),
        _stamp("last_login_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_account"),
        sa.UniqueConstraint("email", name="uq_account_email"),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        _stamp("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_organisation"),
        sa.UniqueConstraint("name", name="uq_organisation_name"),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        _stamp("created_at"),
        _fk("team", "organisation_id", "organisation", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_team"),
        sa.UniqueConstraint("organisation_id", "name", name="uq_team_organisation_id"),
    )
    op.create_index("ix_team_organisation_id", "team", ["organisation_id"])
    op.create_table(
        "password_reset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _stamp("created_at"),
        _stamp("expires_at"),
        _stamp("used_at", nullable=True),
        _fk("password_reset", "user_id", "account", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_password_reset"),
        sa.UniqueConstraint("token_hash", name="uq_password_reset_token_hash"),
    )
    op.create_index("ix_password_reset_user_id", "password_reset", ["user_id"])
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        _stamp("created_at"),
        _fk("membership", "user_id", "account", "CASCADE"),
        _fk("membership", "team_id", "team", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_membership"),
        sa.UniqueConstraint("user_id", "team_id", name="uq_membership_user_id"),
    )
    op.create_index("ix_membership_user_id", "membership", ["user_id"])
    op.create_index("ix_membership_team_id", "membership", ["team_id"])
    op.create_table(
        "organisation_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        _fk("organisation_role", "user_id", "account", "CASCADE"),
        _fk("organisation_role", "organisation_id", "organisation", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_organisation_role"),
        sa.UniqueConstraint(
            "user_id", "organisation_id", "role", name="uq_organisation_role_user_id"
        ),
    )
    op.create_index("ix_organisation_role_user_id", "organisation_role", ["user_id"])
    op.create_index(
        "ix_organisation_role_organisation_id", "organisation_role", ["organisation_id"]
    )
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        _stamp("created_at"),
        _stamp("expires_at"),
        _stamp("accepted_at", nullable=True),
        _fk("invitation", "organisation_id", "organisation", "CASCADE"),
        _fk("invitation", "team_id", "team", "CASCADE"),
        _fk("invitation", "invited_by_id", "account", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_invitation"),
        sa.UniqueConstraint("token_hash", name="uq_invitation_token_hash"),
    )
    op.create_index("ix_invitation_organisation_id", "invitation", ["organisation_id"])
    # Existing assessments stay anonymous: both new columns are empty for them.
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_assessment_team_id_team", "team", ["team_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_foreign_key(
            "fk_assessment_owner_id_account", "account", ["owner_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_assessment_team_id", ["team_id"])
        batch.create_index("ix_assessment_owner_id", ["owner_id"])


def downgrade():
    with op.batch_alter_table("assessment") as batch:
        batch.drop_index("ix_assessment_owner_id")
        batch.drop_index("ix_assessment_team_id")
        batch.drop_constraint("fk_assessment_owner_id_account", type_="foreignkey")
        batch.drop_constraint("fk_assessment_team_id_team", type_="foreignkey")
        batch.drop_column("owner_id")
        batch.drop_column("team_id")
    for table in (
        "invitation",
        "organisation_role",
        "membership",
        "password_reset",
        "team",
        "organisation",
        "account",
    ):
        op.drop_table(table)
