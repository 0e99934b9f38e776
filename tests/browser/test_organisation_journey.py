"""The organisation journey in a real browser, in French and in English: the first
administrator (made by `roadmap users create --role admin`) chooses a password from the link the
command prints, creates an organisation and a team, invites a manager and a member (the links
shown on the page, no e-mail); both sign up; the member does a whole assessment, records an
action and files the assessment under the team; the manager reads the ledger, the team page
(trends drawn by plotly.js, tables beside), the read-only team results, downloads the
organisation report (its text read with pypdf) and a CSV export. Axe scans every page; the key
pages are also checked at 320 px (no sideways scroll). Screenshots:
test-artifacts/screenshots/org-<lang>-*.png."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import SCREENSHOTS
from .test_journeys import answer_section, assert_accessible
from .test_layout import TOO_WIDE

pytestmark = pytest.mark.browser
PASSWORD = "Lapin-Bleu-Ciel-42"
NARROW = 320

WORDS = {
    "fr": {
        "organisation": "CISSS de la Montérégie (parcours)",
        "team": "Soutien à domicile — Est",
        "service": "Soutien à domicile, secteur Est",
        "action": "Rencontrer dix familles au centre de quartier",
        "begin": "Commencer",
        "add": "Ajouter cette action",
        "claim": "Ajouter aux résultats de mon équipe",
        "file": "La classer dans cette équipe",
        "pdf": "Télécharger le rapport de l’organisation (PDF)",
        "export": "Exporter les résultats (CSV, Excel, JSON)",
        "csv": "Scores (CSV)",
        "plan": "1 action",
        "power": ["Informer", "Consulter", "Impliquer", "Collaborer", "Habiliter"],
    },
    "en": {
        "organisation": "Brussels Public Centre for Social Welfare (journey)",
        "team": "Home support — East",
        "service": "Home support, Eastern district",
        "action": "Meet ten families at the neighbourhood centre",
        "begin": "Begin",
        "add": "Add this action",
        "claim": "Add to my team's results",
        "file": "File it under this team",
        "pdf": "Download the organisation report (PDF)",
        "export": "Export results (CSV, Excel, JSON)",
        "csv": "Scores (CSV)",
        "plan": "1 action",
        "power": ["Inform", "Consult", "Involve", "Collaborate", "Empower"],
    },
}


# Every question of a step answered: rated ones with `value`, choices with their third
# option, reflections with a sentence (as typing would, with an input event).
ANSWER_ALL = """value => {
  const names = new Set([...document.querySelectorAll('main input[type=radio]')].map(i => i.name));
  for (const name of names) {
    const options = [...document.querySelectorAll(`main input[type=radio][name="${name}"]`)];
    const third = options[Math.min(2, options.length - 1)];
    (options.find(i => i.value === value) || third).checked = true;
  }
  for (const area of document.querySelectorAll('main textarea')) {
    area.value = "Réflexion de l’équipe : à approfondir.";
    area.dispatchEvent(new Event('input', {bubbles: true}));
  }
}"""


def _fits(page, width: int, name: str) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    for _wait in range(10):  # plotly.js redraws its charts shortly after a resize
        if scroll <= width or not page.locator(".app-plot").count():
            break
        page.wait_for_timeout(100)
        scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{name}: scrollWidth {scroll} at {width} px, {page.evaluate(TOO_WIDE)}"


def _from_part_down(page, name: str, part: str) -> None:
    """A screenshot from the element `part` to the page's end (the results pages are long,
    and the other browser tests already take them whole)."""
    top = page.locator(part).first.evaluate("e => e.getBoundingClientRect().top + scrollY")
    height = page.evaluate("document.documentElement.scrollHeight") - top + 20
    clip = {"x": 0, "y": top - 20, "width": page.viewport_size["width"], "height": height}
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=clip)


def look(page, name: str, screenshot, narrow: bool = False, part: str | None = None) -> None:
    """Axe-scan the page, check it fits, take its screenshot (of `part` down, if given);
    `narrow`: check and take it again at 320 px."""
    page.wait_for_load_state("networkidle")
    assert_accessible(page, name)
    width = page.viewport_size["width"]
    _fits(page, width, name)
    shoot = screenshot if part is None else lambda p, n: _from_part_down(p, n, part)
    shoot(page, f"{name}-{width}")
    if narrow:
        page.set_viewport_size({"width": NARROW, "height": 900})
        _fits(page, NARROW, name)
        shoot(page, f"{name}-{NARROW}")
        page.set_viewport_size({"width": width, "height": 900})


def _local(link: str, base: str) -> str:
    """A link printed or shown by the app, pointed at the test server."""
    return base + re.sub(r"^https?://[^/]+", "", link.strip())


def _first_admin(app, email: str) -> str:
    """`roadmap users create --role admin EMAIL`: the one-time link it prints."""
    result = app.test_cli_runner().invoke(args=["users", "create", "--role", "admin", email])
    assert result.exit_code == 0, result.output
    assert f"created {email} (administrator)" in result.output
    return re.search(r"https?://\S+/accounts/reset/\S+", result.output).group(0)


def _choose_password(page) -> None:
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def _invite(page, email: str, role: str, team: str | None, screenshot, name: str) -> str:
    page.click("main a[href$='/invite']")
    page.fill("#email", email)
    page.check(f"input[name=role][value={role}]")
    if team:
        page.select_option("#team", label=team)
    if name.endswith("member"):
        look(page, name.replace("member", "invite"), screenshot, narrow=True)
    page.locator("main form button[type=submit]").click()
    look(page, name, screenshot, narrow=role == "member")
    link = page.locator("code.app-private-link").inner_text()
    assert "/accounts/signup/" in link
    page.click("main a.govuk-link[href^='/organisations/']")  # back to the organisation
    return link


def _sign_up(page, link: str, base: str, name: str, screenshot, words) -> None:
    page.goto(_local(link, base))
    assert words["organisation"] in page.locator("h1").inner_text()
    look(page, f"{name}-signup", screenshot, narrow=True)
    page.fill("#name", "Camille Tremblay")
    _choose_password(page)
    assert page.url.endswith("/accounts/")
    assert words["organisation"] in page.locator(".govuk-notification-banner").inner_text()
    look(page, f"{name}-account", screenshot)


def _assessment(page, base: str, lang: str, q, words, shot, screenshot) -> str:
    """A whole assessment through the wizard; the results page's path."""
    page.goto(f"{base}/assessment/start")
    page.fill("#service_name", words["service"])
    page.click('label[for="role-2"]')
    page.click(f'label[for="language{"" if lang == "fr" else "-2"}"]')
    page.locator("main form button[type=submit]").click()
    assert "/created" in page.url
    page.click("text=" + words["begin"])
    for number, section in enumerate(q.sections):
        if number == 0:  # clicked as a person would; later sections in one go (faster)
            answer_section(page, section, rated_value="3", option_index=3)
            look(page, f"{shot}-step", screenshot)
        else:
            page.evaluate(ANSWER_ALL, "4" if number % 2 else "3")
        page.click('button[value="next"]')
    assert page.url.endswith("/check")
    page.locator("main form button[type=submit]").click()
    assert "/results/" in page.url
    return page.url


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_invitation_to_the_organisation_report(live_server, new_page, screenshot, lang):
    base, app, words = live_server["url"], live_server["app"], WORDS[lang]
    q = app.extensions["roadmap.catalogue"].get(app.config["DEFAULT_QUESTIONNAIRE"])
    locale = "fr-CA" if lang == "fr" else "en-GB"
    shot = f"org-{lang}"
    admin_email = f"admin-{lang}@example.org"
    manager_email = f"gestionnaire-{lang}@example.org"
    member_email = f"camille.tremblay-{lang}@exemple.quebec"

    # The first administrator: the CLI's link to choose a password, then the admin's pages.
    admin = new_page(locale=locale)
    admin.goto(f"{base}/?lang={lang}")
    admin.goto(_local(_first_admin(app, admin_email), base))
    look(admin, f"{shot}-admin-password", screenshot)
    _choose_password(admin)
    assert admin.url.endswith("/accounts/")
    admin.click("main a[href='/organisations/']")
    look(admin, f"{shot}-organisations", screenshot, narrow=True)
    admin.fill("#name", words["organisation"])
    admin.locator("main form button[type=submit]").click()
    expect(admin.locator("h1")).to_have_text(words["organisation"])
    admin.fill("#name", words["team"])
    admin.locator("main form[action$='/teams'] button").click()
    assert words["team"] in admin.locator(".govuk-notification-banner").inner_text()
    look(admin, f"{shot}-organisation", screenshot, narrow=True)
    manager_link = _invite(admin, manager_email, "manager", None, screenshot, f"{shot}-link")
    member_link = _invite(
        admin, member_email, "member", words["team"], screenshot, f"{shot}-link-member"
    )

    # The member signs up, assesses, records an action and files the assessment.
    member = new_page(locale=locale)
    member.goto(f"{base}/?lang={lang}")
    _sign_up(member, member_link, base, f"{shot}-member", screenshot, words)
    results = _assessment(member, base, lang, q, words, shot, screenshot)
    token = results.rstrip("/").rsplit("/", 1)[1]
    member.fill("#action", words["action"])
    member.fill("#owner", "Lina")
    member.fill("#due_on", "2027-03-15")
    member.get_by_role("button", name=words["add"]).click()
    member.wait_for_load_state("networkidle")
    assert words["action"] in member.locator("#action-plan ~ ol").first.inner_text()
    look(member, f"{shot}-results", screenshot, narrow=True, part="#action-plan")
    member.get_by_role("link", name=words["claim"]).click()
    look(member, f"{shot}-claim", screenshot, narrow=True)
    member.select_option("#team", label=words["team"])
    member.get_by_role("button", name=words["file"]).click()
    member.wait_for_load_state("networkidle")
    assert "/organisations/" in member.url and "/teams/" in member.url
    look(member, f"{shot}-member-team", screenshot)
    member.goto(results)
    assert words["team"] in member.locator("#team-results").inner_text()

    # The manager signs up and reads the ledger, the team, its results, the report, an export.
    manager = new_page(locale=locale)
    manager.goto(f"{base}/?lang={lang}")
    _sign_up(manager, manager_link, base, f"{shot}-manager", screenshot, words)
    manager.click(f"main a:text-is('{words['organisation']}')")
    look(manager, f"{shot}-manager-organisation", screenshot)
    manager.click("main a[href$='/ledger']")
    look(manager, f"{shot}-ledger", screenshot, narrow=True)
    row = manager.locator("table.app-ledger-table tbody tr").filter(has_text=words["team"])
    cells = [c.strip() for c in row.locator("th, td").all_inner_texts()]
    stages = {level.name.get(lang) for level in q.levels}
    assert cells[2] in stages, cells
    assert re.fullmatch(r"\d{1,3}", cells[3]) and 0 <= int(cells[3]) <= 100, cells
    assert cells[4] in words["power"], cells
    assert cells[7].startswith(words["plan"]), cells

    row.locator("th a").click()
    look(manager, f"{shot}-team", screenshot, narrow=True)
    assert manager.locator(".app-plot .main-svg").count() >= 2  # plotly.js drew both trends
    assert manager.locator(".app-trend table").count() == 2  # each with its table
    assert words["action"] in manager.locator("#action-plan ~ ol").first.inner_text()

    manager.go_back()
    row.locator("td a").first.click()  # the date: the latest results, read only
    look(manager, f"{shot}-team-results", screenshot, narrow=True, part="#action-plan")
    html = manager.content()
    assert token not in html  # no private link, so no change, deletion or re-assessment
    assert manager.locator("main form[method=post]").count() == 0
    assert words["action"] in manager.locator("#action-plan ~ ol").first.inner_text()
    assert manager.get_by_role("link", name=re.compile("Modifier|Change")).count() == 0

    manager.go_back()
    with manager.expect_download() as download:
        manager.get_by_role("button", name=words["pdf"]).click()
    assert download.value.suggested_filename.endswith(".pdf")
    reader = PdfReader(download.value.path())
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert words["organisation"] in text
    assert words["team"] in text
    assert words["action"] in text

    manager.goto(f"{base}/accounts/")
    manager.click(f"main a:text-is('{words['organisation']}')")
    manager.get_by_role("link", name=words["export"]).click()
    look(manager, f"{shot}-exports", screenshot, narrow=True)
    with manager.expect_download() as download:
        manager.get_by_role("link", name=words["csv"]).click()
    body = Path(download.value.path()).read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2 and len(rows[0]) > 5
    assert words["team"] in rows[1]

    for page in (admin, member, manager):
        assert page.external_requests == []
