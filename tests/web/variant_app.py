"""A fixture for tests that need the app with other settings (proxy, limits) on the suite's
database: `configured_app(**settings)`."""

from __future__ import annotations

import re

import pytest

from roadmap import create_app
from roadmap.extensions import db
from tests.conftest import DATA, csrf_from

TOKEN_IN_LOCATION = re.compile(r"/assessment/([\w-]+)/created")


@pytest.fixture(name="configured_app")
def configured_app_fixture(app, database_url):
    """Builds apps on the (migrated) test database; the suite's `app` empties the tables."""
    made = []

    def make(**settings):
        config = {
            "TESTING": True,
            "SECRET_KEY": "test-secret-" + "x" * 32,  # long enough for production
            "SQLALCHEMY_DATABASE_URI": database_url,
            "QUESTIONNAIRE_DIR": str(DATA),
            "DEFAULT_QUESTIONNAIRE": "tiny",
            "AUTO_MIGRATE": False,
            "REPORT_PREFETCH": False,
            "REPORT_RECYCLE_AFTER": 0,
            **settings,
        }
        new = create_app(config)
        made.append(new)
        return new

    yield make
    for each in made:
        with each.app_context():
            db.session.remove()
            db.engine.dispose()


def post_page(client, url: str, data: dict, page: str | None = None, **kwargs):
    """GET the page (for its CSRF token), then POST it like a browser, with the same kwargs."""
    html = client.get(page or url, **kwargs).get_data(as_text=True)
    return client.post(url, data={"csrf_token": csrf_from(html), **data}, **kwargs)


def start(client, language: str = "fr", **kwargs):
    """Start an assessment through the start page; returns the response."""
    return post_page(
        client,
        "/assessment/start",
        {"service_name": "Service", "role": "manager", "language": language},
        **kwargs,
    )
