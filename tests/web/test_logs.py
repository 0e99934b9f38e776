"""Logs: tokens redacted from every path and message, tracebacks throttled, an access log in
text or JSON lines."""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest

from roadmap import create_app
from roadmap.logs import RedactTokens, ThrottleTracebacks, redact
from tests.conftest import DATA

TOKEN = "Ab3_-xYz0123456789abcdefghijKLMN"  # the shape of a real one: 32 URL-safe characters


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (f"/assessment/{TOKEN}", "/assessment/[token]"),
        (f"/assessment/{TOKEN}/step/start", "/assessment/[token]/step/start"),
        (f"/results/{TOKEN}", "/results/[token]"),
        (f"/report/{TOKEN}.pdf", "/report/[token].pdf"),
        ("/assessment/mistyped-token/check", "/assessment/[token]/check"),
        ("/assessment/start", "/assessment/start"),
        ("/methods", "/methods"),
        (f"lookup of {TOKEN} failed", "lookup of [token] failed"),
        # A traceback names the app's files: they are not tokens and stay readable.
        ('File "/srv/roadmap/report/documents.py", line 184', None),
        ('File "/srv/roadmap/web/assessment/views.py", line 3', None),
        ('File "/srv/templates/results/page.html", line 9', None),
    ],
)
def test_redact_hides_tokens_and_keeps_the_route(path, expected):
    assert redact(path) == (path if expected is None else expected)


def test_the_access_log_has_method_redacted_path_status_and_duration(
    client, start_assessment, caplog
):
    token = start_assessment()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="roadmap.request"):
        client.get(f"/assessment/{token}/step/start?lang=en")
    [record] = [r for r in caplog.records if r.name == "roadmap.request"]
    assert (record.method, record.path, record.status) == (
        "GET",
        "/assessment/[token]/step/start",
        200,
    )
    assert record.duration_ms >= 0
    assert token not in caplog.text and "lang=en" not in caplog.text


def test_a_404_for_an_unknown_token_is_logged_without_it(client, caplog):
    with caplog.at_level(logging.INFO, logger="roadmap.request"):
        client.get(f"/results/{TOKEN}")
    assert "GET /results/[token] 404" in caplog.text
    assert TOKEN not in caplog.text


def test_json_lines_carry_the_access_fields(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "json",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'j.db'}",
            "QUESTIONNAIRE_DIR": str(DATA),
            "DEFAULT_QUESTIONNAIRE": "tiny",
            "LOG_FORMAT": "json",
        }
    )
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "roadmap", 0))
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        app.test_client().get(f"/assessment/{TOKEN}/check")
    finally:
        handler.setStream(old)
    entries = [json.loads(line) for line in stream.getvalue().splitlines()]
    access = [e for e in entries if e["logger"] == "roadmap.request"]
    assert access and access[-1]["path"] == "/assessment/[token]/check"
    assert access[-1]["status"] == 404 and access[-1]["method"] == "GET"
    assert TOKEN not in stream.getvalue()


def test_access_log_can_be_turned_off(tmp_path, caplog):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "quiet",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'q.db'}",
            "QUESTIONNAIRE_DIR": str(DATA),
            "ACCESS_LOG": False,
        }
    )
    with caplog.at_level(logging.INFO, logger="roadmap.request"):
        app.test_client().get("/")
    assert not [r for r in caplog.records if r.name == "roadmap.request"]


def _record(exc_info, msg="failed for %s", args=(f"/results/{TOKEN}",)):
    return logging.LogRecord("roadmap", logging.ERROR, __file__, 10, msg, args, exc_info)


def _exc_info(message: str):
    try:
        raise RuntimeError(message)
    except RuntimeError:
        return sys.exc_info()


def test_redaction_reaches_the_traceback():
    record = _record(_exc_info(f"no row for token {TOKEN}"))
    RedactTokens().filter(record)
    assert record.getMessage() == "failed for /results/[token]"
    assert TOKEN not in record.exc_text and "no row for token [token]" in record.exc_text


def test_repeated_tracebacks_are_dropped_and_counted_within_the_window():
    now = [0.0]
    throttle = ThrottleTracebacks(window=60, clock=lambda: now[0])
    records = [_record(_exc_info("database is down")) for _ in range(100)]
    assert [throttle.filter(r) for r in records] == [True] + [False] * 99
    assert throttle.filter(_record(None))  # records without a traceback always pass
    now[0] = 61.0  # a new window: the traceback again, with the count of those dropped
    again = _record(_exc_info("database is down"))
    assert throttle.filter(again) and again.exc_info is not None
    assert "and 99 more like it in the previous 60 s, not logged" in again.getMessage()


def test_different_errors_each_keep_their_first_traceback():
    throttle = ThrottleTracebacks(window=60, clock=lambda: 0.0)
    first = _record(_exc_info("a"))
    other_place = logging.LogRecord("roadmap", 40, __file__, 99, "x", (), _exc_info("b"))
    assert throttle.filter(first) and first.exc_info
    assert throttle.filter(other_place) and other_place.exc_info
