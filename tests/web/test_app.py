"""The app factory: configuration, production checks, instance defaults, security headers."""

from pathlib import Path

import pytest

from roadmap import create_app
from roadmap.config import ConfigError

DATA = Path(__file__).parent.parent / "data"


def test_production_requires_secret_and_database(monkeypatch):
    monkeypatch.setenv("ROADMAP_ENV", "production")
    with pytest.raises(ConfigError, match="ROADMAP_SECRET_KEY and ROADMAP_DATABASE_URL"):
        create_app({"QUESTIONNAIRE_DIR": str(DATA)})


def test_environment_variables_configure_the_app(monkeypatch, tmp_path):
    monkeypatch.setenv("ROADMAP_DATABASE_URL", "postgresql://u@h/db")
    monkeypatch.setenv("ROADMAP_SECRET_KEY", "from-env")
    monkeypatch.setenv("ROADMAP_RESUME_TOKEN_DAYS", "30")
    app = create_app({"QUESTIONNAIRE_DIR": str(DATA), "AUTO_MIGRATE": False})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["RESUME_TOKEN_DAYS"] == 30


def test_defaults_create_sqlite_and_secret_in_instance_folder(tmp_path, monkeypatch):
    from flask import Flask

    monkeypatch.setattr(Flask, "auto_find_instance_path", lambda self: str(tmp_path / "inst"))
    app = create_app({"QUESTIONNAIRE_DIR": str(DATA)})
    instance = tmp_path / "inst"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'roadmap.db'}"
    assert (instance / "roadmap.db").exists()  # created and migrated on first start
    key = (instance / "secret_key").read_text()
    assert len(key) == 64 and app.config["SECRET_KEY"] == key
    assert (instance / "secret_key").stat().st_mode & 0o077 == 0
    again = create_app({"QUESTIONNAIRE_DIR": str(DATA)})
    assert again.config["SECRET_KEY"] == key


def test_security_headers_on_every_response(client):
    for url in ("/", "/does-not-exist", "/static/css/roadmap.css"):
        response = client.get(url)
        response.close()
        headers = response.headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_production_sends_the_session_cookie_over_https_only(monkeypatch):
    monkeypatch.setenv("ROADMAP_ENV", "production")
    monkeypatch.setenv("ROADMAP_SECRET_KEY", "s" * 32)
    monkeypatch.setenv("ROADMAP_DATABASE_URL", "sqlite://")
    monkeypatch.setenv("ROADMAP_PUBLIC_URL", "https://roadmap.example.org")
    app = create_app({"QUESTIONNAIRE_DIR": str(DATA), "AUTO_MIGRATE": False})
    assert app.config["SESSION_COOKIE_SECURE"] is True
