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
    # Parameters hold reflections, service names and live tokens: keep them out of error logs.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
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
    REPORT_CACHE_SIZE = 500  # rendered PDFs kept (about 100 KB each)
    REPORT_CACHE_DIR: str | None = None  # shared by the processes; None: instance/report-cache
    REPORT_CACHE_DAYS = 7.0  # a cached PDF not served for this long is removed
    REPORT_PREFETCH = True  # render the PDF in the background once the results page is shown
    # PDFs render in a child process replaced after this many reports (0: in the web process).
    REPORT_RECYCLE_AFTER = 50
    REPORT_RENDERERS = 0  # render processes per web process; 0: sized to the machine
    REPORT_QUEUE = 0  # downloads that may wait for a render process; 0: as many as renderers
    REPORT_WAIT = 3.0  # seconds a download waits for a render process before "busy, try again"
    REPORT_TIMEOUT = 20.0  # seconds a render may take before it is stopped
    # Behind a reverse proxy (see the README's "Deploying"): where people reach the app, how
    # many proxies in front of it set X-Forwarded-*, which Host headers are accepted.
    PUBLIC_URL: str | None = None  # e.g. https://roadmap.example.org (required in production)
    TRUSTED_PROXIES = 0
    TRUSTED_HOSTS: list[str] | None = None  # default: the host of PUBLIC_URL
    HSTS_SECONDS: int | None = None  # default: one year in production, off otherwise
    # Rate limits (Flask-Limiter syntax, per client address unless said otherwise).
    REDIS_URL: str | None = None  # share limit counters between processes and machines
    RATELIMIT_ENABLED = True
    RATELIMIT_KEY_PREFIX = "roadmap"
    # A workshop of 40 people behind one address starts 40 assessments within minutes.
    RATELIMIT_CREATE = "60 per 10 minutes;300 per day"
    RATELIMIT_REASSESS = "10 per hour"  # per assessment, and below per address
    RATELIMIT_REASSESS_ADDRESS = "60 per hour"
    RATELIMIT_PDF = "30 per minute;300 per day"
    RATELIMIT_EXPORT = "20 per minute;200 per day"  # CSV, XLSX and JSON exports
    RATELIMIT_JOIN = "20 per 10 minutes"  # wrong workshop codes, per address
    # Sign-in attempts: per address (a workshop room shares one), and per account.
    RATELIMIT_LOGIN = "60 per 10 minutes;500 per day"
    RATELIMIT_LOGIN_ACCOUNT = "10 per 10 minutes;50 per day"
    RATELIMIT_RESET = "10 per hour"  # "forgot my password" requests, per address
    # Accounts (see the README's "Accounts and organisations").
    RESET_LINK_HOURS = 24  # a password-reset link works once, for this long
    INVITATION_DAYS = 14  # an invitation link works once, for this long
    # The readiness ledger: a team whose latest assessment is older than this is "stale".
    LEDGER_STALE_DAYS = 365
    # No group figure (organisation median, counts) over fewer than this many teams or people.
    ANONYMITY_THRESHOLD = 5
    # `roadmap purge` deletes accounts nobody signed in to for this long (three years);
    # 0 keeps them. Their assessments stay with their teams, anonymised.
    ACCOUNT_RETENTION_DAYS = 1095
    PASSWORD_HASH_PARAMETERS: dict | None = None  # argon2-cffi PasswordHasher arguments
    # E-mail for reset and invitation links; without a host, links are shown to whoever made
    # them (a manager or administrator) to pass on.
    SMTP_HOST: str | None = None
    SMTP_PORT: int | None = None  # default 587, or 465 with SMTP_SECURITY=ssl
    SMTP_SECURITY = "starttls"  # "starttls", "ssl" or "none" (a relay on the same machine)
    SMTP_USERNAME: str | None = None
    SMTP_PASSWORD: str | None = None
    SMTP_FROM: str | None = None  # default roadmap@SMTP_HOST
    SMTP_TIMEOUT = 10
    ACCESS_LOG = True  # one line per request: method, path (token redacted), status, duration
    LOG_FORMAT = "text"  # or "json": one JSON object per line, for log collectors
    LOG_HANDLER = True  # false: logging is configured elsewhere (e.g. gunicorn --log-config)
    RETRY_AFTER_SECONDS = 30  # told to browsers when the database cannot be reached
    # Compression (Flask-Compress): Brotli, else gzip; zstd and deflate are left out so that
    # every client gets one of the two tested encodings. Text types only: PDFs, PNGs and fonts
    # are compressed already. Why pages with private links may be compressed: README, "Light pages".
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_ALGORITHM_STREAMING = ["br", "gzip"]  # for a streamed page, should one come
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
        "text/plain",
    ]
    COMPRESS_BR_LEVEL = 5  # 6-11 % smaller than the default 4 on our pages, ~1 ms more


SECRET_KEY_MIN_LENGTH = 32  # in production; `secrets.token_hex(32)` gives 64 characters


def _instance_secret(instance: Path) -> str:
    """A secret key generated once and kept in the instance folder."""
    key_file = instance / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


def _private_sqlite_file(url: str) -> None:
    """Create a new SQLite database file readable by its owner only (it holds reflections)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not path.exists() and path.parent.is_dir():
        path.touch(mode=0o600)


def _secret_key(app: Flask, production: bool) -> str | None:
    """The secret key as a string: from_prefixed_env parses `123` as JSON (an int) and `null`
    as None, so the environment variable is read verbatim."""
    key = app.config.get("SECRET_KEY")
    if not isinstance(key, str | bytes) and "ROADMAP_SECRET_KEY" in os.environ:
        key = os.environ["ROADMAP_SECRET_KEY"]
    if production and key and len(key) < SECRET_KEY_MIN_LENGTH:
        raise ConfigError(
            f"ROADMAP_SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} characters long in "
            "production (it is "
            f"{len(key)}). Make one with: python3 -c 'import secrets; print(secrets.token_hex(32))'"
        )
    return key or None


def _normalise_url(url: str) -> str:
    # We ship psycopg 3; plain postgres:// URLs (Heroku style) would pick psycopg2.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def finalise(app: Flask) -> None:
    """Fill in the derived settings, or raise ConfigError for production gaps."""
    production = str(app.config.get("ENV", "")).lower() == "production"
    for name in ("SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_FROM"):
        # Verbatim, like the secret key: a password `123456` must not become a number.
        if f"ROADMAP_{name}" in os.environ:
            app.config[name] = os.environ[f"ROADMAP_{name}"]
    app.config["SECRET_KEY"] = _secret_key(app, production)
    url = app.config.get("SQLALCHEMY_DATABASE_URI") or app.config.get("DATABASE_URL")
    if production:
        missing = [
            name
            for name, value in (
                ("ROADMAP_SECRET_KEY", app.config.get("SECRET_KEY")),
                ("ROADMAP_DATABASE_URL", url),
                ("ROADMAP_PUBLIC_URL", app.config.get("PUBLIC_URL")),
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
    _private_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
