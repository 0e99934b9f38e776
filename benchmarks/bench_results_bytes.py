"""Bytes a browser transfers for a results page, first visit and repeat visit, from Chromium.

Run: python benchmarks/bench_results_bytes.py    (Debian's Chromium at /usr/bin/chromium)
Budgets: first visit ≤ 250 KB, repeat visit ≤ 30 KB (tests/browser/test_budgets.py checks them).
Counts what Chromium received (headers and encoded bodies), at 375 px, in a fresh profile; the
repeat visit opens the same page again in the same browser, its cache warm.
"""

from __future__ import annotations

import threading

from _common import make_app, submitted_assessment
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def visit(page, url: str) -> dict[str, tuple[int, str]]:
    """URL → (bytes on the wire, Content-Encoding) for every response of one page load."""
    cdp = page.context.new_cdp_session(page)
    urls, encodings, sizes = {}, {}, {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.update({e["requestId"]: e["request"]["url"]})
    )
    cdp.on(
        "Network.responseReceived",
        lambda e: encodings.update(
            {
                e["requestId"]: {k.lower(): v for k, v in e["response"]["headers"].items()}.get(
                    "content-encoding", "-"
                )
            }
        ),
    )
    cdp.on(
        "Network.loadingFinished", lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]})
    )
    cdp.send("Network.enable")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    cdp.detach()
    return {urls[i]: (int(n), encodings.get(i, "cache")) for i, n in sizes.items() if i in urls}


def show(title: str, rows: dict[str, tuple[int, str]], base: str, token: str) -> None:
    print(title)
    for name, (size, encoding) in sorted(rows.items(), key=lambda kv: -kv[1][0]):
        shown = name.replace(base, "").replace(token, "[token]")
        print(f"{size:>10,} B  {encoding:<8} {shown}")
    print(f"{sum(s for s, _ in rows.values()):>10,} B  total, {len(rows)} responses")


def main() -> None:
    app = make_app()
    app.config["REPORT_PREFETCH"] = False
    token = submitted_assessment(app.test_client())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    url = f"{base}/results/{token}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 800})
        show("first visit (budget 250 KB)", visit(page, url), base, token)
        show("repeat visit (budget 30 KB)", visit(page, url), base, token)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
