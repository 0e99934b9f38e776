"""`roadmap serve` really serves the app (waitress, console script) on the embedded SQLite, says
in one line what stops it from starting, and stops with its PDF render processes."""

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap import syslibs
from roadmap.cli import cli

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp_path, port: int, recycle_after: int = 50) -> subprocess.Popen:
    env = {
        **os.environ,
        "ROADMAP_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "ROADMAP_SECRET_KEY": "serve-test",
        "ROADMAP_REPORT_RECYCLE_AFTER": str(recycle_after),
        "ROADMAP_REPORT_RENDERERS": "1",
    }
    script = Path(sys.executable).parent / "roadmap"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "roadmap.cli"]
    return subprocess.Popen(
        [*command, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_for_home(server: subprocess.Popen, port: int):
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                return response, response.read().decode()
        except OSError:
            assert server.poll() is None, server.stdout.read().decode()
            assert time.monotonic() < deadline, "server did not answer within 30 s"
            time.sleep(0.3)


def test_serve_answers_on_its_port(tmp_path):
    port = free_port()
    server = start_server(tmp_path, port)
    try:
        response, body = wait_for_home(server, port)
        assert response.status == 200
        assert 'lang="fr"' in body
        assert response.headers["Server"].startswith("waitress")
        assert (tmp_path / "serve.db").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def descendants(pid: int) -> set[int]:
    """Live processes under pid (zombies count as gone)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # "pid (command) state ppid ...": the command may hold spaces and parentheses.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found.update(children)
        todo.extend(children)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@linux_only
@pytest.mark.parametrize(
    "signum", [signal.SIGTERM, signal.SIGINT, signal.SIGQUIT], ids=["SIGTERM", "SIGINT", "SIGQUIT"]
)
def test_stopping_the_server_stops_its_render_processes(tmp_path, signum):
    port = free_port()
    server = start_server(tmp_path, port)
    try:
        wait_for_home(server, port)
        # The render process warms up in the background: forkserver, its child, resource tracker.
        deadline = time.monotonic() + 30
        while len(children := descendants(server.pid)) < 3:
            assert time.monotonic() < deadline, f"render process not started: {children}"
            time.sleep(0.2)
        server.send_signal(signum)
        assert server.wait(timeout=20) == 0
        output = server.stdout.read().decode()
        assert "Traceback" not in output and "Roadmap stopped." in output
        deadline = time.monotonic() + 10
        while left := {pid for pid in children if alive(pid)}:
            assert time.monotonic() < deadline, f"left running after {signum.name}: {left}"
            time.sleep(0.2)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stdout.close()


def test_serve_refuses_to_render_pdfs_inside_the_web_process(tmp_path):
    # REPORT_RECYCLE_AFTER=0 (the tests' and `roadmap report`'s in-process rendering) has no
    # render time limit: a server never runs that way.
    server = start_server(tmp_path, free_port(), recycle_after=0)
    try:
        assert server.wait(timeout=60) == 1
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        output = server.stdout.read().decode().strip()
        server.stdout.close()
    assert "Traceback" not in output
    assert [line for line in output.splitlines() if " WARNING " not in line] == [
        "Error: ROADMAP_REPORT_RECYCLE_AFTER=0 renders PDFs inside the web process, where no "
        "time limit can stop a render that takes too long; a server needs render processes: "
        "set it to 1 or more (default 50)"
    ]


def test_port_taken_is_one_line_suggesting_another(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start_server(tmp_path, port)
        try:
            assert server.wait(timeout=60) != 0
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
            output = server.stdout.read().decode().strip()
            server.stdout.close()
    assert "Traceback" not in output
    # Start-up warnings (a missing optional font, say) may come first: one line of error.
    assert [line for line in output.splitlines() if not line.startswith("WARNING ")] == [
        f"Error: port {port} on 127.0.0.1 is already in use; choose another with --port, "
        f"e.g. roadmap serve --port {port + 1}"
    ]


EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "mixed-team.json"


@pytest.mark.parametrize(
    "args",
    [["serve"], ["report", str(EXAMPLE), "-o", "out.pdf"], ["score", str(EXAMPLE)]],
    ids=["serve", "report", "score"],
)
def test_missing_system_library_is_one_line_naming_the_package(monkeypatch, args):
    fake = syslibs.Need("libroadmap-missing.so.0", "libroadmap-missing0")
    monkeypatch.setattr(syslibs, "LIBRARIES", (*syslibs.LIBRARIES, fake))
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: Roadmap cannot start: missing system library libroadmap-missing.so.0; install "
        "the Debian package(s): apt-get install libroadmap-missing0 "
        "(deploy/install-system-packages.sh installs them all)"
    ]


def test_the_libraries_weasyprint_needs_are_found_here():
    assert syslibs.missing_libraries() == []


def test_missing_optional_library_or_font_is_a_logged_warning(monkeypatch, caplog):
    subset = syslibs.Need("libroadmap-subset.so.0", "libroadmap-subset0", "fonts subset slower")
    font = syslibs.Need("Roadmap Missing Sans", "fonts-roadmap-missing", "another font")
    monkeypatch.setattr(syslibs, "OPTIONAL_LIBRARIES", (subset,))
    monkeypatch.setattr(syslibs, "FONTS", (*syslibs.FONTS, font))
    with caplog.at_level(logging.WARNING, logger="roadmap.syslibs"):
        problems = syslibs.warn_optional()
    assert problems[0] == (
        "optional system library libroadmap-subset.so.0 not found "
        "(Debian package libroadmap-subset0): fonts subset slower"
    )
    assert problems[-1] == (
        "font 'Roadmap Missing Sans' not found (Debian package fonts-roadmap-missing): another font"
    )
    assert [r.getMessage() for r in caplog.records] == problems


def test_weasyprint_warning_about_harfbuzz_subset_is_no_test_error():
    # WeasyPrint warns at import when libharfbuzz-subset0 is absent; pyproject's filterwarnings
    # lets exactly that warning through, so the suite still runs on such a machine.
    warnings.warn(
        "HarfBuzz-Subset will be required by future versions of WeasyPrint. "
        "Please install this library with your package manager.",
        DeprecationWarning,
        stacklevel=1,
    )
