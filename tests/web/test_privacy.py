"""Personal data: deletion from the private link, the purge command, no caching of private
pages, a private SQLite file, and a CSP with no 'unsafe-inline' outside the Plotly page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from flask.cli import ScriptInfo

from roadmap import create_app
from roadmap.cli import cli
from roadmap.extensions import db
from roadmap.models.assessment import Answer, Assessment, Reflection
from tests.conftest import DATA, csrf_from


@pytest.fixture()
def roadmap_command(app):
    """Run `roadmap ARGS…` against the test app."""

    def run(*args: str):
        return CliRunner().invoke(cli, list(args), obj=ScriptInfo(create_app=lambda: app))

    return run


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_the_delete_page_says_what_is_deleted(client, post_form, start_assessment):
    token = start_assessment()
    post_form(f"/assessment/{token}/step/start", {"r1": "4", "r2": "2", "purpose_text": "Note"})
    overview = client.get(f"/assessment/{token}").get_data(as_text=True)
    assert f'href="/assessment/{token}/delete"' in overview
    response = client.get(f"/assessment/{token}/delete?lang=en")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "2 answers to rated or multiple-choice questions" in html
    assert "1 written reflection" in html
    assert "the private link will stop working" in html
    assert 'class="govuk-button govuk-button--warning"' in html
    assert response.headers["Cache-Control"] == "no-store"


def test_deleting_needs_the_csrf_token(client, start_assessment, app):
    token = start_assessment()
    response = client.post(f"/assessment/{token}/delete")
    assert response.status_code == 400
    assert count(app, Assessment) == 1


def test_deleting_forgets_everything_and_the_link_stops_working(
    client, post_form, start_assessment, app
):
    token = start_assessment()
    other = start_assessment()
    post_form(f"/assessment/{token}/step/start", {"r1": "4", "purpose_text": "Note privée"})
    response = post_form(f"/assessment/{token}/delete", {}, follow_redirects=True)
    assert response.status_code == 200
    assert "Votre autodiagnostic a été supprimé." in response.get_data(as_text=True)
    assert client.get(f"/assessment/{token}").status_code == 404
    assert count(app, Assessment) == 1 and count(app, Answer) == 0 and count(app, Reflection) == 0
    assert client.get(f"/assessment/{other}").status_code == 200


def test_purge_command_deletes_only_lapsed_links(roadmap_command, start_assessment, app):
    lapsed, alive = start_assessment(), start_assessment()
    with app.app_context():
        db.session.execute(
            db.update(Assessment)
            .where(Assessment.token == lapsed)
            .values(updated_at=datetime.now(UTC) - timedelta(days=31))
        )
        db.session.commit()
    dry = roadmap_command("purge", "--unused-for", "30", "--dry-run")
    assert dry.exit_code == 0 and "1 assessment(s) unused for 30 days" in dry.output
    assert count(app, Assessment) == 2
    result = roadmap_command("purge", "--unused-for", "30")
    assert result.exit_code == 0, result.output
    assert "deleted 1 assessment(s)" in result.output
    with app.app_context():
        assert list(db.session.scalars(db.select(Assessment.token))) == [alive]


def test_purge_refuses_zero_days(roadmap_command, start_assessment, app):
    start_assessment()
    result = roadmap_command("purge", "--unused-for", "0")
    assert result.exit_code == 2
    assert count(app, Assessment) == 1


def test_private_pages_are_not_cached(client, post_form, start_assessment, answer_all):
    token = start_assessment()
    answer_all(token)
    post_form(f"/assessment/{token}/check", {})
    for url in (
        f"/assessment/{token}/created",
        f"/assessment/{token}",
        f"/assessment/{token}/step/start",
        f"/assessment/{token}/check",
        f"/results/{token}",
        f"/assessment/{token}/delete",
        "/assessment/not-a-token",
    ):
        response = client.get(url)
        assert "no-store" in response.headers.get("Cache-Control", ""), url
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


def test_the_sqlite_database_is_created_readable_by_its_owner_only(tmp_path, monkeypatch):
    from flask import Flask

    monkeypatch.setattr(Flask, "auto_find_instance_path", lambda self: str(tmp_path / "inst"))
    create_app({"QUESTIONNAIRE_DIR": str(DATA)})
    database = tmp_path / "inst" / "roadmap.db"
    assert database.stat().st_size > 0  # migrated
    for path in [database, *database.parent.glob("roadmap.db-*")]:  # WAL and shared memory
        assert path.stat().st_mode & 0o077 == 0, path


def test_no_page_uses_an_inline_style(client, post_form, start_assessment, answer_all):
    token = start_assessment()
    answer_all(token)
    post_form(f"/assessment/{token}/check", {})
    for url in ("/", "/assessment/start", f"/assessment/{token}/step/start", f"/results/{token}"):
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"\sstyle=", html), url
        assert "<style" not in html, url
    html = client.get(f"/assessment/{token}/step/start").get_data(as_text=True)
    assert 'class="app-bar__fill app-w-100"' in html  # every question answered


@pytest.mark.parametrize("url", ["/", "/assessment/start", "/methods", "/does-not-exist"])
def test_the_csp_allows_no_inline_style(client, url):
    csp = client.get(url).headers["Content-Security-Policy"]
    assert "style-src 'self';" in csp and "unsafe-inline" not in csp


def test_only_the_plotly_results_page_relaxes_style_src(client, post_form, start_assessment):
    token = start_assessment()
    post_form(f"/assessment/{token}/check", {})
    assert (
        "style-src 'self' 'unsafe-inline'"
        in client.get(f"/results/{token}").headers["Content-Security-Policy"]
    )
    for url in (f"/assessment/{token}", f"/assessment/{token}/check"):
        assert "unsafe-inline" not in client.get(url).headers["Content-Security-Policy"]
    html = client.get(f"/assessment/{token}/delete").get_data(as_text=True)
    assert csrf_from(html)
