"""Benchmark the wizard and results pages through the test client on SQLite.

Run: python benchmarks/bench_pages.py [--identity]    Targets (p50): wizard step < 20 ms, results
< 50 ms. Pages are asked for as Chromium asks (so sent with Brotli); --identity asks for them
uncompressed, to see what compression costs.
"""

from __future__ import annotations

import sys

from _common import csrf, make_app, print_machine_reference, report, submitted_assessment, timed

RUNS = 200
BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def main() -> None:
    if "--identity" in sys.argv:
        BROWSER["Accept-Encoding"] = "identity"
    print_machine_reference()
    print(f"Accept-Encoding: {BROWSER['Accept-Encoding']}")
    app = make_app()
    client = app.test_client()
    token = submitted_assessment(client)
    q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
    section = max(q.sections, key=lambda s: len(s.items))  # the longest page
    url = f"/assessment/{token}/step/{section.id}"
    data = {"csrf_token": csrf(client, url)}
    data.update({i.id: "3" for i in section.items if i.kind.value == "rated"})

    def get_step():
        assert client.get(url, headers=BROWSER).status_code == 200

    def post_step():
        assert client.post(url, data=data, headers=BROWSER).status_code == 302

    def get_results():
        assert client.get(f"/results/{token}", headers=BROWSER).status_code == 200

    print(f"wizard page '{section.id}' with {len(section.items)} questions; {RUNS} runs each")
    report("wizard step GET", timed(get_step, RUNS, warmup=10), 20)
    report("wizard step POST (save)", timed(post_step, RUNS, warmup=10), 20)
    client.post(
        f"/assessment/{token}/check",
        data={"csrf_token": csrf(client, f"/assessment/{token}/check")},
    )
    report("results page GET", timed(get_results, RUNS, warmup=10), 50)


if __name__ == "__main__":
    main()
