"""Shared fixtures: one app and database per test session, emptied after every test."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from roadmap import create_app
from roadmap.core.questionnaire import Questionnaire
from roadmap.extensions import db

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
# Set to a PostgreSQL URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run
# every database test against PostgreSQL instead of a temporary SQLite file.
TEST_DATABASE_URL = os.environ.get("ROADMAP_TEST_DATABASE_URL")
FAST_HASHING = {"time_cost": 1, "memory_cost": 64, "parallelism": 1}

# Service-level factories (tests/factories.py) for every test.
pytest_plugins = ("factories",)


@pytest.fixture(scope="session")
def cosie() -> Questionnaire:
    """The shipped CoSIE questionnaire, latest version, as the app loads it."""
    from roadmap.content.loader import load_file

    q, problems = load_file(ROOT / "questionnaires" / "cosie-readiness.yaml")
    assert problems == []
    return q


@pytest.fixture(scope="session")
def tiny() -> Questionnaire:
    return Questionnaire.model_validate(yaml.safe_load((DATA / "tiny.yaml").read_text()))


def _reset_database(url: str) -> None:
    """Start PostgreSQL runs from an empty schema so migrations run from scratch."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        meta = sa.MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if TEST_DATABASE_URL:
        _reset_database(TEST_DATABASE_URL)
        return TEST_DATABASE_URL
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "QUESTIONNAIRE_DIR": str(DATA),
            "DEFAULT_QUESTIONNAIRE": "tiny",
            "SERVER_NAME": "localhost",
            "REPORT_PREFETCH": False,  # no background threads in tests (one test turns it on)
            "REPORT_RECYCLE_AFTER": 0,  # render in-process; one test uses the render process
            "RATELIMIT_ENABLED": False,  # the suite starts hundreds; tests/web/test_limits.py
            # Argon2 at its cheapest: the suite hashes hundreds of passwords.
            "PASSWORD_HASH_PARAMETERS": FAST_HASHING,
            "REPORT_CACHE_DIR": str(tmp_path_factory.mktemp("report-cache")),
        }
    )
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_tables(request):
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
    # Ids are reused once the tables are empty: a report cached by one test is not another's.
    for cached in Path(app.config["REPORT_CACHE_DIR"]).glob("*.pdf"):
        cached.unlink()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


@pytest.fixture()
def post_form(client):
    """POST like a browser: fetch the page first and send its CSRF token with the data."""

    def post(url: str, data: dict, page: str | None = None, **kwargs):
        html = client.get(page or url).get_data(as_text=True)
        return client.post(url, data={"csrf_token": csrf_from(html), **data}, **kwargs)

    return post


@pytest.fixture()
def start_assessment(post_form):
    """Create an assessment through the start page; returns its token."""

    def start(language: str = "fr", service_name: str = "Service test", role: str = "manager"):
        response = post_form(
            "/assessment/start",
            {"service_name": service_name, "role": role, "language": language},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        return response.headers["Location"].split("/")[-2]

    return start


@pytest.fixture()
def answer_all(post_form):
    """Answer every question of the tiny questionnaire: a consultation-trap service that
    rarely meets people."""

    def answer(token: str, reflection: str = "Aller vers les familles") -> None:
        post_form(
            f"/assessment/{token}/step/start",
            {"r1": "1", "r2": "1", "r3": "5", "purpose_text": reflection},
        )
        post_form(
            f"/assessment/{token}/step/compass",
            {
                "e1": "4",
                "e2": "4",
                "p_aim": "cocreate",
                "p_decide": "asked",
                "p_budget": "asked",
                "p_eval": "us",
            },
        )

    return answer
