"""Migration 0006 on a database holding accounts and assessments: they keep their data, the
workshop columns start empty, a workshop with participants can be stored, and it goes back."""

from __future__ import annotations

import sqlalchemy as sa

from roadmap.extensions import db

from .variant_app import configured_app_fixture  # noqa: F401 (the configured_app fixture)

NOW = {"now": "2026-01-01 10:00:00+00:00"}


def _upgrade(configured_app, url: str) -> None:
    from flask_migrate import downgrade, upgrade

    from roadmap import paths

    app = configured_app(SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade(directory=str(paths.MIGRATIONS), revision="0002")
        with db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO organisation (id, name, created_at) VALUES (1, 'Laval', :now)"
                ),
                NOW,
            )
            conn.execute(
                sa.text(
                    "INSERT INTO assessment (id, token, questionnaire_id, questionnaire_version,"
                    " locale, status, created_at, updated_at) VALUES (1, 'tok', 'tiny', 2, 'fr',"
                    " 'submitted', :now, :now)"
                ),
                NOW,
            )
        upgrade(directory=str(paths.MIGRATIONS), revision="0006")
        with db.engine.begin() as conn:
            row = conn.execute(sa.text("SELECT workshop_id, workshop_role FROM assessment")).one()
            assert tuple(row) == (None, None)
            conn.execute(
                sa.text(
                    "INSERT INTO workshop (id, organisation_id, title, questionnaire_id,"
                    " questionnaire_version, sections, revealed, languages, role_tags, k, code,"
                    " state, created_at, changed_at) VALUES (1, 1, 'Atelier', 'tiny', 2,"
                    " '[\"compass\"]', '[]', '[\"fr\"]', '[]', 5, 'KP7Q3M', 'open', :now, :now)"
                ),
                NOW,
            )
            conn.execute(sa.text("UPDATE assessment SET workshop_id = 1, workshop_role = 'x'"))
            assert conn.execute(sa.text("SELECT code FROM workshop")).scalar() == "KP7Q3M"
        downgrade(directory=str(paths.MIGRATIONS), revision="0002")
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT token FROM assessment")).scalar() == "tok"
        db.session.remove()


def test_0006_upgrades_a_database_holding_data_and_back(configured_app, tmp_path, database_url):
    if not database_url.startswith("postgresql"):
        _upgrade(configured_app, f"sqlite:///{tmp_path / 'old.db'}")
        return
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS workshop_upgrade CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA workshop_upgrade"))
    try:
        _upgrade(configured_app, database_url + "?options=-csearch_path%3Dworkshop_upgrade")
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA workshop_upgrade CASCADE"))
        engine.dispose()
