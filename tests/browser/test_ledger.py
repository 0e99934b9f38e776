"""The manager's readiness ledger and a team's page in a real browser, French and English, at
1280 and 320 px: trends drawn by the partial plotly.js (with their tables), no sideways scroll,
axe clean, no external request; screenshots in test-artifacts/screenshots/ledger-*.png."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from roadmap.content.catalogue import default_questionnaire
from roadmap.core.questionnaire import ItemKind
from roadmap.extensions import db
from roadmap.services import accounts, assessments, organisations

from .test_journeys import assert_accessible
from .test_layout import TOO_WIDE

pytestmark = pytest.mark.browser
PASSWORD = "Lapin-Bleu-Ciel-42"


def _answers(q, rng):
    out = {}
    for item in q.items.values():
        if item.kind is ItemKind.RATED:
            out[item.id] = rng.choice([1, 2, 3, 4, 5])
        elif item.kind is ItemKind.CHOICE:
            out[item.id] = rng.choice(item.options).id
    return out


@pytest.fixture(scope="module")
def ledger_org(live_server):
    """Six teams (the threshold is five), the first assessed three times, a manager."""
    app = live_server["app"]
    rng = random.Random(4)
    with app.test_request_context():
        q = default_questionnaire()
        org = organisations.create_organisation("Centre intégré de santé et de services sociaux")
        manager = accounts.create("gestionnaire@example.org", password=PASSWORD)
        organisations.grant(manager.id, org.id, "manager")
        db.session.commit()
        start = datetime.now(UTC) - timedelta(days=700)
        first_team = None
        for t, name in enumerate(
            ["Soutien à domicile", "Jeunesse", "Accueil", "Santé mentale", "Logement", "Emploi"]
        ):
            team = organisations.create_team(org, name)
            first_team = first_team or team.id
            previous = None
            for n in range(3 if t == 0 else 1):
                a = assessments.create(q, "fr", name, "manager", previous=previous)
                assessments.save(a, _answers(q, rng))
                assessments.submit(a)
                a.team_id, a.owner_id = team.id, manager.id
                a.submitted_at = start + timedelta(days=300 * n + (t * 40 if n == 0 else 0))
                db.session.commit()
                previous = a
        return {"org": org.id, "team": first_team}


def _sign_in(page, base):
    page.goto(f"{base}/accounts/login")
    page.fill("input[name=email]", "gestionnaire@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_ledger_and_team_pages(live_server, new_page, screenshot, ledger_org, lang, width):
    base = live_server["url"]
    page = new_page(locale="fr-FR" if lang == "fr" else "en-GB", width=width)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/?lang={lang}")
    _sign_in(page, base)
    org, team = ledger_org["org"], ledger_org["team"]
    for name, path in (
        ("ledger", f"/organisations/{org}/ledger"),
        ("team", f"/organisations/{org}/teams/{team}"),
    ):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, page.evaluate(
            TOO_WIDE
        )
        assert_accessible(page, f"ledger-{lang}-{width}-{name}")
        screenshot(page, f"ledger-{lang}-{width}-{name}")
    # The team page: both trend charts drawn by plotly.js, each beside its table.
    assert page.locator(".app-plot .main-svg").count() >= 2
    assert page.locator(".app-trend table").count() == 2
    assert page.locator(".app-plot .scatterlayer .trace").count() >= 2
    assert page.external_requests == []
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_without_javascript_the_tables_stand_in(live_server, new_page, ledger_org):
    base = live_server["url"]
    page = new_page(javascript=False)
    _sign_in(page, base)
    page.goto(f"{base}/organisations/{ledger_org['org']}/teams/{ledger_org['team']}")
    assert page.locator(".app-plot").first.is_hidden()
    assert page.locator(".app-trend table").count() == 2
