"""Every page at 320 px (the narrowest phone WCAG 1.4.10 asks for) and at 1280 px, in French and
English: no sideways scroll, no word broken mid-word, no serious axe violation; screenshots in
test-artifacts/screenshots/layout-*.png for a look."""

from __future__ import annotations

import pytest

from roadmap.content.catalogue import default_questionnaire
from roadmap.core.questionnaire import ItemKind
from roadmap.services import assessments

from .test_journeys import assert_accessible

pytestmark = pytest.mark.browser

# Each word of visible text (split where a break is allowed: spaces, hyphens, dashes, slashes)
# must sit on one line: a word whose characters land on two lines was broken mid-word.
BROKEN_WORDS = r"""(() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('.govuk-visually-hidden, script, style, title, desc')) continue;
    const re = /[^\s\-\u2010\u2011\u2013\u2014\/]{2,}/g;
    for (let m = re.exec(node.textContent); m; m = re.exec(node.textContent)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(`${m[0]} (${el.tagName.toLowerCase()}.${el.className})`);
    }
  }
  return broken.slice(0, 8);
})()"""
TOO_WIDE = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
    && !e.closest('.govuk-visually-hidden, .govuk-skip-link'))
  .map(e => e.tagName.toLowerCase() + '.' + e.className).slice(0, 5)"""


def _answers(q, skip_dimension: str | None = None, rated: int = 4, option: int = 1):
    """Every question answered; the rated items of `skip_dimension` "don't know"."""
    out = {}
    for item in q.items.values():
        if item.kind is ItemKind.RATED:
            out[item.id] = "dont_know" if item.dimension == skip_dimension else rated
        elif item.kind is ItemKind.CHOICE:
            out[item.id] = item.options[min(option, len(item.options) - 1)].id
    return out


@pytest.fixture(scope="module")
def pages(live_server):
    """Tokens for every kind of page: one in progress, one re-assessment submitted with a
    dimension left to "don't know" (the radar's marked axis) and a previous series."""
    app = live_server["app"]
    with app.test_request_context():
        q = default_questionnaire()
        draft = assessments.create(q, "fr", "Centre communal d’action sociale — Est")
        first = q.sections[0]
        assessments.save(draft, {i.id: 3 for i in first.items if i.kind is ItemKind.RATED}, {})
        before = assessments.create(q, "fr", "Maison de l’emploi intercommunale")
        assessments.save(before, _answers(q, rated=2, option=0), {})
        assessments.submit(before)
        after = assessments.reassess(before, q)
        assessments.save(after, _answers(q, skip_dimension="alliances", rated=4, option=2), {})
        assessments.submit(after)
        return {"draft": draft.token, "results": after.token, "section": q.sections[2].id}


def _paths(pages):
    d, r = pages["draft"], pages["results"]
    return {
        "home": "/",
        "start": "/assessment/start",
        "created": f"/assessment/{d}/created",
        "overview": f"/assessment/{d}",
        "step": f"/assessment/{d}/step/{pages['section']}",
        "check": f"/assessment/{d}/check",
        "results": f"/results/{r}",
        "tools": "/tools",
        "tool": "/tools/citizen-jury",
        "methods": "/methods",
        "404": "/assessment/not-a-real-token",
    }


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_fits_without_broken_words(
    live_server, new_page, screenshot, pages, lang, width
):
    page = new_page(locale="fr-FR" if lang == "fr" else "en-GB", width=width)
    page.goto(f"{live_server['url']}/?lang={lang}")  # the interface language, kept in session
    problems = {}
    for name, path in _paths(pages).items():
        page.goto(live_server["url"] + path)
        page.wait_for_load_state("networkidle")
        for details in page.locator("main details").all():  # folded text must fit too
            details.evaluate("d => d.open = true")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            problems[f"{name}: scrollWidth {scroll}"] = page.evaluate(TOO_WIDE)
        broken = page.evaluate(BROKEN_WORDS)
        if broken:
            problems[f"{name}: broken words"] = broken
        if width == 320:
            assert_accessible(page, f"{lang}-{name}-{width}")
        screenshot(page, f"layout-{lang}-{width}-{name}")
    assert not problems, problems
