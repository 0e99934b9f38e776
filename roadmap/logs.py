"""Logging: resume tokens redacted, repeated tracebacks throttled, text or JSON lines."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable

from flask import Flask
from flask.logging import default_handler, wsgi_errors_stream

# A path segment after these prefixes is a resume, reset or invitation token (or a mistyped
# one): never log it. The app's own files in a traceback (roadmap/report/documents.py,
# templates/assessment/step.html) are not URLs: they keep their names.
TOKEN_IN_PATH = re.compile(
    r"(/(?:assessment|results|report|accounts/(?:reset|signup|claim))/)"
    r"(?!start(?:[/?#\s]|$))(?![^/?#\s.]+\.(?:py|pyc|html|txt|css|js|yaml|mo|po)\b)"
    r"[^/?#\s.]+"
)
# A token on its own, e.g. in a message: a resume token (192 random bits, URL-safe base64:
# 32 characters) or a one-time account link's (256 bits: 43 characters).
BARE_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])"
)
REDACTED = "[token]"
# Loggers whose records may carry a request path (werkzeug's dev server logs request lines).
PATH_LOGGERS = ("roadmap", "roadmap.request", "werkzeug", "waitress", "sqlalchemy")


def redact(text: str) -> str:
    """`text` with every resume token replaced by [token]."""
    return BARE_TOKEN.sub(REDACTED, TOKEN_IN_PATH.sub(r"\1" + REDACTED, text))


class RedactTokens(logging.Filter):
    """Rewrites a record's message and traceback with tokens redacted, before any handler
    (ours, the operator's or pytest's) formats it."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class ThrottleTracebacks(logging.Filter):
    """The first traceback from one place is logged; the same one again within `window`
    seconds is dropped and counted, so an outage cannot fill the disk (the access log still
    has one line per request). The next one logged says how many were dropped."""

    def __init__(self, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.window, self.clock = window, clock
        self._seen: dict[tuple, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or record.exc_info[0] is None:
            return True
        if getattr(record, "throttled", False):  # already let through by the app's logger
            return True
        record.throttled = True
        key = (record.name, record.pathname, record.lineno, record.exc_info[0])
        now = self.clock()
        with self._lock:
            first, dropped = self._seen.get(key, (None, 0))
            if first is not None and now - first < self.window:
                self._seen[key] = (first, dropped + 1)
                return False
            if len(self._seen) > 200:  # forget old places rather than grow without bound
                self._seen = {k: v for k, v in self._seen.items() if now - v[0] < self.window}
            self._seen[key] = (now, 0)
        if dropped:
            record.msg = (
                f"{record.getMessage()} (and {dropped} more like it in the previous "
                f"{self.window:.0f} s, not logged)"
            )
            record.args = None
        return True


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the access-log fields if any,
    and the traceback as one string."""

    FIELDS = ("method", "path", "status", "duration_ms")

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({f: getattr(record, f) for f in self.FIELDS if hasattr(record, f)})
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["traceback"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def init_app(app: Flask) -> None:
    """Redact and throttle the app's records wherever they go; unless `LOG_HANDLER` is off
    (logging configured by the operator, e.g. gunicorn --log-config), write every record,
    the app's, SQLAlchemy's and the server's, through one handler on the root logger: text,
    or JSON lines with `LOG_FORMAT=json`."""
    for name in PATH_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
    for old in [f for f in app.logger.filters if isinstance(f, ThrottleTracebacks)]:
        app.logger.removeFilter(old)  # a new app starts with a clean count
    app.logger.addFilter(ThrottleTracebacks())
    if app.logger.level == logging.NOTSET:
        app.logger.setLevel(logging.INFO)
    if not app.config.get("LOG_HANDLER", True):
        return
    handler = logging.StreamHandler(wsgi_errors_stream)  # type: ignore[arg-type]
    handler.roadmap = True  # type: ignore[attr-defined]
    if app.config.get("LOG_FORMAT") == "json":
        handler.setFormatter(JsonLines())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    # Records of other libraries (SQLAlchemy's pool, the server) are redacted and throttled
    # here, as they do not pass through the app's logger.
    handler.addFilter(RedactTokens())
    handler.addFilter(ThrottleTracebacks())
    root = logging.getLogger()
    # create_app() runs more than once in a process (tests, CLI): one handler, the latest.
    for old in [h for h in root.handlers if getattr(h, "roadmap", False)]:
        root.removeHandler(old)
    # On the root logger, waitress's logging.basicConfig() adds no second handler.
    root.addHandler(handler)
    app.logger.removeHandler(default_handler)  # the root handler writes the app's records
