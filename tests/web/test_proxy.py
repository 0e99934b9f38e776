"""Served over HTTPS behind a reverse proxy: forms still post, links come from the public URL,
forged Host and Origin headers are refused, HSTS in production."""

from __future__ import annotations

import pytest

from roadmap.config import ConfigError

from .variant_app import (
    TOKEN_IN_LOCATION,
    configured_app_fixture,  # noqa: F401 (the configured_app fixture)
    post_page,
    start,
)

PUBLIC = "https://roadmap.example.org"
# What nginx in front of the app sends (proxy_set_header X-Forwarded-*).
FORWARDED = {
    "X-Forwarded-For": "203.0.113.7",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "roadmap.example.org",
}


def browser_headers(origin: str, path: str) -> dict:
    """What a browser sends on a same-origin form POST under Referrer-Policy: same-origin."""
    return {"Origin": origin, "Referer": origin + path}


def test_every_form_posts_over_https(client):
    origin = "https://localhost"
    client = client.application.test_client()
    page = client.get("/assessment/start", base_url=origin)
    # With no-referrer the browser sent no Referer, and Flask-WTF refuses HTTPS POSTs without.
    assert page.headers["Referrer-Policy"] == "same-origin"
    headers = browser_headers(origin, "/assessment/start")
    response = start(client, base_url=origin, headers=headers)
    assert response.status_code == 302, response.get_data(as_text=True)
    token = TOKEN_IN_LOCATION.search(response.headers["Location"]).group(1)
    step = f"/assessment/{token}/step/start"
    saved = post_page(
        client, step, {"r1": "4"}, base_url=origin, headers=browser_headers(origin, step)
    )
    assert saved.status_code == 302


@pytest.mark.parametrize(
    "headers",
    [
        {},  # no Referer: CSRF over HTTPS stays strict
        {"Referer": "https://evil.example/form"},
        {"Origin": "https://evil.example", "Referer": "https://localhost/assessment/start"},
        {"Origin": "null", "Referer": "https://localhost/assessment/start"},
    ],
)
def test_a_post_from_another_site_is_refused(client, headers):
    response = start(
        client.application.test_client(), base_url="https://localhost", headers=headers
    )
    assert response.status_code == 400
    assert "could not be saved" in response.get_data(as_text=True) or "pu être" in (
        response.get_data(as_text=True)
    )


def test_an_origin_from_another_site_is_refused_over_http_too(client):
    response = start(client, headers={"Origin": "http://evil.example"})
    assert response.status_code == 400


def test_behind_a_proxy_links_use_the_public_url(configured_app):
    app = configured_app(PUBLIC_URL=PUBLIC + "/", TRUSTED_PROXIES=1, SERVER_NAME=None)
    client = app.test_client()
    headers = {**FORWARDED, **browser_headers(PUBLIC, "/assessment/start")}
    response = start(client, base_url="http://127.0.0.1:8000", headers=headers)
    assert response.status_code == 302, response.get_data(as_text=True)
    created = client.get(
        response.headers["Location"], base_url="http://127.0.0.1:8000", headers=FORWARDED
    )
    token = TOKEN_IN_LOCATION.search(response.headers["Location"]).group(1)
    assert f'value="{PUBLIC}/assessment/{token}"' in created.get_data(as_text=True)
    assert created.headers.get("Strict-Transport-Security") is None  # not production


def test_a_forged_host_never_reaches_a_link(configured_app):
    # Host headers left open (TRUSTED_HOSTS=[]): the link still names the public URL.
    app = configured_app(PUBLIC_URL=PUBLIC, TRUSTED_HOSTS=[], SERVER_NAME=None)
    client = app.test_client()
    response = start(client, base_url="http://evil.example")
    created = client.get(response.headers["Location"], base_url="http://evil.example")
    html = created.get_data(as_text=True)
    assert "evil.example" not in html
    assert f'value="{PUBLIC}/assessment/' in html


@pytest.mark.parametrize(
    "headers",
    [{"Host": "evil.example"}, {**FORWARDED, "X-Forwarded-Host": "evil.example"}],
)
def test_hosts_other_than_the_public_one_are_refused(configured_app, headers):
    app = configured_app(PUBLIC_URL=PUBLIC, TRUSTED_PROXIES=1, SERVER_NAME=None)
    response = app.test_client().get("/", headers=headers)
    assert response.status_code == 400
    assert "evil.example" not in response.get_data(as_text=True)


def test_a_path_prefix_from_the_proxy_is_kept_once(configured_app):
    public = "https://intranet.example/roadmap"
    app = configured_app(PUBLIC_URL=public, TRUSTED_PROXIES=1, SERVER_NAME=None)
    client = app.test_client()
    headers = {
        **FORWARDED,
        "X-Forwarded-Host": "intranet.example",
        "X-Forwarded-Prefix": "/roadmap",
    }
    origin = "https://intranet.example"
    response = start(
        client, headers={**headers, **browser_headers(origin, "/roadmap/assessment/start")}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    location = response.headers["Location"]
    assert location.startswith("/roadmap/assessment/")
    # The proxy strips its prefix before passing the request on.
    html = client.get(location.removeprefix("/roadmap"), headers=headers).get_data(as_text=True)
    assert f'value="{public}/assessment/' in html


def test_hsts_over_https_in_production(configured_app):
    app = configured_app(
        PUBLIC_URL=PUBLIC, TRUSTED_PROXIES=1, SERVER_NAME=None, HSTS_SECONDS=None, ENV="production"
    )
    client = app.test_client()
    secure = client.get("/", headers=FORWARDED)
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
    plain = client.get("/", headers={**FORWARDED, "X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in plain.headers


def test_production_requires_the_public_url(monkeypatch):
    from roadmap import create_app
    from tests.conftest import DATA

    monkeypatch.setenv("ROADMAP_ENV", "production")
    monkeypatch.setenv("ROADMAP_SECRET_KEY", "s" * 32)
    monkeypatch.setenv("ROADMAP_DATABASE_URL", "sqlite://")
    with pytest.raises(ConfigError, match="ROADMAP_PUBLIC_URL"):
        create_app({"QUESTIONNAIRE_DIR": str(DATA), "AUTO_MIGRATE": False})


def test_a_public_url_that_is_not_a_web_address_is_a_clear_error(configured_app):
    with pytest.raises(ConfigError, match="not a web address"):
        configured_app(PUBLIC_URL="roadmap.example.org")
