"""Real-browser fixtures: the app on a local port, Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ROADMAP_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent.parent.parent / "test-artifacts" / "screenshots"

if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (apt-get install chromium); browser tests skipped",
        allow_module_level=True,
    )

playwright_api = pytest.importorskip("playwright.sync_api")


def _closed_before_sending(app):
    """The app with every response body read (and its file closed) before it is sent. When the
    browser drops a connection mid-response (it navigates on), werkzeug's development server
    can skip closing the body: an unclosed static file, a ResourceWarning, a random error."""

    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app with the real questionnaire, served by werkzeug on a free local port."""
    from werkzeug.serving import make_server

    from roadmap import create_app

    db = tmp_path_factory.mktemp("browser-db") / "browser.db"
    app = create_app(
        {
            "SECRET_KEY": "browser",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db}",
            "REPORT_PREFETCH": False,
            "REPORT_RECYCLE_AFTER": 0,
        }
    )
    server = make_server("127.0.0.1", 0, _closed_before_sending(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}", "app": app}
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture()
def new_page(browser):
    """A page in a fresh browser context (no cookies, as on another device)."""
    contexts = []

    def make(locale: str = "fr-FR", width: int = 1280, javascript: bool = True):
        context = browser.new_context(
            locale=locale, viewport={"width": width, "height": 900}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        external = []
        page.on(
            "request",
            lambda r: (
                external.append(r.url)
                if not r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                else None
            ),
        )
        page.external_requests = external
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
