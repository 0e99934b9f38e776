"""`roadmap serve` really serves the app (waitress, console script) on the embedded SQLite."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_its_port(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "ROADMAP_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "ROADMAP_SECRET_KEY": "serve-test",
        "ROADMAP_REPORT_RECYCLE_AFTER": "0",
    }
    script = Path(sys.executable).parent / "roadmap"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "roadmap.cli"]
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "server did not answer within 30 s"
                time.sleep(0.3)
        assert response.status == 200
        assert 'lang="fr"' in body
        assert response.headers["Server"].startswith("waitress")
        assert (tmp_path / "serve.db").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
