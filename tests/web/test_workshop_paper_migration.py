"""Migration 0008 on a database holding a workshop and its participants: they keep their
data, nothing is typed in or paired, a follow-up workshop can be stored, and it goes back."""

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
        upgrade(directory=str(paths.MIGRATIONS), revision="0006")
        with db.engine.begin() as conn:
            conn.execute(
                sa.text("INSERT INTO organisation (id, name, created_at) VALUES (1, 'L', :now)"),
                NOW,
            )
            for wid, code in ((1, "KP7Q3M"), (2, "KP7Q3N")):
                conn.execute(
                    sa.text(
                        "INSERT INTO workshop (id, organisation_id, title, questionnaire_id,"
                        " questionnaire_version, sections, revealed, languages, role_tags, k,"
                        " code, state, created_at, changed_at) VALUES (:id, 1, 'Atelier', 'tiny',"
                        " 2, '[\"compass\"]', '[]', '[\"fr\"]', '[]', 5, :code, 'open', :now,"
                        " :now)"
                    ),
                    {**NOW, "id": wid, "code": code},
                )
            conn.execute(
                sa.text(
                    "INSERT INTO assessment (id, token, questionnaire_id, questionnaire_version,"
                    " locale, status, workshop_id, created_at, updated_at) VALUES (1, 'tok',"
                    " 'tiny', 2, 'fr', 'submitted', 1, :now, :now)"
                ),
                NOW,
            )
        upgrade(directory=str(paths.MIGRATIONS), revision="0008")
        with db.engine.begin() as conn:
            row = conn.execute(
                sa.text("SELECT workshop_id, typed_in, pair_hash FROM assessment")
            ).one()
            assert (row[0], bool(row[1]), row[2]) == (1, False, None)
            conn.execute(sa.text("UPDATE workshop SET follows_id = 1 WHERE id = 2"))
            conn.execute(sa.text("UPDATE assessment SET typed_in = true, pair_hash = 'ab'"))
        downgrade(directory=str(paths.MIGRATIONS), revision="0006")
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT token FROM assessment")).scalar() == "tok"
            assert conn.execute(sa.text("SELECT count(*) FROM workshop")).scalar() == 2
        db.session.remove()


def test_0008_upgrades_a_database_holding_data_and_back(configured_app, tmp_path, database_url):
    if not database_url.startswith("postgresql"):
        _upgrade(configured_app, f"sqlite:///{tmp_path / 'old.db'}")
        return
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS paper_upgrade CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA paper_upgrade"))
    try:
        _upgrade(configured_app, database_url + "?options=-csearch_path%3Dpaper_upgrade")
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA paper_upgrade CASCADE"))
        engine.dispose()
