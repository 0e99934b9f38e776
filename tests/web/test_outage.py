"""Request tests for a database that cannot be reached: a 503 with Retry-After, in the
person's language, saying the page was not saved and showing what they typed; logs that
carry no token, no reflection and no flood of tracebacks."""

from __future__ import annotations

import io
import logging
import secrets

import pytest

from roadmap import create_app
from roadmap.extensions import db
from roadmap.logs import ThrottleTracebacks
from roadmap.models.assessment import Assessment, Reflection
from tests.conftest import DATA, csrf_from

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture()
def database_down(app, monkeypatch):
    """Make the database fail like a server that went away: every statement (or only the
    writes) raises the driver's own OperationalError, which SQLAlchemy wraps as usual."""

    def fail(only_writes: bool = False) -> None:
        with app.app_context():
            dialect = db.engine.dialect
        error = dialect.loaded_dbapi.OperationalError
        real_execute, real_no_params = dialect.do_execute, dialect.do_execute_no_params

        def refuse(statement: str) -> None:
            if not only_writes or statement.lstrip().upper().startswith(WRITES):
                raise error("server closed the connection unexpectedly")

        def do_execute(cursor, statement, parameters, context=None):
            refuse(statement)
            return real_execute(cursor, statement, parameters, context)

        def do_execute_no_params(cursor, statement, context=None):
            refuse(statement)
            return real_no_params(cursor, statement, context)

        monkeypatch.setattr(dialect, "do_execute", do_execute)
        monkeypatch.setattr(dialect, "do_execute_no_params", do_execute_no_params)

    return fail


@pytest.fixture()
def log_output():
    """What the app's own log handler writes (after redaction and throttling), with the
    traceback throttle's memory of earlier tests cleared."""
    for throttle in logging.getLogger("roadmap").filters:
        if isinstance(throttle, ThrottleTracebacks):
            throttle._seen.clear()
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "roadmap", 0))
    stream = io.StringIO()
    old = handler.setStream(stream)
    yield stream
    handler.setStream(old)


def saved_reflections(app, token) -> dict:
    with app.app_context():
        a = db.session.scalar(db.select(Assessment).where(Assessment.token == token))
        rows = db.session.scalars(db.select(Reflection).where(Reflection.assessment_id == a.id))
        return {r.item_id: r.text for r in rows}


def test_a_page_sent_during_an_outage_is_a_503_that_shows_what_was_typed(
    client, post_form, start_assessment, app, database_down
):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    post_form(url, {"r1": "4", "purpose_text": "Première version"})
    html = client.get(url).get_data(as_text=True)
    database_down(only_writes=True)
    typed = "Deuxième version, <b>avec</b> des détails"
    response = client.post(
        url, data={"csrf_token": csrf_from(html), "r1": "2", "purpose_text": typed}
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "La page que vous venez d’envoyer n’a pas été enregistrée." in page
    assert "Ce que vous aviez saisi sur cette page" in page
    assert "Deuxième version, &lt;b&gt;avec&lt;/b&gt; des détails</textarea>" in page
    assert "Que voulez-vous réaliser ?</label>" in page  # labelled by its question


def test_the_refused_page_changed_nothing(post_form, start_assessment, app, database_down):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    post_form(url, {"r1": "4", "purpose_text": "Première version"})
    database_down(only_writes=True)
    assert post_form(url, {"purpose_text": "Deuxième"}).status_code == 503
    with app.app_context():
        db.session.remove()
    # The patch is still on, but reads work: what was saved before is intact.
    assert saved_reflections(app, token) == {"purpose_text": "Première version"}


def test_reading_during_an_outage_is_a_503_in_the_persons_language(
    client, start_assessment, database_down
):
    token = start_assessment(language="en")
    database_down()
    response = client.get(f"/assessment/{token}?lang=en")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = response.get_data(as_text=True)
    assert "Sorry, the service is unavailable" in page
    assert "The answers you saved before are safe. Wait a minute and reload this page." in page
    assert "was not saved" not in page  # nothing was being sent


def test_outage_logs_carry_no_token_no_reflection_and_no_parameters(
    client, post_form, start_assessment, database_down, caplog, log_output
):
    token = start_assessment(service_name="Maison des aînés de Verdun")
    url = f"/assessment/{token}/step/start"
    database_down(only_writes=True)
    secret_text = "Notre équipe manque de moyens pour aller vers les familles"
    with caplog.at_level(logging.INFO):
        assert post_form(url, {"purpose_text": secret_text}).status_code == 503
    written = log_output.getvalue()
    assert "Database unavailable: OperationalError" in written
    assert "POST /assessment/[token]/step/start 503" in written
    for text in (caplog.text, written):
        assert token not in text
        assert secret_text not in text and "Maison des aînés" not in text
        assert "[parameters:" not in text


def test_an_unreachable_database_is_a_503_with_one_traceback_for_many_requests():
    """A real outage: nothing listens on the database port. Thirty requests log one
    traceback, and one access-log line each (the 5-second outage of the issue wrote 2.8 MB)."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "outage",
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u@127.0.0.1:9/none?connect_timeout=2",
            "AUTO_MIGRATE": False,
            "QUESTIONNAIRE_DIR": str(DATA),
            "DEFAULT_QUESTIONNAIRE": "tiny",
        }
    )
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "roadmap", 0))
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        client = app.test_client()
        tokens = [secrets.token_urlsafe(24) for _ in range(30)]
        statuses = {client.get(f"/results/{t}").status_code for t in tokens}
    finally:
        handler.setStream(old)
        with app.app_context():
            db.engine.dispose()
    assert statuses == {503}
    written = stream.getvalue()
    assert written.count("Database unavailable") == 1
    assert written.count("GET /results/[token] 503") == 30
    assert len(written) < 15_000, len(written)
    assert not any(t in written for t in tokens)


def test_a_page_sent_while_another_process_writes_to_sqlite_waits_and_is_saved(
    app, post_form, start_assessment, database_url
):
    # Several worker processes share one SQLite file: a writer waits for the one ahead of it
    # (WAL, busy timeout) instead of being refused with "database unavailable".
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock")
    import sqlite3
    import threading
    import time

    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    other = sqlite3.connect(
        database_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False
    )
    with app.app_context():
        mode, busy = (
            db.session.execute(db.text("PRAGMA journal_mode")).scalar(),
            db.session.execute(db.text("PRAGMA busy_timeout")).scalar(),
        )
        db.session.remove()
    assert (mode, busy) == ("wal", 15000)
    other.execute("BEGIN IMMEDIATE")  # another process's write transaction, 2 s long
    threading.Timer(2.0, lambda: other.execute("COMMIT")).start()
    start = time.monotonic()
    try:
        response = post_form(url, {"r1": "4", "purpose_text": "Écrit pendant l’autre"})
    finally:
        time.sleep(max(0, 2.2 - (time.monotonic() - start)))
        other.close()
    assert response.status_code == 302
    assert time.monotonic() - start >= 1.5  # it did wait for the lock
    assert saved_reflections(app, token) == {"purpose_text": "Écrit pendant l’autre"}
