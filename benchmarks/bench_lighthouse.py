"""Lighthouse (mobile, simulated slow 4G) on home, a wizard step, results and the tools library.

Setup once: (cd tools/lighthouse && npm ci)       Debian's Chromium at /usr/bin/chromium
Run: python benchmarks/bench_lighthouse.py [--runs 5]
Prints the median performance and accessibility scores per page (targets: ≥ 95 and 100), the
median metrics, and the audits that did not pass in the median run. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

from _common import ROOT, make_app, submitted_assessment
from werkzeug.serving import make_server

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run --disable-quic"
)
METRICS = {  # audit: (short name, unit)
    "first-contentful-paint": ("FCP", "ms"),
    "largest-contentful-paint": ("LCP", "ms"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "speed-index": ("SI", "ms"),
}
FLAGGED_MODES = ("binary", "numeric", "metricSavings")


def lighthouse(url: str) -> dict:
    """One Lighthouse run with its default (mobile) settings; the JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}"]
            + ["--only-categories=performance,accessibility", f"--chrome-flags={CHROME_FLAGS}"],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        )
        return json.loads(out.read_text())


def summary(name: str, reports: list[dict]) -> None:
    """Median scores and metrics over the runs, and what the median run flagged."""
    perf = [r["categories"]["performance"]["score"] * 100 for r in reports]
    a11y = [r["categories"]["accessibility"]["score"] * 100 for r in reports]
    median_run = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])
    median_run = median_run[len(reports) // 2]
    ok = statistics.median(perf) >= 95 and min(a11y) == 100
    print(
        f"{name:<14} performance median {statistics.median(perf):5.1f} (runs {sorted(perf)})"
        f"  accessibility {sorted(a11y)}  {'ok' if ok else 'BELOW TARGET'}"
    )
    values = []
    for metric, (short, unit) in METRICS.items():
        value = statistics.median(r["audits"][metric]["numericValue"] for r in reports)
        values.append(f"{short} {value:.0f} {unit}" if unit else f"{short} {value:.3f}")
    print(" " * 15 + ", ".join(values))
    for key, audit in median_run["audits"].items():
        failed = audit.get("score") is not None and audit["score"] < 0.9
        if failed and audit.get("scoreDisplayMode") in FLAGGED_MODES:
            print(f"{'':15}flagged: {key} ({audit.get('displayValue') or audit['score']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: (cd tools/lighthouse && npm ci)")
    app = make_app()
    app.config["REPORT_PREFETCH"] = False
    app.config["RATELIMIT_ENABLED"] = False
    client = app.test_client()
    results_token = submitted_assessment(client)
    q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
    step = max(q.sections, key=lambda s: len(s.items))  # the longest wizard page
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    pages = {
        "home": f"{base}/",
        "wizard step": f"{base}/assessment/{results_token}/step/{step.id}",
        "results": f"{base}/results/{results_token}",
        "tools library": f"{base}/tools",
    }
    print(f"Lighthouse {args.runs} runs per page, default mobile settings, {base}")
    try:
        for name, url in pages.items():
            summary(name, [lighthouse(url) for _ in range(args.runs)])
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
