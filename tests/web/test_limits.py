"""Rate limits on starting assessments, re-assessments and PDF downloads: per client address
(after the proxy), in memory or shared through Redis, with a translated 429 page."""

from __future__ import annotations

import socket
import uuid

import pytest

from .variant_app import (
    TOKEN_IN_LOCATION,
    configured_app_fixture,  # noqa: F401 (the configured_app fixture)
    post_page,
    start,
)

REDIS = ("127.0.0.1", 6379)


def redis_running() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


def limited_app(configured_app, **settings):
    return configured_app(RATELIMIT_ENABLED=True, SERVER_NAME=None, **settings)


@pytest.mark.parametrize(
    ("lang", "title", "again"),
    [
        ("fr", "Trop de requêtes", "Réessayez dans 1 minute."),
        ("en", "Too many requests", "Try again in 1 minute."),
    ],
)
def test_starting_too_many_assessments_gets_a_translated_429(configured_app, lang, title, again):
    app = limited_app(configured_app, RATELIMIT_CREATE="2 per minute")
    client = app.test_client()
    assert start(client, lang).status_code == 302
    assert start(client, lang).status_code == 302
    refused = start(client, lang)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    html = refused.get_data(as_text=True)
    assert title in html and again in html
    assert client.get("/assessment/start").status_code == 200  # reading the form is not limited


def test_addresses_behind_the_proxy_are_counted_apart(configured_app):
    app = limited_app(configured_app, RATELIMIT_CREATE="1 per minute", TRUSTED_PROXIES=1)
    client = app.test_client()
    first = {"X-Forwarded-For": "198.51.100.1"}
    second = {"X-Forwarded-For": "198.51.100.2"}
    assert start(client, headers=first).status_code == 302
    assert start(client, headers=first).status_code == 429
    assert start(client, headers=second).status_code == 302


def test_reassessment_is_limited_per_assessment(configured_app):
    app = limited_app(configured_app, RATELIMIT_REASSESS="1 per hour")
    client = app.test_client()
    tokens = [TOKEN_IN_LOCATION.search(start(client).headers["Location"]).group(1) for _ in "ab"]

    def reassess(token):
        # Any of the session's pages carries the CSRF token.
        return post_page(client, f"/assessment/{token}/reassess", {}, page="/assessment/start")

    assert reassess(tokens[0]).status_code == 302
    assert reassess(tokens[0]).status_code == 429
    assert reassess(tokens[1]).status_code == 302


def test_pdf_downloads_are_limited(configured_app):
    app = limited_app(configured_app, RATELIMIT_PDF="1 per minute")
    client = app.test_client()
    token = TOKEN_IN_LOCATION.search(start(client).headers["Location"]).group(1)
    # Not submitted: the download redirects, which still counts as asking for a PDF.
    assert client.get(f"/report/{token}.pdf").status_code == 302
    refused = client.get(f"/report/{token}.pdf")
    assert refused.status_code == 429 and "Retry-After" in refused.headers


def test_limits_can_be_switched_off(configured_app):
    app = configured_app(RATELIMIT_ENABLED=False, RATELIMIT_CREATE="1 per minute")
    client = app.test_client()
    assert [start(client).status_code for _ in range(3)] == [302, 302, 302]


@pytest.mark.skipif(not redis_running(), reason="Redis is not running on 127.0.0.1:6379")
def test_processes_share_their_counters_through_redis(configured_app):
    import redis

    prefix = f"roadmap-test-{uuid.uuid4().hex}"  # parallel runs never share counters
    settings = {
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "RATELIMIT_KEY_PREFIX": prefix,
        "RATELIMIT_CREATE": "2 per minute",
    }
    one, two = (limited_app(configured_app, **settings).test_client() for _ in "12")
    try:
        assert start(one).status_code == 302
        assert start(two).status_code == 302
        refused = start(one)
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
        keys = redis.Redis(*REDIS).keys(f"*{prefix}*")
        assert keys, "no counter was written to Redis"
    finally:
        server = redis.Redis(*REDIS)
        for key in server.scan_iter(f"*{prefix}*"):
            server.delete(key)
