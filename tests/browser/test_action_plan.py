"""Entering an action plan on the results page in a real browser, in French and English, at
1280 and 320 px: a refused date says why and keeps what was typed, the plan shows, an action
is changed; axe finds nothing serious; no sideways scroll. Also the manager's export page.
Screenshots in test-artifacts/screenshots/plan-*.png."""

from __future__ import annotations

import pytest

from roadmap.content.catalogue import default_questionnaire
from roadmap.services import accounts, assessments, organisations
from tests.factories import PASSWORD

from .test_journeys import assert_accessible
from .test_layout import _answers

pytestmark = pytest.mark.browser

WORDS = {
    "fr": {
        "what": "Rencontrer dix familles au centre de quartier",
        "add": "Ajouter cette action",
        "range": "Entrez une échéance entre les années 2000 et 2100.",
        "added": "L’action a été ajoutée au plan.",
        "change": "Modifier ou supprimer",
        "save": "Enregistrer l’action",
        "done": "Terminée",
        "due": "15 mars 2027",
    },
    "en": {
        "what": "Meet ten families at the neighbourhood centre",
        "add": "Add this action",
        "range": "Enter a due date between the years 2000 and 2100.",
        "added": "The action has been added to the plan.",
        "change": "Change or remove",
        "save": "Save the action",
        "done": "Done",
        "due": "15 March 2027",
    },
}


def _fits(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"scrollWidth {scroll} at {width} px"


@pytest.fixture()
def results_token(live_server):
    app = live_server["app"]
    with app.test_request_context():
        q = default_questionnaire()
        assessment = assessments.create(q, "fr", "Centre communal d’action sociale — Est")
        assessments.save(assessment, _answers(q, rated=2, option=1), {})
        assessments.submit(assessment)
        return assessment.token


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_entering_an_action_plan(live_server, new_page, screenshot, results_token, lang, width):
    words = WORDS[lang]
    page = new_page(locale="fr-FR" if lang == "fr" else "en-GB", width=width)
    base = live_server["url"]
    page.goto(f"{base}/?lang={lang}")
    page.goto(f"{base}/results/{results_token}?lang={lang}")
    plan = page.locator("#action-plan")
    plan.scroll_into_view_if_needed()
    page.fill("#action", words["what"])
    page.fill("#owner", "Lina, travailleuse sociale")
    page.fill("#due_on", "1850-01-01")  # a real date, but out of range: the server says so
    page.select_option("#status", "in_progress")
    page.locator("#method").select_option(index=1)
    page.get_by_role("button", name=words["add"]).click()
    page.wait_for_load_state("networkidle")
    summary = page.locator(".govuk-error-summary")
    assert words["range"] in summary.inner_text()
    assert page.input_value("#action") == words["what"]  # nothing typed is lost
    assert page.input_value("#owner") == "Lina, travailleuse sociale"
    assert page.get_attribute("#due_on", "aria-describedby").endswith("due_on-error")
    _fits(page, width)
    assert_accessible(page, f"plan-error-{lang}-{width}")
    screenshot(page, f"plan-{lang}-{width}-1-refused")
    summary.locator("a").first.click()  # the summary's link goes to the field
    assert page.evaluate("document.activeElement.id") == "due_on"
    page.fill("#due_on", "2027-03-15")
    page.get_by_role("button", name=words["add"]).click()
    page.wait_for_load_state("networkidle")
    assert words["added"] in page.locator(".govuk-notification-banner").inner_text()
    assert words["what"] in plan.locator("xpath=following-sibling::ol[1]").inner_text()
    assert words["due"] in page.content()
    _fits(page, width)
    assert_accessible(page, f"plan-results-{lang}-{width}")
    page.locator("#action-plan").scroll_into_view_if_needed()
    screenshot(page, f"plan-{lang}-{width}-2-results")
    page.get_by_role("link", name=words["change"]).first.click()
    page.wait_for_load_state("networkidle")
    page.select_option("#status", "done")
    _fits(page, width)
    assert_accessible(page, f"plan-edit-{lang}-{width}")
    screenshot(page, f"plan-{lang}-{width}-3-edit")
    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_load_state("networkidle")
    assert words["done"] in page.locator("#action-plan ~ ol").first.inner_text()
    assert page.external_requests == []


def test_the_plan_works_without_javascript(live_server, new_page, results_token):
    page = new_page(javascript=False)
    page.goto(f"{live_server['url']}/results/{results_token}")
    page.fill("#action", "Sans script")
    page.get_by_role("button", name="Ajouter cette action").click()
    assert "Sans script" in page.locator("#action-plan ~ ol").first.inner_text()


@pytest.mark.parametrize("width", [1280, 320])
def test_the_export_page_for_a_manager(live_server, new_page, screenshot, results_token, width):
    app = live_server["app"]
    email = f"chef-{width}@example.org"
    with app.test_request_context():
        org = organisations.create_organisation(f"CPAS de Liège {width}")
        team = organisations.create_team(org, "Accueil et orientation")
        user = accounts.create(email, password=PASSWORD)
        organisations.grant(user.id, org.id, "manager")
        assessment, _q = assessments.by_token(results_token, 365)
        organisations.claim(assessment, user, team.id)
        org_id = org.id
    page = new_page(width=width)
    base = live_server["url"]
    page.goto(f"{base}/accounts/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{base}/organisations/{org_id}")
    page.get_by_role("link", name="Exporter les résultats (CSV, Excel, JSON)").click()
    page.wait_for_load_state("networkidle")
    _fits(page, width)
    assert_accessible(page, f"exports-{width}")
    screenshot(page, f"plan-exports-fr-{width}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Scores (CSV)").click()
    assert download.value.suggested_filename.startswith(f"cpas-de-liege-{width}-scores-")
