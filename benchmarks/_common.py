"""Shared by the benchmarks: timing and reporting, and an app on a temporary SQLite database."""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
from pathlib import Path

from roadmap import create_app

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def timed(fn, repeat: int, warmup: int = 0) -> list[float]:
    """Seconds per call of `fn`, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def _reference_workload() -> int:
    """Dictionary, string and arithmetic work, the mix that dominates a render's Python side."""
    counts: dict[str, int] = {}
    total = 0
    for i in range(300_000):
        key = f"w{i % 997}"
        counts[key] = counts.get(key, 0) + len(key)
        total += i * i % 7
    return total + len(counts)


def print_machine_reference() -> None:
    """Print how fast this machine runs a fixed workload, so figures from different machines (or a
    slow day of the same one) can be compared: the benchmarks' times scale with this figure."""
    best = min(timed(_reference_workload, 5, 1)) * 1000
    print(f"machine reference: {best:.0f} ms (fixed pure-Python workload, best of 5)")


def report(name: str, runs: list[float], target_ms: float) -> None:
    """Print p50 and p95 in milliseconds against a p50 target."""
    p50 = statistics.median(runs) * 1000
    p95 = sorted(runs)[max(0, int(len(runs) * 0.95) - 1)] * 1000
    verdict = "ok" if p50 < target_ms else "SLOWER THAN TARGET"
    print(
        f"{name:<44} p50 {p50:8.2f} ms  p95 {p95:8.2f} ms  target p50 < {target_ms} ms: {verdict}"
    )


def make_app():
    db = Path(tempfile.mkdtemp()) / "bench.db"
    return create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db}",
            "REPORT_CACHE_DIR": str(db.parent / "report-cache"),  # fresh for each run
        }
    )


def csrf(client, url: str) -> str:
    return CSRF.search(client.get(url).get_data(as_text=True)).group(1)


def submitted_assessment(
    client, example: str = "mixed-team.json", service: str = "Bench", check_pause: float = 0.0
) -> str:
    """Fill in a whole assessment through the wizard from an example answers file, spending
    `check_pause` seconds on the check-answers page."""
    doc = json.loads((ROOT / "examples" / example).read_text())
    response = client.post(
        "/assessment/start",
        data={
            "csrf_token": csrf(client, "/assessment/start"),
            "language": doc["locale"],
            "service_name": service,
            "role": "manager",
        },
    )
    token = response.headers["Location"].split("/")[-2]
    app = client.application
    q = app.extensions["roadmap.catalogue"].get(doc["questionnaire"])
    for section in q.sections:
        url = f"/assessment/{token}/step/{section.id}"
        data = {"csrf_token": csrf(client, url)}
        for item in section.items:
            if item.id in doc["answers"]:
                data[item.id] = str(doc["answers"][item.id])
            if item.id in doc.get("reflections", {}):
                data[item.id] = doc["reflections"][item.id]
        assert client.post(url, data=data).status_code == 302
    check_token = csrf(client, f"/assessment/{token}/check")
    time.sleep(check_pause)
    client.post(f"/assessment/{token}/check", data={"csrf_token": check_token})
    return token
