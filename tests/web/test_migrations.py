"""Migrations: they build the schema the models describe, on SQLite and on PostgreSQL."""

import json

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from roadmap.extensions import db

from .variant_app import configured_app_fixture  # noqa: F401 (the configured_app fixture)


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_database_dialect_is_the_one_asked_for(app, database_url):
    with app.app_context():
        assert db.engine.dialect.name == database_url.split(":")[0].split("+")[0]


def _upgrade_holding_assessments(configured_app, url: str) -> None:
    """Migrate to 0001, store an assessment with an answer, then upgrade to the head."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from roadmap import paths

    app = configured_app(SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade(directory=str(paths.MIGRATIONS), revision="0001")
        with db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO assessment (id, token, questionnaire_id, questionnaire_version,"
                    " locale, service_name, status, created_at, updated_at) VALUES (1, 'tok',"
                    " 'tiny', 2, 'fr', 'Accueil', 'submitted', :now, :now)"
                ),
                {"now": "2026-01-01 10:00:00+00:00"},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO answer (assessment_id, item_id, value, updated_at)"
                    " VALUES (1, 'r1', '4', :now)"
                ),
                {"now": "2026-01-01 10:00:00+00:00"},
            )
        upgrade(directory=str(paths.MIGRATIONS))
        with db.engine.connect() as conn:
            row = conn.execute(
                sa.text("SELECT token, service_name, team_id, owner_id FROM assessment")
            ).one()
            assert tuple(row) == ("tok", "Accueil", None, None)
            assert conn.execute(sa.text("SELECT value FROM answer")).scalar() == "4"
            # 0005 backfilled the ledger's snapshot of the submitted assessment with the core.
            record = conn.execute(sa.text("SELECT record FROM assessment_snapshot")).scalar()
            record = json.loads(record) if isinstance(record, str) else record
            assert record["dimensions"]["relations"] == 75 and record["questionnaire_id"] == "tiny"
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        with db.engine.begin() as conn:  # the old assessment takes an action plan (0003)
            conn.execute(
                sa.text(
                    "INSERT INTO action_item (assessment_id, position, action, status,"
                    " created_at, updated_at) VALUES (1, 1, 'Aller vers', 'done', :now, :now)"
                ),
                {"now": "2026-01-02 10:00:00+00:00"},
            )
        downgrade(directory=str(paths.MIGRATIONS), revision="0002")  # the plan goes, not the rest
        with db.engine.connect() as conn:
            assert (
                conn.execute(sa.text("SELECT service_name FROM assessment")).scalar() == "Accueil"
            )
            assert "action_item" not in sa.inspect(conn).get_table_names()
        upgrade(directory=str(paths.MIGRATIONS))
        downgrade(directory=str(paths.MIGRATIONS), revision="0001")  # and back
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT token FROM assessment")).scalar() == "tok"
        db.session.remove()


def test_upgrade_keeps_the_assessments_of_an_existing_database(
    configured_app, tmp_path, database_url
):
    import sqlalchemy as sa

    if not database_url.startswith("postgresql"):
        _upgrade_holding_assessments(configured_app, f"sqlite:///{tmp_path / 'old.db'}")
        return
    # On PostgreSQL, in a schema of its own inside the test database, dropped afterwards.
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS upgrade_check CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA upgrade_check"))
    try:
        _upgrade_holding_assessments(
            configured_app, database_url + "?options=-csearch_path%3Dupgrade_check"
        )
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA upgrade_check CASCADE"))
        engine.dispose()


def _upgrade_holding_accounts(configured_app, url: str) -> None:
    """Migrate to 0002, store an account in a team with a claimed assessment, upgrade to the
    head (the audit log), write an event, then go back to 0002."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from roadmap import paths

    now = {"now": "2026-01-01 10:00:00+00:00"}
    app = configured_app(SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade(directory=str(paths.MIGRATIONS), revision="0002")
        with db.engine.begin() as conn:
            for statement in (
                "INSERT INTO account (id, email, active, admin, session_epoch, created_at)"
                " VALUES (1, 'camille@example.org', true, false, 0, :now)",
                "INSERT INTO organisation (id, name, created_at) VALUES (1, 'Ville', :now)",
                "INSERT INTO team (id, organisation_id, name, created_at)"
                " VALUES (1, 1, 'Accueil', :now)",
                "INSERT INTO membership (user_id, team_id, created_at) VALUES (1, 1, :now)",
                "INSERT INTO assessment (id, token, questionnaire_id, questionnaire_version,"
                " locale, status, team_id, owner_id, created_at, updated_at)"
                " VALUES (1, 'tok', 'tiny', 2, 'fr', 'submitted', 1, 1, :now, :now)",
            ):
                conn.execute(sa.text(statement), now)
        upgrade(directory=str(paths.MIGRATIONS))
        with db.engine.begin() as conn:
            row = conn.execute(sa.text("SELECT owner_id, team_id FROM assessment")).one()
            assert tuple(row) == (1, 1)
            assert conn.execute(sa.text("SELECT count(*) FROM audit_event")).scalar() == 0
            conn.execute(
                sa.text(
                    "INSERT INTO audit_event (at, action, organisation_id, actor_id, actor_email)"
                    " VALUES (:now, 'exported', 1, 1, 'camille@example.org')"
                ),
                now,
            )
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        downgrade(directory=str(paths.MIGRATIONS), revision="0002")
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT email FROM account")).scalar() == (
                "camille@example.org"
            )
            assert "audit_event" not in sa.inspect(conn).get_table_names()
        db.session.remove()


def test_upgrade_keeps_the_accounts_of_an_existing_database(configured_app, tmp_path, database_url):
    import sqlalchemy as sa

    if not database_url.startswith("postgresql"):
        _upgrade_holding_accounts(configured_app, f"sqlite:///{tmp_path / 'accounts.db'}")
        return
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS upgrade_accounts CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA upgrade_accounts"))
    try:
        _upgrade_holding_accounts(
            configured_app, database_url + "?options=-csearch_path%3Dupgrade_accounts"
        )
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA upgrade_accounts CASCADE"))
        engine.dispose()
