"""Request tests for input the database cannot take: NUL characters, files, oversized bodies,
fields missing from a POST, and secret keys that are not strings."""

import io
import re

import pytest
from werkzeug.test import encode_multipart

from roadmap import create_app
from roadmap.config import ConfigError
from roadmap.extensions import db
from roadmap.models.assessment import Assessment, Reflection
from tests.conftest import DATA, csrf_from


def reflections(app, token) -> dict:
    with app.app_context():
        a = db.session.scalar(db.select(Assessment).where(Assessment.token == token))
        rows = db.session.scalars(db.select(Reflection).where(Reflection.assessment_id == a.id))
        return {r.item_id: r.text for r in rows}


def post_multipart(client, url: str, fields: dict):
    """A multipart POST encoded in memory (the test client spools large bodies to a temporary
    file that it does not close when the app refuses the body)."""
    boundary, body = encode_multipart(fields)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def count_assessments(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(Assessment.id)))


def test_nul_in_a_reflection_is_refused_and_the_text_kept_without_it(
    post_form, start_assessment, app
):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    response = post_form(url + "?lang=en", {"r1": "4", "purpose_text": "Aller\x00 vers"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "invisible character (NUL)" in html
    assert ">Aller vers</textarea>" in html  # what was typed, minus the NUL
    assert reflections(app, token) == {}
    # Saving again what the page now holds works, on PostgreSQL too.
    assert post_form(url, {"r1": "4", "purpose_text": "Aller vers"}).status_code == 302
    assert reflections(app, token) == {"purpose_text": "Aller vers"}


def test_nul_in_the_service_name_is_refused_and_kept_without_it(post_form, app):
    response = post_form(
        "/assessment/start?lang=fr", {"service_name": "Soutien\x00 à domicile", "language": "fr"}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "caractère invisible (NUL)" in html
    assert 'value="Soutien à domicile"' in html
    assert count_assessments(app) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/assessment/%00",
        "/assessment/abc%00def",
        "/assessment/abc%00/step/start",
        "/results/%00abc",
        "/report/%00abc.pdf",
    ],
)
def test_nul_in_a_token_is_a_plain_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)


def test_nul_in_a_token_of_a_post_is_a_404(client, post_form, start_assessment):
    token = start_assessment()
    html = client.get(f"/assessment/{token}/step/start").get_data(as_text=True)
    response = client.post(
        f"/assessment/{token}%00/step/start", data={"csrf_token": csrf_from(html), "r1": "4"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("field", ["purpose_text", "r1"])
def test_a_file_in_a_wizard_field_is_a_clear_400(client, start_assessment, app, field):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    html = client.get(url + "?lang=en").get_data(as_text=True)
    response = client.post(
        url,
        data={"csrf_token": csrf_from(html), field: (io.BytesIO(b"secret"), "notes.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "takes typed text only" in page and "Nothing on that page was saved" in page
    assert reflections(app, token) == {}


def test_a_file_as_the_service_name_is_a_clear_400(client, app):
    html = client.get("/assessment/start").get_data(as_text=True)
    response = client.post(
        "/assessment/start",
        data={
            "csrf_token": csrf_from(html),
            "language": "fr",
            "service_name": (io.BytesIO(b"x"), "a.txt"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "uniquement du texte" in response.get_data(as_text=True)
    assert count_assessments(app) == 0


def test_text_posted_as_multipart_without_files_still_saves(client, start_assessment, app):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    html = client.get(url).get_data(as_text=True)
    response = client.post(
        url,
        data={"csrf_token": csrf_from(html), "purpose_text": "En multipart"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert reflections(app, token) == {"purpose_text": "En multipart"}


def test_a_reflection_missing_from_the_post_is_kept(post_form, start_assessment, app):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    post_form(url, {"r1": "4", "purpose_text": "Aller vers les familles"})
    assert post_form(url, {"r1": "2"}).status_code == 302  # no purpose_text field at all
    assert reflections(app, token) == {"purpose_text": "Aller vers les familles"}
    post_form(url, {"r1": "2", "purpose_text": ""})  # the page sends it empty: cleared
    assert reflections(app, token) == {}


@pytest.mark.parametrize("multipart", [False, True])
def test_a_body_over_the_limit_says_the_page_is_too_large(client, start_assessment, multipart):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    html = client.get(url + "?lang=en").get_data(as_text=True)
    fields = {"csrf_token": csrf_from(html), "purpose_text": "x" * 600_000}
    post = post_multipart if multipart else lambda c, u, f: c.post(u, data=f)
    response = post(client, url, fields)
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The page you sent is too large" in page
    assert "Nothing on that page was saved" in page
    assert "Try again later" not in page


def test_one_field_over_the_form_memory_limit_says_the_page_is_too_large(
    client, start_assessment, app
):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    html = client.get(url).get_data(as_text=True)
    # Under MAX_CONTENT_LENGTH (512 KiB) but over Werkzeug's 500 000-byte field limit.
    response = post_multipart(
        client, url, {"csrf_token": csrf_from(html), "purpose_text": "x" * 510_000}
    )
    assert response.status_code == 413
    assert "trop volumineuse" in response.get_data(as_text=True)


def _app(**config):
    return create_app({"QUESTIONNAIRE_DIR": str(DATA), "AUTO_MIGRATE": False, **config})


@pytest.mark.parametrize("raw", ["123", "null", "true", "[1]"])
def test_a_secret_key_that_looks_like_json_stays_a_string(monkeypatch, raw):
    monkeypatch.setenv("ROADMAP_SECRET_KEY", raw)
    app = _app(SQLALCHEMY_DATABASE_URI="sqlite://", DEFAULT_QUESTIONNAIRE="tiny")
    assert app.config["SECRET_KEY"] == raw
    response = app.test_client().get("/assessment/start")
    assert response.status_code == 200
    assert re.search(r'name="csrf_token" value="[^"]+"', response.get_data(as_text=True))


@pytest.mark.parametrize("key", ["1", "x" * 31])
def test_production_refuses_a_short_secret_key(monkeypatch, key):
    monkeypatch.setenv("ROADMAP_ENV", "production")
    monkeypatch.setenv("ROADMAP_SECRET_KEY", key)
    monkeypatch.setenv("ROADMAP_DATABASE_URL", "sqlite://")
    with pytest.raises(ConfigError, match="at least 32 characters"):
        _app()


def test_production_accepts_a_generated_secret_key(monkeypatch):
    monkeypatch.setenv("ROADMAP_ENV", "production")
    monkeypatch.setenv("ROADMAP_SECRET_KEY", "0123456789" * 6 + "abcd")
    monkeypatch.setenv("ROADMAP_DATABASE_URL", "sqlite://")
    monkeypatch.setenv("ROADMAP_PUBLIC_URL", "https://roadmap.example.org")
    assert len(_app().config["SECRET_KEY"]) == 64
