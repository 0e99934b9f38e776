"""Migrations: they build the schema the models describe, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from roadmap.extensions import db


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_database_dialect_is_the_one_asked_for(app, database_url):
    with app.app_context():
        assert db.engine.dialect.name == database_url.split(":")[0].split("+")[0]
