"""Data rights and the audit log in a real browser, French and English, at 1280 and 320 px:
the account page, downloading one's data, deleting one's account (a refusal first), a manager
changing a role and reading the audit log. Axe scan and screenshot of each page."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from .test_journeys import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "Lapin-Bleu-Ciel-42"
made = itertools.count(1)


@pytest.fixture()
def people(live_server):
    """An organisation with a manager and a member whose submitted assessment is filed under
    their team; fresh addresses for every test (the browser database lasts the session)."""
    from roadmap.services import accounts, assessments, organisations

    app, n = live_server["app"], next(made)
    with app.app_context():
        org = organisations.create_organisation(f"Ville de Laval {n}")
        team = organisations.create_team(org, "Accueil des familles")
        manager = accounts.create(f"cheffe-{n}@example.org", password=PASSWORD)
        member = accounts.create(f"camille.tremblay-{n}@exemple.quebec", password=PASSWORD)
        organisations.grant(manager.id, org.id, "manager")
        organisations.join(member.id, team.id)
        q = app.extensions["roadmap.catalogue"].get(app.config["DEFAULT_QUESTIONNAIRE"])
        assessment = assessments.create(q, "fr", "Accueil des familles", "manager")
        assessments.submit(assessment)
        organisations.claim(assessment, member, team.id)
        return {"org": org.id, "manager": manager.email, "member": member.email, "id": member.id}


def sign_in(page, base: str, email: str, lang: str) -> None:
    page.goto(f"{base}/accounts/login?lang={lang}")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")


def check(page, name: str, screenshot, width: int) -> None:
    page.wait_for_load_state("networkidle")
    assert_accessible(page, name)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    screenshot(page, name)


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_download_then_delete_ones_account(live_server, new_page, screenshot, people, lang, width):
    base, page = live_server["url"], new_page(locale=f"{lang}-CA", width=width)
    sign_in(page, base, people["member"], lang)
    assert page.url.endswith("/accounts/")
    check(page, f"{lang}-{width}-account", screenshot, width)
    with page.expect_download() as download:
        page.click("form[action='/accounts/data'] button")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == people["member"]
    assert data["assessments"][0]["service_name"] == "Accueil des familles"
    page.click("a[href='/accounts/delete']")
    check(page, f"{lang}-{width}-account-delete", screenshot, width)
    page.click("label[for='assessments']")  # keep them, anonymised
    page.fill("#password", "pas-le-bon-mot-de-passe")
    page.click("main button[type=submit]")
    check(page, f"{lang}-{width}-account-delete-error", screenshot, width)
    assert page.locator(".govuk-error-summary").is_visible()
    page.click("label[for='assessments']")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base}/"
    check(page, f"{lang}-{width}-account-deleted", screenshot, width)
    assert page.external_requests == []


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_manager_changes_a_role_and_reads_the_log(
    live_server, new_page, screenshot, people, lang, width
):
    base, page = live_server["url"], new_page(locale=f"{lang}-CA", width=width)
    sign_in(page, base, people["manager"], lang)
    page.goto(f"{base}/organisations/{people['org']}")
    check(page, f"{lang}-{width}-organisation", screenshot, width)  # a long address fits
    page.click(f"a[href='/organisations/{people['org']}/people/{people['id']}']")
    check(page, f"{lang}-{width}-person", screenshot, width)
    page.click("label[for='role-2']")  # trainer
    page.click("form[action$='/role'] button")
    check(page, f"{lang}-{width}-person-saved", screenshot, width)
    page.goto(f"{base}/organisations/{people['org']}")
    page.click(f"a[href='/organisations/{people['org']}/log']")
    check(page, f"{lang}-{width}-audit-log", screenshot, width)
    table = page.locator("main table").inner_text()
    assert people["manager"] in table and people["member"] in table
    assert ("formateur" if lang == "fr" else "trainer") in table


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_privacy_page(live_server, new_page, screenshot, lang):
    for width in (1280, 320):
        page = new_page(locale=f"{lang}-CA", width=width)
        page.goto(f"{live_server['url']}/privacy/?lang={lang}")
        check(page, f"{lang}-{width}-privacy", screenshot, width)
