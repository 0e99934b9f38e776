"""The strict style policy in a real browser: no page the app draws breaks a CSP rule, bars
have the length of their number, Plotly's results page works with its one relaxation, and
deleting an assessment works end to end."""

from __future__ import annotations

import pytest

from roadmap.content.catalogue import default_questionnaire
from roadmap.core.questionnaire import ItemKind
from roadmap.services import assessments

from .test_journeys import assert_accessible

pytestmark = pytest.mark.browser

# Records every CSP violation in the page (Playwright's init scripts are not subject to CSP).
WATCH_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));"""
BAR_RATIOS = """[...document.querySelectorAll('.app-bar__fill')].map(
  e => e.getBoundingClientRect().width / e.parentElement.getBoundingClientRect().width)"""


@pytest.fixture()
def submitted(live_server):
    """A submitted assessment of the real questionnaire (every rated item 4, the second
    option of every choice), made through the services: its token and scores."""
    app = live_server["app"]
    with app.test_request_context():
        q = default_questionnaire()
        answers = {
            i.id: (4 if i.kind is ItemKind.RATED else i.options[1].id)
            for i in q.items.values()
            if i.kind is not ItemKind.TEXT
        }
        a = assessments.create(q, "fr", "Essai CSP")
        assessments.save(a, answers, {})
        assessments.submit(a)
        return a.token


def watched(new_page):
    page = new_page()
    page.add_init_script(WATCH_CSP)
    return page


def test_wizard_pages_keep_the_strict_policy_and_bars_have_their_length(
    live_server, new_page, submitted
):
    base = live_server["url"]
    page = watched(new_page)
    for path in ("/", f"/assessment/{submitted}", f"/assessment/{submitted}/delete"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
    page.goto(f"{base}/assessment/{submitted}")
    label = page.inner_text("#progress-label")
    percent = int("".join(c for c in label.split("%")[0] if c.isdigit()))
    [ratio] = page.evaluate(BAR_RATIOS)
    assert abs(ratio - percent / 100) < 0.01, (label, ratio)


def test_results_page_draws_plotly_and_score_bars_under_its_policy(
    live_server, new_page, submitted
):
    page = watched(new_page)
    page.goto(f"{live_server['url']}/results/{submitted}")
    page.wait_for_selector(".app-chart .main-svg")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    scores = [
        int(t.split("/")[0])
        for t in page.locator(".app-card .govuk-\\!-font-size-24").all_inner_texts()
    ]
    ratios = page.evaluate(BAR_RATIOS)
    assert scores and len(ratios) == len(scores)
    assert all(abs(r - s / 100) < 0.01 for r, s in zip(ratios, scores, strict=True))


def test_plotly_still_needs_inline_styles(live_server, new_page, submitted):
    """Why the results page keeps style-src 'unsafe-inline': served with the strict policy,
    plotly.js's own stylesheet is blocked (its mode bar and layers lose their layout). When
    the radar becomes a server-drawn SVG, delete this test and the relaxation in security.py."""
    from roadmap.web.security import CSP

    page = watched(new_page)

    def strict(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": CSP}
        route.fulfill(response=response, headers=headers)

    page.route("**/results/*", strict)
    page.goto(f"{live_server['url']}/results/{submitted}")
    page.wait_for_selector(".app-chart .main-svg")
    page.wait_for_load_state("networkidle")
    blocked = page.evaluate("window.__csp")
    assert blocked and all(v.startswith("style-src") for v in blocked), blocked


def test_deleting_from_the_private_link(live_server, new_page, submitted, screenshot):
    base = live_server["url"]
    page = watched(new_page)
    page.goto(f"{base}/assessment/{submitted}?lang=en")
    page.click("text=Delete this assessment")
    assert page.url.endswith(f"/assessment/{submitted}/delete")
    assert_accessible(page, "en-delete")
    screenshot(page, "en-delete")
    page.click("main form button[type=submit]")
    assert page.url.rstrip("/") == base
    assert "Your assessment has been deleted" in page.inner_text(".govuk-notification-banner")
    assert_accessible(page, "en-deleted")
    assert page.goto(f"{base}/assessment/{submitted}").status == 404
    assert page.evaluate("window.__csp") == []
