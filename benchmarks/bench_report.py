"""Benchmark PDF reports: first report after start, warm p50, cache hits, memory over 200 renders.

Run: python benchmarks/bench_report.py
Targets: first < 1.5 s, warm p50 < 400 ms, memory growth over 200 reports < 30 MB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from _fixture import make_app, submitted_assessment

from roadmap.services.reports import ReportCache

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    """Resident memory of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_report() -> None:
    """Run in a fresh process: the app is up, then the very first report is requested."""
    app = make_app()
    client = app.test_client()
    token = submitted_assessment(client)
    start = time.perf_counter()
    response = client.get(f"/report/{token}.pdf")
    elapsed = time.perf_counter() - start
    assert response.status_code == 200
    print(f"{elapsed:.4f}")


def main() -> None:
    if sys.argv[1:] == ["--first"]:
        first_report()
        return
    firsts = []
    for _ in range(3):
        out = subprocess.run([sys.executable, __file__, "--first"], capture_output=True, text=True,
                             check=True, cwd=HERE)
        firsts.append(float(out.stdout.strip().splitlines()[-1]))
    print(f"first report after start (3 fresh processes): {', '.join(f'{t*1000:.0f} ms' for t in firsts)}"
          f"   target < 1500 ms: {'ok' if max(firsts) < 1.5 else 'SLOWER THAN TARGET'}")

    app = make_app()
    client = app.test_client()
    token = submitted_assessment(client)
    url = f"/report/{token}.pdf"

    def render_uncached() -> float:
        app.extensions["roadmap.report_cache"] = ReportCache(1)  # force a real render
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        return time.perf_counter() - start

    for _ in range(3):
        render_uncached()
    warm = [render_uncached() for _ in range(30)]
    p50 = statistics.median(warm) * 1000
    p95 = sorted(warm)[int(len(warm) * 0.95) - 1] * 1000
    print(f"warm report, uncached (30 runs):  p50 {p50:.0f} ms   p95 {p95:.0f} ms"
          f"   target p50 < 400 ms: {'ok' if p50 < 400 else 'SLOWER THAN TARGET'}")

    hit = []
    for _ in range(20):
        start = time.perf_counter()
        client.get(url)
        hit.append(time.perf_counter() - start)
    print(f"cached report (identical request): p50 {statistics.median(hit) * 1000:.1f} ms")

    # The journey: the results page prefetches the PDF; a person reads it, then downloads.
    from roadmap.services import reports

    after_results = []
    for _ in range(10):
        app.extensions["roadmap.report_cache"] = ReportCache(4)
        assert client.get(f"/results/{token}").status_code == 200
        time.sleep(1.5)  # reading the results page before clicking "download"
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        after_results.append(time.perf_counter() - start)
    reports._prefetcher.submit(lambda: None).result()
    p50 = statistics.median(after_results) * 1000
    print(f"download 1.5 s after the results page (prefetched): p50 {p50:.1f} ms"
          f"   max {max(after_results) * 1000:.1f} ms")

    before = rss_mb()
    for _ in range(200):
        render_uncached()
    growth = rss_mb() - before
    print(f"memory: {before:.0f} MB after warm-up, growth over 200 uncached reports {growth:+.1f} MB"
          f"   target < 30 MB: {'ok' if growth < 30 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
