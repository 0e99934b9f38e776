"""A trainer types in paper forms (a mistake first, then a good form), closes the workshop,
finds its exports and the before/after page. Axe scans each page; screenshots land in
test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_workshop_journey import PASSWORD, shot, trainer_account  # noqa: F401 (its fixture)

pytestmark = pytest.mark.browser


def test_paper_forms_exports_and_before_after(live_server, new_page, screenshot, request):
    base, org = live_server["url"], request.getfixturevalue("trainer_account")
    trainer = new_page("fr-FR", 375)
    trainer.goto(f"{base}/accounts/login")
    trainer.fill("#email", "formatrice.navigateur@example.org")
    trainer.fill("#password", PASSWORD)
    trainer.click("button[type=submit]")
    for title in ("Début de formation", "Fin de formation"):
        trainer.goto(f"{base}/workshops/{org}/new")
        trainer.fill("#title", title)
        trainer.click('label:has-text("Boussole éthique")')
        trainer.fill("#k", "3")
        trainer.fill("#role_tags", "première ligne, gestion")
        trainer.click("button[type=submit]")
        trainer.click('button:has-text("Ouvrir l’atelier")')
    show = trainer.url
    trainer.click('a:has-text("Saisir un formulaire papier")')
    paper = trainer.url
    trainer.locator(".app-scale input[type=radio]").first.check()
    trainer.click('button:has-text("Enregistrer ce formulaire papier")')  # no role: refused
    expect(trainer.locator(".govuk-error-summary")).to_contain_text("Choisissez le rôle")
    assert trainer.locator(".app-scale input[type=radio]").first.is_checked()  # kept
    shot(trainer, "fr-workshop-paper-error", screenshot)
    assert trainer.evaluate("document.documentElement.scrollWidth") <= 375
    for _ in range(3):
        trainer.goto(paper)
        trainer.click('label:has-text("gestion")')
        trainer.locator(".app-scale input[type=radio]").nth(3).check()
        trainer.click('button:has-text("Enregistrer ce formulaire papier")')
        expect(trainer.locator(".govuk-inset-text")).to_contain_text("compte dans les résultats")
    shot(trainer, "fr-workshop-paper", screenshot)
    trainer.goto(show)
    expect(trainer.locator("body")).to_contain_text("3 réponses saisies à partir du papier")
    trainer.click('button:has-text("Fermer l’atelier")')
    expect(trainer.locator("h2", has_text="Exportations")).to_be_visible()
    with trainer.expect_download() as download:
        trainer.click('a[href$="/answers.csv"]')
    assert download.value.suggested_filename.endswith(".csv")
    shot(trainer, "fr-workshop-closed-exports", screenshot)
    trainer.click('a:has-text("Avant et après")')
    start = trainer.locator("#start option", has_text="Début de formation").get_attribute("value")
    trainer.select_option("#start", value=start)
    trainer.click('button:has-text("Enregistrer le lien")')
    expect(trainer.locator("table caption")).to_contain_text("Début de formation")
    shot(trainer, "fr-workshop-before-after", screenshot)
    assert trainer.evaluate("document.documentElement.scrollWidth") <= 375
    assert trainer.external_requests == []
