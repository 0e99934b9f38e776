"""`roadmap serve --workers 2` runs gunicorn worker processes that share one database, and
SIGTERM stops all of them, render processes included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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
