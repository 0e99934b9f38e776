"""Whole journeys in a real browser, in French and in English, with an accessibility scan of
every page (axe-core: no serious or critical violation) and screenshots for a visual check."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from roadmap.core.questionnaire import ItemKind

pytestmark = pytest.mark.browser
AXE = Axe()


def assert_accessible(page, name: str) -> None:
    results = AXE.run(
        page,
        options={
            "resultTypes": ["violations"],
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            },
        },
    )
    # Serious and critical violations, and "region" (moderate): every piece of content, the
    # back link included, sits in a landmark.
    bad = [
        v
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical") or v["id"] == "region"
    ]
    details = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in bad]
    assert not bad, f"{name}: " + "; ".join(details)


def visit(page, url: str, name: str, screenshot) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert_accessible(page, name)
    screenshot(page, name)


def answer_section(page, section, rated_value: str = "4", option_index: int = 3) -> None:
    for item in section.items:
        if item.kind is ItemKind.RATED:
            index = int(rated_value)
        elif item.kind is ItemKind.CHOICE:
            index = min(option_index, len(item.options))
        else:
            page.fill(f"#{item.id}", f"Réflexion de l'équipe sur « {item.id} » : à approfondir.")
            continue
        target = item.id if index == 1 else f"{item.id}-{index}"
        page.click(f'label[for="{target}"]')


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_whole_journey_with_resume_on_another_device(live_server, new_page, screenshot, lang):
    base = live_server["url"]
    q = live_server["app"].extensions["roadmap.catalogue"].get("cosie-readiness")
    page = new_page(locale="fr-CA" if lang == "fr" else "en-GB")

    visit(page, f"{base}/?lang={lang}", f"{lang}-home", screenshot)
    assert page.locator("html").get_attribute("lang") == lang
    page.click("a.govuk-button--start")
    visit(page, page.url, f"{lang}-start", screenshot)
    page.fill("#service_name", "Centre de services — quartier Est")
    page.click('label[for="role-2"]')
    page.click(f'label[for="language{"" if lang == "fr" else "-2"}"]')
    page.click("form button[type=submit]")
    assert "/created" in page.url
    assert_accessible(page, f"{lang}-created")
    screenshot(page, f"{lang}-created")
    resume_link = page.input_value("#resume-link")
    assert re.search(r"/assessment/[\w-]{30,}$", resume_link)

    page.click("text=" + ("Commencer" if lang == "fr" else "Begin"))
    first = q.sections[0]
    assert_accessible(page, f"{lang}-step-1")
    answer_section(page, first)
    screenshot(page, f"{lang}-step-1")
    page.click('button[value="later"]')
    assert page.url.rstrip("/").endswith(resume_link.rsplit("/", 1)[1])
    visit(page, page.url, f"{lang}-overview", screenshot)

    # Another device: a fresh context with no cookie, only the private link.
    other = new_page(locale="en-GB" if lang == "fr" else "fr-FR")
    other.goto(resume_link)
    assert other.locator("html").get_attribute("lang") == lang  # the assessment's language
    assert other.locator(".govuk-task-list__status").first.inner_text().strip() in (
        "Terminé",
        "Completed",
    )
    other.goto(f"{resume_link}/step/{first.id}")
    assert other.is_checked(f"#{first.items[1].id}-4") or other.is_checked(
        f"#{first.items[2].id}-4"
    )
    for number, section in enumerate(q.sections[1:], start=2):
        other.goto(f"{resume_link}/step/{section.id}")
        if number == 3:
            assert_accessible(other, f"{lang}-step-{number}")
            screenshot(other, f"{lang}-step-{number}")
        answer_section(other, section, rated_value="3" if number % 2 else "4", option_index=2)
        other.click('button[value="next"]')
    assert other.url.endswith("/check")
    assert_accessible(other, f"{lang}-check")
    screenshot(other, f"{lang}-check")
    other.click("main form button[type=submit]")
    assert "/results/" in other.url
    assert other.locator("figure svg[role=img] desc").count() == 1  # the server-drawn radar
    assert_accessible(other, f"{lang}-results")
    screenshot(other, f"{lang}-results")
    assert other.locator("table").count() >= 2
    assert page.external_requests == [] and other.external_requests == []

    with other.expect_download() as download:
        other.click(
            "text=" + ("Télécharger le rapport PDF" if lang == "fr" else "Download the PDF report")
        )
    assert download.value.suggested_filename.endswith(".pdf")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_library_and_error_pages_are_accessible(live_server, new_page, screenshot, lang):
    base = live_server["url"]
    page = new_page()
    visit(page, f"{base}/methods?lang={lang}", f"{lang}-methods", screenshot)
    visit(page, f"{base}/tools?lang={lang}", f"{lang}-tools", screenshot)
    visit(page, f"{base}/tools/citizen-jury?lang={lang}", f"{lang}-tool", screenshot)
    response = page.goto(f"{base}/assessment/not-a-real-token")
    assert response.status == 404
    assert_accessible(page, f"{lang}-404")


def test_error_summary_and_keyboard_use(live_server, new_page, screenshot):
    base = live_server["url"]
    page = new_page()
    page.goto(f"{base}/assessment/start?lang=en")
    page.fill("#service_name", "x" * 201)
    page.click("form button[type=submit]")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    # GOV.UK Frontend moves focus to the summary once its (deferred) module has run. (Not
    # wait_for_function with a string: its polling evaluates it, which the CSP forbids.)
    expect(summary).to_be_focused()
    assert_accessible(page, "en-start-error")
    screenshot(page, "en-start-error")
    page.click(".govuk-error-summary a")
    assert page.evaluate("document.activeElement.id") == "service_name"
    # Keyboard only: tab from the top reaches the skip link first, then the page.
    page.goto(f"{base}/?lang=en")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").startswith("govuk-skip-link")


def test_works_without_javascript(live_server, new_page):
    base = live_server["url"]
    page = new_page(javascript=False)
    page.goto(f"{base}/assessment/start?lang=en")
    page.click('label[for="language-2"]')
    page.click("form button[type=submit]")
    assert "/created" in page.url
    page.click("text=Begin")
    page.click('button[value="next"]')
    assert "/step/" in page.url


def test_phone_width_has_no_horizontal_scroll(live_server, new_page, screenshot):
    base = live_server["url"]
    page = new_page(width=360)
    for path in ("/", "/assessment/start", "/methods", "/tools"):
        page.goto(f"{base}{path}")
        wide = page.evaluate("""[...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > 361)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, (path, wide)
    screenshot(page, "fr-phone-tools")
