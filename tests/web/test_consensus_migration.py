"""Migration 0007 on a database holding a workshop with a participant: they keep their data,
a re-vote with its answers and an agreed score can be stored, and it goes back to 0006."""

from __future__ import annotations

import sqlalchemy as sa

from roadmap.extensions import db

from .variant_app import configured_app_fixture  # noqa: F401 (the configured_app fixture)

NOW = {"now": "2026-01-01 10:00:00+00:00"}


def _upgrade(configured_app, url: str) -> None:
    from flask_migrate import downgrade, upgrade

    from roadmap import paths

    app = configured_app(SQLALCHEMY_DATABASE_URI=url)
    folder = str(paths.MIGRATIONS)
    with app.app_context():
        upgrade(directory=folder, revision="0006")
        with db.engine.begin() as conn:
            for sql in (
                "INSERT INTO organisation (id, name, created_at) VALUES (1, 'Laval', :now)",
                "INSERT INTO workshop (id, organisation_id, title, questionnaire_id,"
                " questionnaire_version, sections, revealed, languages, role_tags, k, code,"
                " state, created_at, changed_at) VALUES (1, 1, 'Atelier', 'tiny', 2,"
                " '[\"compass\"]', '[]', '[\"fr\"]', '[]', 5, 'KP7Q3M', 'open', :now, :now)",
                "INSERT INTO assessment (id, token, questionnaire_id, questionnaire_version,"
                " locale, status, created_at, updated_at, workshop_id) VALUES (1, 'tok', 'tiny',"
                " 2, 'fr', 'submitted', :now, :now, 1)",
            ):
                conn.execute(sa.text(sql), NOW)
        upgrade(directory=folder, revision="0007")
        with db.engine.begin() as conn:
            assert conn.execute(sa.text("SELECT workshop_id FROM assessment")).scalar() == 1
            conn.execute(
                sa.text(
                    "INSERT INTO revote (id, workshop_id, item_id, first_round, opened_at)"
                    " VALUES (1, 1, 'e1', '[0, 2, 0, 2, 0, 0, 0]', :now)"
                ),
                NOW,
            )
            conn.execute(
                sa.text(
                    "INSERT INTO revote_answer (revote_id, assessment_id, value, updated_at)"
                    " VALUES (1, 1, '4', :now)"
                ),
                NOW,
            )
            conn.execute(
                sa.text(
                    "INSERT INTO agreement (workshop_id, kind, subject, score, rationale,"
                    " recorded_at) VALUES (1, 'item', 'e1', 4, 'Accord', :now)"
                ),
                NOW,
            )
        with db.engine.connect() as conn:  # once per person and re-vote
            try:
                with conn.begin():
                    conn.execute(
                        sa.text(
                            "INSERT INTO revote_answer (revote_id, assessment_id, value,"
                            " updated_at) VALUES (1, 1, '5', :now)"
                        ),
                        NOW,
                    )
                raise AssertionError("a second re-vote answer of one person was stored")
            except sa.exc.IntegrityError:
                pass
        downgrade(directory=folder, revision="0006")
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT code FROM workshop")).scalar() == "KP7Q3M"
            assert "revote" not in sa.inspect(conn).get_table_names()
        db.session.remove()


def test_0007_upgrades_a_database_holding_data_and_back(configured_app, tmp_path, database_url):
    if not database_url.startswith("postgresql"):
        _upgrade(configured_app, f"sqlite:///{tmp_path / 'old.db'}")
        return
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS consensus_upgrade CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA consensus_upgrade"))
    try:
        _upgrade(configured_app, database_url + "?options=-csearch_path%3Dconsensus_upgrade")
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA consensus_upgrade CASCADE"))
        engine.dispose()
