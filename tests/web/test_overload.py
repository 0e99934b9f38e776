"""When every PDF render slot is busy, or a render is stopped, the download answers at once
with a clear 503 and Retry-After instead of holding a web thread."""

from __future__ import annotations

import threading
import time

import pytest

from roadmap.report import documents
from roadmap.report.renderpool import RenderBusy, RenderPool, RenderTimeout


class Refusing:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def render(self, html: str) -> bytes:
        raise self.error


@pytest.fixture()
def submitted(post_form, start_assessment, answer_all):
    def make(language="fr"):
        token = start_assessment(language=language)
        answer_all(token)
        post_form(f"/assessment/{token}/check", {})
        return token

    return make


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "Le service est très sollicité"), ("en", "The service is busy")],
)
def test_a_busy_renderer_answers_503_with_retry_after(client, submitted, monkeypatch, lang, text):
    token = submitted(language=lang)
    monkeypatch.setattr(documents, "pool_for", lambda config: Refusing(RenderBusy("full")))
    response = client.get(f"/report/{token}.pdf?lang={lang}")
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert text in response.get_data(as_text=True)


def test_a_render_over_the_time_limit_says_so(client, submitted, monkeypatch):
    token = submitted(language="en")
    monkeypatch.setattr(documents, "pool_for", lambda config: Refusing(RenderTimeout("slow")))
    response = client.get(f"/report/{token}.pdf?lang=en")
    assert response.status_code == 503
    assert "took too long to prepare" in response.get_data(as_text=True)


def test_pages_and_other_downloads_are_not_held_up_by_a_slow_render(
    client, app, submitted, monkeypatch
):
    """One slow render holds the only slot: a second download is told to come back at once,
    and the home page answers as usual."""
    token = submitted(language="en")
    release, started = threading.Event(), threading.Event()

    def slow(html: str) -> bytes:
        started.set()
        release.wait(10)
        return b"%PDF-slow"

    pool = RenderPool(size=1, waiting=0, wait=0.2, timeout=10, recycle_after=0, func=slow)
    monkeypatch.setattr(documents, "pool_for", lambda config: pool)
    first = threading.Thread(target=lambda: app.test_client().get(f"/report/{token}.pdf?lang=fr"))
    first.start()
    try:
        assert started.wait(10)
        begin = time.monotonic()
        assert client.get(f"/report/{token}.pdf?lang=en").status_code == 503
        assert client.get("/").status_code == 200
        assert time.monotonic() - begin < 2
    finally:
        release.set()
        first.join(10)
