"""Bytes a browser fetches to show a results page: every response body, from Chromium's network.

Run: python benchmarks/bench_results_bytes.py    (Debian's Chromium at /usr/bin/chromium)
Counts bodies as sent by the app (no compression here); a fresh browser context, empty cache.
"""

from __future__ import annotations

import threading

from _common import make_app, submitted_assessment
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    app = make_app()
    app.config["REPORT_PREFETCH"] = False
    token = submitted_assessment(app.test_client())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/results/{token}"
    finished = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("requestfinished", lambda r: finished.append(r))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # the favicon comes last
        sizes = {r.url: r.sizes()["responseBodySize"] for r in finished}
        browser.close()
    server.shutdown()
    base = url.split("/results/")[0]
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{size:>10,} B  {name.replace(base, '').replace(token, '[token]')}")
    print(f"{sum(sizes.values()):>10,} B  total, {len(sizes)} responses")


if __name__ == "__main__":
    main()
