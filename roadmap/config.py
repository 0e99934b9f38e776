"""Configuration: defaults in a class, then ROADMAP_* environment variables, then checks."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask


class ConfigError(Exception):
    """The configuration cannot work; the message says what to set."""


class Config:
    """Defaults for a single-machine install on the embedded SQLite database."""

    ENV = "development"  # ROADMAP_ENV=production makes the secret key and database URL required
    SECRET_KEY: str | None = None
    DATABASE_URL: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    AUTO_MIGRATE = True  # bring the database schema up to date at start-up
    QUESTIONNAIRE_DIR: str | None = None
    DEFAULT_QUESTIONNAIRE = "cosie-readiness"
    BABEL_DEFAULT_LOCALE = "fr"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    LANGUAGES = ("fr", "en")
    RESUME_TOKEN_DAYS = 365  # a resume link stops working after this many days without use
    # People fill in long pages slowly; a CSRF token that expires would throw away their page.
    WTF_CSRF_TIME_LIMIT = None
    MAX_CONTENT_LENGTH = 512 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REPORT_CACHE_SIZE = 64  # rendered PDFs kept in memory (about 100 KB each)
    REPORT_PREFETCH = True  # render the PDF in the background once the results page is shown
    # PDFs render in a child process replaced after this many reports (0: in the web process).
    REPORT_RECYCLE_AFTER = 50


def _instance_secret(instance: Path) -> str:
    """A secret key generated once and kept in the instance folder."""
    key_file = instance / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


def _normalise_url(url: str) -> str:
    # We ship psycopg 3; plain postgres:// URLs (Heroku style) would pick psycopg2.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def finalise(app: Flask) -> None:
    """Fill in the derived settings, or raise ConfigError for production gaps."""
    production = str(app.config.get("ENV", "")).lower() == "production"
    url = app.config.get("SQLALCHEMY_DATABASE_URI") or app.config.get("DATABASE_URL")
    if production:
        missing = [
            name
            for name, value in (
                ("ROADMAP_SECRET_KEY", app.config.get("SECRET_KEY")),
                ("ROADMAP_DATABASE_URL", url),
            )
            if not value
        ]
        if missing:
            raise ConfigError(
                "Production mode (ROADMAP_ENV=production) needs "
                + " and ".join(missing)
                + " to be set."
            )
    if production and "ROADMAP_SESSION_COOKIE_SECURE" not in os.environ:
        # Production runs behind HTTPS: the session cookie (and its CSRF secret) is sent over
        # HTTPS only. ROADMAP_SESSION_COOKIE_SECURE=false opts out on a plain-HTTP intranet.
        app.config["SESSION_COOKIE_SECURE"] = True
    if not url or not app.config.get("SECRET_KEY"):
        os.makedirs(app.instance_path, exist_ok=True)
    if not url:
        url = "sqlite:///" + str(Path(app.instance_path) / "roadmap.db")
    app.config["SQLALCHEMY_DATABASE_URI"] = _normalise_url(url)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
