"""Benchmark the wizard and results pages through the test client on SQLite.

Run: python benchmarks/bench_pages.py    Targets (p50): wizard step < 20 ms, results < 50 ms.
"""

from __future__ import annotations

import statistics
import time

from _fixture import csrf, make_app, submitted_assessment

RUNS = 200


def measure(fn) -> list[float]:
    for _ in range(10):  # warm-up: templates compiled, connections pooled
        fn()
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def report(name: str, runs: list[float], target_ms: float) -> None:
    p50 = statistics.median(runs) * 1000
    p95 = sorted(runs)[int(len(runs) * 0.95) - 1] * 1000
    verdict = "ok" if p50 < target_ms else "SLOWER THAN TARGET"
    print(
        f"{name:<34} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   target p50 {target_ms} ms: {verdict}"
    )


def main() -> None:
    app = make_app()
    client = app.test_client()
    token = submitted_assessment(client)
    q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
    section = max(q.sections, key=lambda s: len(s.items))  # the longest page
    url = f"/assessment/{token}/step/{section.id}"
    data = {"csrf_token": csrf(client, url)}
    data.update({i.id: "3" for i in section.items if i.kind.value == "rated"})

    def get_step():
        assert client.get(url).status_code == 200

    def post_step():
        assert client.post(url, data=data).status_code == 302

    def get_results():
        assert client.get(f"/results/{token}").status_code == 200

    print(f"wizard page '{section.id}' with {len(section.items)} questions; {RUNS} runs each")
    report("wizard step GET", measure(get_step), 20)
    report("wizard step POST (save)", measure(post_step), 20)
    client.post(
        f"/assessment/{token}/check",
        data={"csrf_token": csrf(client, f"/assessment/{token}/check")},
    )
    report("results page GET", measure(get_results), 50)


if __name__ == "__main__":
    main()
