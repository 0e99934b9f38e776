"""The strict style policy in a real browser: no page the app draws breaks a CSP rule, bars
have the length of their number, the results page needs no relaxation, the dashboards' partial
plotly.js works under the same policy, and deleting an assessment works end to end."""

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


def test_results_page_works_under_the_strict_policy(live_server, new_page, submitted):
    """The radar is SVG from the server and the page loads no chart library, so the results
    page needs no relaxation: no violation, bars as long as their numbers, details that open."""
    page = watched(new_page)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    response = page.goto(f"{live_server['url']}/results/{submitted}")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    assert not [url for url in requested if "plotly" in url]
    assert page.locator("figure .app-radar__svg polygon").count() >= 5  # rings and the outline
    scores = [
        int(t.split("/")[0])
        for t in page.locator(".app-card .govuk-\\!-font-size-24").all_inner_texts()
    ]
    ratios = page.evaluate(BAR_RATIOS)
    assert scores and len(ratios) == len(scores)
    assert all(abs(r - s / 100) < 0.01 for r, s in zip(ratios, scores, strict=True))
    summary = page.locator("#recommendations ~ details summary").first
    summary.focus()
    page.keyboard.press("Enter")  # the folded suggestions open from the keyboard
    assert page.locator("#recommendations ~ details").first.get_attribute("open") is not None


PLOTLY_DEMO = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Demo</title>
<link id="plotly.js-style-global" class="no-inline-styles" rel="stylesheet"
 href="/static/vendor/plotly-partial.css">
<script src="/static/vendor/plotly-partial.min.js"></script>
<script src="/demo.js" defer></script></head>
<body><div id="polar"></div><div id="bars"></div><div id="line"></div></body></html>"""
PLOTLY_DEMO_JS = """
Plotly.newPlot("polar", [{type: "scatterpolar", r: [1, 2, 3], theta: ["a", "b", "c"]}]);
Plotly.newPlot("bars", [{type: "bar", x: ["a", "b"], y: [1, 2]}]);
Plotly.newPlot("line", [{type: "scatter", x: [1, 2], y: [3, 1]}]);
"""


def test_the_partial_plotly_draws_its_traces_under_the_strict_policy(live_server, new_page):
    """The dashboards' plotly.js (core, bar, scatterpolar) on a page served with the app's
    CSP: the three trace types draw, and its style rules come from the file, not a <style>."""
    from roadmap.web.security import CSP

    page = watched(new_page)
    headers = {"content-security-policy": CSP}

    def demo(route):
        route.fulfill(body=PLOTLY_DEMO, content_type="text/html", headers=headers)

    def demo_js(route):
        route.fulfill(body=PLOTLY_DEMO_JS, content_type="text/javascript", headers=headers)

    page.route("**/demo", demo)
    page.route("**/demo.js", demo_js)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server['url']}/demo")
    page.wait_for_selector("#line .main-svg")
    page.wait_for_load_state("networkidle")
    assert not errors, errors
    assert page.evaluate("window.__csp") == []
    assert page.locator("#polar .polarlayer path.js-line").count() == 1
    assert page.locator("#bars .bars path").count() == 2
    assert page.evaluate("document.querySelectorAll('style[id^=\"plotly.js\"]').length") == 0


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
