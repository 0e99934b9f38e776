"""Request tests of the readiness ledger, the organisation PDF and the read-only team results."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from roadmap.extensions import db
from roadmap.models.assessment import Assessment
from roadmap.services import accounts, assessments, organisations
from tests.factories import PASSWORD, TRAP_ANSWERS

ARTEFACTS = Path(__file__).parent.parent.parent / "test-artifacts"
STRONG = {**TRAP_ANSWERS, "r1": 5, "r2": 5, "r3": 1, "e1": 5, "e2": 5}


@pytest.fixture()
def org(app, create_organisation, create_team, create_user, create_assessment):
    """An organisation of six teams, each assessed once (the first twice), a manager, a member
    of the first team; and another organisation with one assessed team."""
    oid = create_organisation("Ville de Québec")
    teams = [create_team(oid, f"Équipe {n}") for n in range(1, 7)]
    manager = create_user("chef@example.org", manager_of=[oid])
    member = create_user("membre@example.org", teams=[teams[0]])
    other = create_organisation("Autre ville")
    other_team = create_team(other, "Equipe-B-secrete")
    other_member = create_user("b@example.org", teams=[other_team])
    tokens = {}

    def file(token, team, owner, days_ago):
        with app.app_context():
            a, _q = assessments.by_token(token, 365)
            organisations.claim(a, accounts.get(owner), team)
            a.submitted_at = datetime.now(UTC) - timedelta(days=days_ago)
            db.session.commit()
            return a.id

    first = create_assessment(answers=TRAP_ANSWERS, submitted=True, service_name="Accueil")
    tokens["first"] = file(first, teams[0], member, 400)
    again = create_assessment(answers=STRONG, submitted=True, previous=first)
    tokens["again"] = file(again, teams[0], member, 10)
    for team in teams[1:]:
        token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
        file(token, team, manager, 500 if team == teams[-1] else 20)
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True, service_name="Service-B")
    tokens["other"] = file(token, other_team, other_member, 5)
    return {
        "id": oid, "teams": teams, "manager": manager, "member": member, "other": other,
        "other_team": other_team, "assessments": tokens,
    }  # fmt: skip


def sign_in(client, post_form, email):
    response = post_form("/accounts/login", {"email": email, "password": PASSWORD})
    assert response.status_code == 302


def test_the_manager_sees_every_team_with_its_latest_reading(client, post_form, org):
    sign_in(client, post_form, "chef@example.org")
    response = client.get(f"/organisations/{org['id']}/ledger")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for n in range(1, 7):
        assert f"Équipe {n}" in html
    assert html.count("govuk-tag--yellow") == 1  # Équipe 6: 500 days old
    assert "Equipe-B-secrete" not in html
    assert "Médiane de l’organisation" in html or "Organisation median" in html
    assert "<svg" in html  # the comparison radar, drawn on the server
    assert "plotly" not in html.lower()  # no interactive chart on the ledger page itself


def test_the_ledger_withholds_figures_below_the_threshold(app, client, post_form, org):
    app.config["ANONYMITY_THRESHOLD"] = 7
    try:
        sign_in(client, post_form, "chef@example.org")
        html = client.get(f"/organisations/{org['id']}/ledger?lang=en").get_data(as_text=True)
    finally:
        app.config["ANONYMITY_THRESHOLD"] = 5
    assert "n = 6, below the threshold of 7" in html


def test_a_radar_of_two_teams_and_refusals_of_bad_choices(client, post_form, org):
    sign_in(client, post_form, "chef@example.org")
    a, b = org["teams"][:2]
    url = f"/organisations/{org['id']}/ledger"
    html = client.get(f"{url}?compare={a}&with={b}&lang=en").get_data(as_text=True)
    assert "Équipe 1 and Équipe 2 by dimension" in html
    for query in (f"compare={a}&with={a}", "compare=987654&with=median", f"compare={a}&with=x"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert "govuk-error-summary" in response.get_data(as_text=True)
    other = client.get(f"{url}?compare={org['other_team']}&with=median")
    assert other.status_code == 400 and "Equipe-B-secrete" not in other.get_data(as_text=True)


def test_the_team_page_draws_trends_with_their_tables(client, post_form, org):
    sign_in(client, post_form, "membre@example.org")
    html = client.get(f"/organisations/{org['id']}/teams/{org['teams'][0]}").get_data(as_text=True)
    assert "plotly-partial.min.js" in html
    assert 'type="application/json" id="trend-dimensions"' in html
    assert "<table" in html and "Indice de partage du pouvoir" in html or "Power-sharing" in html
    assert "<script>" not in html  # no inline script (CSP)


def test_a_member_reads_their_team_results_read_only(client, post_form, org):
    sign_in(client, post_form, "membre@example.org")
    aid = org["assessments"]["again"]
    url = f"/organisations/{org['id']}/teams/{org['teams'][0]}/assessments/{aid}"
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "reassess" not in html and "/delete" not in html and "/step/" not in html
    # its PDF, read-only too, in the language asked for
    pdf = client.get(url + ".pdf?lang=en")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Readiness by dimension" in text
    assert client.get(url.replace(f"/{aid}", "/987654") + ".pdf").status_code == 404
    # another team's assessment under this team's address, and a guessed one: not found
    other = org["assessments"]["other"]
    assert client.get(url.replace(f"/{aid}", f"/{other}")).status_code == 404
    assert client.get(url.replace(f"/{aid}", "/987654")).status_code == 404


def test_the_member_may_not_open_the_ledger(client, post_form, org):
    sign_in(client, post_form, "membre@example.org")
    assert client.get(f"/organisations/{org['id']}/ledger").status_code == 403
    assert client.get(f"/organisations/{org['id']}/ledger.pdf").status_code == 403
    assert client.get(f"/organisations/{org['other']}/ledger").status_code == 404


def test_the_organisation_report_pdf(client, post_form, org):
    sign_in(client, post_form, "chef@example.org")
    response = client.get(f"/organisations/{org['id']}/ledger.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    today = datetime.now(UTC).date().isoformat()
    assert f'filename="rapport-organisation-ville-de-quebec-{today}.pdf"' in disposition
    reader = PdfReader(io.BytesIO(response.data))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Équipe 6" in text and "Priorités communes" in text
    assert "Equipe-B-secrete" not in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert "\u00a0:" in text or " :" in text  # French typography
    if shutil.which("pdftoppm"):  # the first pages, to look at
        ARTEFACTS.mkdir(exist_ok=True)
        pdf = ARTEFACTS / "organisation-fr.pdf"
        pdf.write_bytes(response.data)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-l",
                "3",
                "-png",
                str(pdf),
                str(ARTEFACTS / "organisation-fr"),
            ],
            check=True,
        )
    english = client.get(f"/organisations/{org['id']}/ledger.pdf?lang=en")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(english.data)).pages)
    assert "Common priorities" in text


def test_changing_answers_after_submitting_updates_the_snapshot(app, org, stored):
    from roadmap.models.ledger import AssessmentSnapshot

    with app.app_context():
        a = db.session.get(Assessment, org["assessments"]["first"])
        before = db.session.get(AssessmentSnapshot, a.id).record["dimensions"]["relations"]
        assessments.save(a, {"r1": 5, "r2": 5, "r3": 1})
        after = db.session.get(AssessmentSnapshot, a.id).record["dimensions"]["relations"]
    assert before == 0 and after == 100


def test_the_ledger_team_page_and_organisation_report_show_the_latest_plan(
    app, client, post_form, org
):
    from datetime import date

    from roadmap.core.actions import ActionStatus, PlanRow
    from roadmap.services import actions

    with app.app_context():
        latest = db.session.get(Assessment, org["assessments"]["again"])
        first = db.session.get(Assessment, org["assessments"]["first"])
        q = assessments.by_token(latest.token, 365)[1]
        actions.add(latest, q, PlanRow("Rencontrer les familles", "Lina", date(2027, 3, 15)))
        actions.add(latest, q, PlanRow("Former l’équipe", status=ActionStatus.DONE))
        actions.add(first, q, PlanRow("Ancienne action oubliée"))  # not the latest: not shown
        token = latest.token
    sign_in(client, post_form, "chef@example.org")
    ledger = client.get(f"/organisations/{org['id']}/ledger").get_data(as_text=True)
    assert "2 actions, 1 terminée" in ledger
    team = client.get(f"/organisations/{org['id']}/teams/{org['teams'][0]}")
    html = team.get_data(as_text=True)
    assert "Rencontrer les familles" in html and "Ancienne action oubliée" not in html
    assert "/edit" not in html and token not in html  # read-only: no private link
    pdf = client.get(f"/organisations/{org['id']}/ledger.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Rencontrer les familles" in text and "Lina" in text and "Terminée" in text
    assert "Ancienne action oubliée" not in text
