"""A workshop in real browsers at once: a trainer (facilitator view), a projector at
1920×1080 and three phones (French and English mixed) joining by code; the projector
updates by itself when answers arrive and when the trainer reveals a section. Axe scans every
new page; screenshots land in test-artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS
from .test_journeys import answer_section, assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "Formation-Laval-2026"


@pytest.fixture()
def trainer_account(live_server):
    """The trainer's organisation id; the live server's database lasts the whole session, so
    the second test that asks finds the organisation and the account the first one made."""
    from sqlalchemy import select

    from roadmap.extensions import db
    from roadmap.models.organisation import Organisation, OrganisationRole
    from roadmap.services import accounts, organisations

    name = "Ville de Laval (navigateur)"
    with live_server["app"].app_context():
        found = db.session.scalar(select(Organisation.id).where(Organisation.name == name))
        if found is not None:
            return found
        org = organisations.create_organisation(name)
        user = accounts.create("formatrice.navigateur@example.org", password=PASSWORD)
        db.session.add(OrganisationRole(user_id=user.id, organisation_id=org.id, role="trainer"))
        db.session.commit()
        return org.id


def shot(page, name, screenshot, full=True):
    assert_accessible(page, name)
    if full:
        screenshot(page, name)
    else:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_a_workshop_with_a_trainer_a_projector_and_three_phones(
    live_server, new_page, screenshot, trainer_account
):
    base, org = live_server["url"], trainer_account
    q = live_server["app"].extensions["roadmap.catalogue"].get("cosie-readiness")
    compass = next(s for s in q.sections if s.id == "compass")
    trainer = new_page("fr-FR")
    trainer.goto(f"{base}/accounts/login")
    trainer.fill("#email", "formatrice.navigateur@example.org")
    trainer.fill("#password", PASSWORD)
    trainer.click("button[type=submit]")
    trainer.goto(f"{base}/workshops/{org}/new")
    shot(trainer, "fr-workshop-new", screenshot)
    trainer.fill("#title", "Atelier boussole éthique")
    trainer.click('label:has-text("Boussole éthique")')
    trainer.fill("#k", "3")
    trainer.fill("#role_tags", "première ligne, gestion")
    trainer.click("button[type=submit]")
    expect(trainer.locator("h1")).to_have_text("Atelier boussole éthique")
    trainer.click('button:has-text("Ouvrir l’atelier")')
    code = trainer.locator(".app-code").first.inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{6}", code)
    shot(trainer, "fr-workshop-facilitator-empty", screenshot)

    projector = trainer.context.new_page()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    projector.goto(trainer.url + "/projector")
    expect(projector.locator(".app-projector__join")).to_contain_text(code)

    phones = [new_page("fr-FR", 320), new_page("en-GB", 375), new_page("fr-FR", 375)]
    for n, (phone, lang, role, value) in enumerate(
        zip(
            phones,
            ("fr", "en", "fr"),
            ("première ligne", "gestion", "première ligne"),
            "153",
            strict=True,
        )
    ):
        phone.goto(f"{base}/join/")
        if n == 0:
            phone.fill("#code", "ZZZZZZ")
            phone.click("button[type=submit]")
            expect(phone.locator(".govuk-error-summary")).to_contain_text("Aucun atelier ouvert")
            shot(phone, "fr-join-wrong-code", screenshot)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 320
        phone.fill("#code", code.lower())
        phone.click("button[type=submit]")
        if n == 1:
            shot(phone, "en-join-choose", screenshot)
        phone.click(f'input[name=language][value="{lang}"] + label')
        phone.click(f'label:has-text("{role}")')
        phone.click("button[type=submit]")
        # The task list shows only the workshop's section, in the participant's language.
        expect(phone.locator("h1")).to_be_visible()
        step = phone.locator(f'a[href$="/step/{compass.id}"]').first
        step.click()
        if n == 1:
            shot(phone, "en-workshop-step", screenshot)
        if n == 0:  # the smallest phone: nothing wider than the screen
            assert phone.evaluate("document.documentElement.scrollWidth") <= 320
        answer_section(phone, compass, rated_value=value, option_index=1 + n)
        phone.click('button[name=action][value="next"]')
        phone.click("form button[type=submit]")  # confirm on the check page
        expect(phone.locator(".govuk-panel__title")).to_have_text(
            "Thank you" if lang == "en" else "Merci"
        )
        if n == 1:
            shot(phone, "en-workshop-done", screenshot)
        # A reload of the join link comes back to the same answers: counted once.
        phone.goto(f"{base}/join/{code}")
        assert "/assessment/" in phone.url

    # The facilitator view updates itself: 3 finished, then the results (k = 3).
    expect(trainer.locator(".app-counts")).to_contain_text("3", timeout=10000)
    expect(trainer.locator("figure.app-radar svg")).to_be_visible(timeout=10000)
    shot(trainer, "fr-workshop-facilitator", screenshot)
    # Nothing on the projector until the trainer reveals the section.
    expect(projector.locator(".app-notice")).to_be_visible()
    assert projector.locator("figure.app-radar").count() == 0
    trainer.click('button:has-text("Dévoiler")')
    expect(projector.locator("figure.app-radar svg")).to_be_visible(timeout=10000)
    expect(projector.locator(".app-counts")).to_contain_text("3")
    shot(projector, "fr-workshop-projector-1920", screenshot, full=False)
    for page in [trainer, *phones]:  # the projector tab shares the trainer's context
        assert page.external_requests == []

    # The consensus round: the trainer opens a re-vote on the first agenda statement, the
    # phones answer it again from their thank-you page, the trainer closes it and records the
    # score the room agreed on; the facilitator view and the projector show both rounds.
    item_id = trainer.locator("form input[name=item]").first.get_attribute("value")
    trainer.locator('button:has-text("Ouvrir un nouveau vote")').first.click()
    expect(trainer.locator("#consensus + .govuk-inset-text")).to_contain_text("Nouveau vote")
    for n, phone in enumerate(phones):
        token = phone.url.rstrip("/").split("/assessment/")[1].split("/")[0]
        phone.goto(f"{base}/join/done/{token}")
        phone.locator("a.govuk-button").click()
        if n == 1:
            shot(phone, "en-workshop-revote", screenshot)
        if n == 0:
            assert phone.evaluate("document.documentElement.scrollWidth") <= 320
        phone.click('input[name=value][value="4"] + label')
        phone.click("form button[type=submit]")
        expect(phone.locator(".govuk-inset-text").first).to_contain_text(
            "saved" if n == 1 else "enregistrée"
        )
    trainer.reload()
    expect(trainer.locator(".app-consensus")).to_contain_text("3 personnes", timeout=10000)
    trainer.click('button:has-text("Fermer le nouveau vote")')
    trainer.select_option("#subject", value=f"item:{item_id}")
    trainer.fill("#score", "4")
    trainer.fill("#rationale", "La salle s’entend sur 4 après discussion.")
    trainer.fill("#dissent", "Une personne reste à 2.")
    trainer.click('button:has-text("Consigner le score convenu")')
    expect(trainer.locator(".app-consensus")).to_contain_text("La salle s’entend sur 4")
    expect(trainer.locator(".app-consensus")).to_contain_text("La médiane est passée de 3 à 4.")
    shot(trainer, "fr-workshop-consensus", screenshot)
    expect(projector.locator(".app-consensus")).to_contain_text(
        "La salle s’entend sur 4", timeout=10000
    )
    projector.locator(".app-consensus").scroll_into_view_if_needed()
    shot(projector, "fr-workshop-projector-consensus-1920", screenshot, full=False)
    # The facilitator's consensus controls and table, as the trainer sees them.
    trainer.locator("#consensus").scroll_into_view_if_needed()
    trainer.screenshot(path=str(SCREENSHOTS / "fr-workshop-consensus-controls.png"))
    for page in [trainer, *phones]:
        assert page.external_requests == []
