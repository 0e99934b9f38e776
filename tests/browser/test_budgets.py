"""Bytes a browser transfers for a results page: first visit ≤ 250 KB, repeat visit ≤ 30 KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "mixed-team.json"
FIRST_VISIT_BUDGET = 250_000
REPEAT_VISIT_BUDGET = 30_000


def submitted_results_token(app) -> str:
    """A whole real-questionnaire assessment, stored through the services as the wizard does."""
    from roadmap.services import assessments

    doc = json.loads(EXAMPLE.read_text())
    with app.app_context():
        q = app.extensions["roadmap.catalogue"].get(doc["questionnaire"])
        assessment = assessments.create(q, doc["locale"], "Budget", "manager")
        assessments.save(assessment, doc["answers"], doc.get("reflections", {}))
        assessments.submit(assessment)
        return assessment.token


class Wire:
    """What crossed the network, from Chromium's own accounting (headers and encoded bodies)."""

    def __init__(self, page) -> None:
        self.bytes: dict[str, int] = {}
        self.encodings: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        cdp = page.context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.send("Network.enable")

    def _sent(self, event) -> None:
        self._urls[event["requestId"]] = event["request"]["url"]

    def _received(self, event) -> None:
        headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
        self.encodings[event["response"]["url"]] = headers.get("content-encoding", "")

    def _finished(self, event) -> None:
        url = self._urls.get(event["requestId"], event["requestId"])
        self.bytes[url] = self.bytes.get(url, 0) + int(event["encodedDataLength"])

    def total(self) -> int:
        return sum(self.bytes.values())


def test_results_page_first_and_repeat_visits_stay_within_budget(live_server, new_page):
    token = submitted_results_token(live_server["app"])
    url = f"{live_server['url']}/results/{token}"
    page = new_page(locale="fr-FR", width=375)
    wire = Wire(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # the favicon comes last, or it would count as the next visit's
    first = wire.total()
    styles = [u for u in wire.bytes if "/static/css/" in u]
    assert styles and all(wire.encodings[u] in ("br", "gzip") for u in styles), wire.encodings
    assert first <= FIRST_VISIT_BUDGET, wire.bytes

    wire.bytes.clear()
    page.goto(url)  # the same person opens the page again later: same browser, warm cache
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    repeat = wire.total()
    assert [u for u in wire.bytes if "/static/" in u and wire.bytes[u] > 0] == [], wire.bytes
    assert repeat <= REPEAT_VISIT_BUDGET, wire.bytes
    print(f"results page: first visit {first:,} B, repeat visit {repeat:,} B on the wire")
