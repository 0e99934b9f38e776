"""`roadmap serve --workers 2` runs gunicorn worker processes that share one database, and
SIGTERM stops all of them, render processes included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from roadmap.server import gunicorn_available

from .test_serve import free_port

pytestmark = pytest.mark.skipif(not gunicorn_available(), reason="gunicorn runs on Linux only")


def descendants(pid: int) -> set[int]:
    """Every process below pid, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def test_serve_with_two_workers_uses_gunicorn_and_stops_cleanly(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "ROADMAP_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "ROADMAP_SECRET_KEY": "serve-test",
        "ROADMAP_REPORT_RENDERERS": "1",
    }
    script = Path(sys.executable).parent / "roadmap"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "roadmap.cli"]
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--workers", "2", "--threads", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "server did not answer within 60 s"
                time.sleep(0.3)
        assert response.status == 200 and 'lang="fr"' in body
        assert response.headers["Server"].startswith("gunicorn")
        time.sleep(2)  # the workers start their render processes in the background
        below = descendants(server.pid)
        assert len(below) >= 2  # two workers (and their render processes)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        output = server.stdout.read().decode()
        server.stdout.close()
    deadline = time.monotonic() + 10
    while (alive := [pid for pid in below if Path(f"/proc/{pid}").exists()]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert alive == [], f"left running: {alive}\n{output}"
    # Without Redis each worker counts its own limits, and SQLite writers take turns: said.
    assert "rate limits are counted by each of the 2 worker processes on its own" in output
    assert "set ROADMAP_REDIS_URL to share them" in output
    assert "SQLite with 2 worker processes" in output and "use PostgreSQL" in output


@pytest.mark.parametrize(
    ("settings", "warned"),
    [
        ({}, True),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, False),
        ({"RATELIMIT_ENABLED": False}, False),
    ],
    ids=["memory", "redis", "limits-off"],
)
def test_several_workers_without_redis_warn_that_limits_multiply(
    app, monkeypatch, caplog, settings, warned
):
    from roadmap.server import check_app

    monkeypatch.setitem(app.config, "RATELIMIT_ENABLED", True)
    monkeypatch.setitem(app.config, "REPORT_RECYCLE_AFTER", 50)
    for key, value in settings.items():
        monkeypatch.setitem(app.config, key, value)
    with caplog.at_level("WARNING", logger="roadmap.server"):
        check_app(app, 3)
        check_app(app, 1)  # one process: one count, nothing to say
    limits = [r.getMessage() for r in caplog.records if "rate limits" in r.getMessage()]
    assert limits == (
        [
            "rate limits are counted by each of the 3 worker processes on its own, so a "
            "client gets up to 3 times each limit: set ROADMAP_REDIS_URL to share them"
        ]
        if warned
        else []
    )


def _submitted_assessment(url: str, emoji: int) -> str:
    """A submitted CoSIE assessment in the served database, its reflections slow to render."""
    from roadmap import create_app
    from roadmap.core.questionnaire import ItemKind
    from roadmap.extensions import db
    from roadmap.services import assessments

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "serve-test"})
    with app.app_context():
        q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
        assessment = assessments.create(q, "fr", "Service en cours d’arrêt", "manager")
        texts = {i.id: "🙂 " * emoji for i in q.items.values() if i.kind is ItemKind.TEXT}
        assessments.save(assessment, {}, texts)
        assessments.submit(assessment)
        token = assessment.token
        db.engine.dispose()
    return token


def _get(url: str, answers: list) -> None:
    try:
        with urllib.request.urlopen(url, timeout=90) as response:
            answers.append(response.status)
    except urllib.error.HTTPError as exc:
        answers.append(exc.code)
    except OSError:  # the server closed the connection as it stopped: no answer
        answers.append(None)


# Ctrl+C in a terminal reaches every process of the group, render processes included, and so
# does systemd's SIGTERM (KillMode=control-group); `kill` reaches the server's process only.
CTRL_C, SYSTEMD = "SIGINT to the group", "SIGTERM to the group"


@pytest.mark.parametrize(
    ("workers", "how"),
    [(2, "SIGTERM"), (2, CTRL_C), (2, "SIGQUIT"), (2, SYSTEMD), (1, "SIGTERM"), (1, CTRL_C)],
    ids=[
        "gunicorn-SIGTERM",
        "gunicorn-Ctrl+C",
        "gunicorn-SIGQUIT",
        "gunicorn-systemd",
        "waitress-SIGTERM",
        "waitress-Ctrl+C",
    ],
)
def test_stopping_during_renders_and_prefetches_is_quiet_and_leaves_no_process(
    tmp_path, workers, how
):
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    token = _submitted_assessment(url, emoji=300)
    port = free_port()
    env = {
        **os.environ,
        "ROADMAP_DATABASE_URL": url,
        "ROADMAP_SECRET_KEY": "serve-test",
        "ROADMAP_REPORT_RENDERERS": "1",
        "ROADMAP_REPORT_PREFETCH": "true",
    }
    script = Path(sys.executable).parent / "roadmap"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "roadmap.cli"]
    command += ["serve", "--port", str(port), "--workers", str(workers), "--threads", "4"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    answers: list = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "server did not answer within 60 s"
                time.sleep(0.3)
        # The results page queues prefetches (fr, then en) in the worker that serves it; the
        # downloads render besides, or wait for a render slot.
        paths = [f"/results/{token}", f"/report/{token}.pdf?lang=en", f"/results/{token}"]
        paths += [f"/report/{token}.pdf?lang=fr"]
        requests = [threading.Thread(target=_get, args=(base + p, answers)) for p in paths]
        for request in requests:
            request.start()
            time.sleep(0.3)
        time.sleep(1)
        below = descendants(server.pid)
        if how in (CTRL_C, SYSTEMD):
            os.killpg(server.pid, signal.SIGINT if how == CTRL_C else signal.SIGTERM)
        else:
            server.send_signal(getattr(signal, how))
        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        output = server.stdout.read().decode()
        server.stdout.close()
    for request in requests:
        request.join(timeout=60)
    lines = [line for line in output.splitlines() if " roadmap.request: " not in line]
    for noise in ("Traceback", "Error", "ERROR", "prefetch failed", "BrokenPipe", "Exception"):
        assert not [line for line in lines if noise in line], "\n".join(lines)
    assert "Roadmap stopped." in output
    # Every request got its page, a "busy, try again" (the server stopped its render), or a
    # closed connection: never a server error.
    assert set(answers) <= {200, 503, None}, answers
    deadline = time.monotonic() + 10
    while (left := [pid for pid in below if Path(f"/proc/{pid}").exists()]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert left == [], f"left running: {left}\n{output}"
