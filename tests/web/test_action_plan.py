"""The action plan on the results page: adding, changing, removing through the private link,
every refusal in the reader's language, and the PDF printing the plan as it stands."""

import re

import pytest
from factories import TRAP_ANSWERS

from roadmap.core.actions import MAX_ROWS, PlanRow
from roadmap.services import actions, assessments

from .test_report import pdf_text

NBSP = "\u00a0"


@pytest.fixture()
def token(create_assessment):
    return create_assessment(answers=TRAP_ANSWERS, submitted=True, service_name="Accueil")


def _plan(app, token):
    with app.app_context():
        assessment, _q = assessments.by_token(token, 365)
        return actions.plan_of(assessment)


def _add(post_form, token, **data):
    fields = {
        "action": "Rencontrer les familles",
        "owner": "",
        "due_on": "",
        "status": "not_started",
        "method": "",
    }
    return post_form(f"/results/{token}/actions", fields | data, page=f"/results/{token}")


def test_the_results_page_offers_an_empty_plan_with_a_form(client, token):
    html = client.get(f"/results/{token}").get_data(as_text=True)
    assert 'id="action-plan"' in html and "Aucune action" in html
    assert f'action="/results/{token}/actions"' in html
    assert 'type="date"' in html and 'for="due_on"' in html
    assert 'value="citizen-jury"' in html or 'value="go-out"' in html  # recommended methods


def test_an_action_is_added_and_shown(app, client, post_form, token):
    response = _add(
        post_form, token, owner="Lina", due_on="2027-03-15", status="in_progress", method="go-out"
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/results/{token}#action-plan")
    html = client.get(f"/results/{token}").get_data(as_text=True)
    assert "Rencontrer les familles" in html and "15 mars 2027" in html and "En cours" in html
    assert "L’action a été ajoutée au plan." in html or "action a été ajoutée" in html
    [row] = _plan(app, token)
    assert row.owner == "Lina" and row.recommendation_id == "go-out"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"due_on": "2027-02-30"}, "due_on", "date réelle"),
        ({"due_on": "demain"}, "due_on", "date réelle"),
        ({"due_on": "1850-01-01"}, "due_on", "entre les années 2000 et 2100"),
        ({"action": "   "}, "action", "Décrivez l’action"),
        ({"action": "x" * 301}, "action", f"300{NBSP}caractères"),
        ({"owner": "o" * 121}, "owner", f"120{NBSP}caractères"),
        ({"status": "finished"}, "status", "où en est l’action"),
        ({"method": "not-a-method"}, "method", "méthodes recommandées"),
    ],
)
def test_bad_input_is_refused_in_french_keeping_what_was_typed(
    app, post_form, token, data, field, words
):
    response = _add(post_form, token, **({"owner": "Lina"} | data))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert words in html, html[html.find("govuk-error-summary") :][:800]
    assert f'href="#{field}"' in html and f'id="{field}-error"' in html
    assert re.search(rf'id="{field}"[^>]*aria-describedby="[^"]*{field}-error', html)
    kept = "o" * 121 if field == "owner" else "Lina"
    assert f'value="{kept}"' in html  # nothing typed is lost
    if field == "due_on" and "demain" in str(data):
        assert 'value="demain"' in html
    assert _plan(app, token) == []


def test_refusals_are_in_english_for_an_english_reader(client, post_form, token):
    with client.session_transaction() as session:
        session["locale"] = "en"
    response = _add(post_form, token, due_on="2027-13-01")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter the due date as a real date, for example 2027-03-15." in html


def test_without_a_csrf_token_nothing_is_added(app, client, token):
    response = client.post(f"/results/{token}/actions", data={"action": "Sans jeton"})
    assert response.status_code == 400
    assert _plan(app, token) == []


def test_change_and_remove_an_action(app, client, post_form, token):
    _add(post_form, token)
    [row] = _plan(app, token)
    url = f"/results/{token}/actions/{row.id}"
    page = client.get(url).get_data(as_text=True)
    assert 'value="Rencontrer les familles"' in page and "Supprimer cette action" in page
    response = post_form(
        url,
        {
            "action": "Rencontrer 10 familles",
            "due_on": "2027-06-01",
            "status": "done",
            "method": "",
        },
    )
    assert response.status_code == 302
    [row] = _plan(app, token)
    assert row.action == "Rencontrer 10 familles" and row.status == "done"
    bad = post_form(
        url, {"action": "Changée", "due_on": "31/12/2027", "status": "done", "method": ""}
    )
    assert bad.status_code == 400 and 'value="31/12/2027"' in bad.get_data(as_text=True)
    assert _plan(app, token)[0].action == "Rencontrer 10 familles"
    removed = post_form(f"{url}/remove", {}, page=url)
    assert removed.status_code == 302
    assert _plan(app, token) == []


def test_another_assessments_action_or_a_guessed_id_is_not_found(
    app, client, post_form, token, create_assessment
):
    other = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    _add(post_form, other, action="Leur action")
    [theirs] = _plan(app, other)
    for url in (f"/results/{token}/actions/{theirs.id}", f"/results/{token}/actions/987654"):
        assert client.get(url).status_code == 404
        page = f"/results/{token}"
        assert post_form(url, {"action": "Volée", "status": "done"}, page=page).status_code == 404
        assert post_form(f"{url}/remove", {}, page=page).status_code == 404
    assert client.get("/results/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/actions/1").status_code == 404
    assert [r.action for r in _plan(app, other)] == ["Leur action"]


def test_an_assessment_still_being_answered_has_no_plan(client, create_assessment):
    draft = create_assessment(answers=TRAP_ANSWERS)
    response = client.post(f"/results/{draft}/actions", data={})
    assert response.status_code in (302, 400)  # to its check page, or the CSRF refusal


def test_a_full_plan_offers_no_form(app, client, post_form, token):
    with app.app_context():
        assessment, q = assessments.by_token(token, 365)
        for n in range(MAX_ROWS):
            actions.add(assessment, q, PlanRow(f"Action {n}"))
    html = client.get(f"/results/{token}").get_data(as_text=True)
    assert f'action="/results/{token}/actions"' not in html
    assert "Le plan est complet" in html
    response = _add(post_form, token, action="Une de trop")
    assert response.status_code == 400 and "Le plan est complet" in response.get_data(as_text=True)


def test_the_pdf_prints_the_plan_and_never_a_stale_one(app, client, post_form, token):
    blank = client.get(f"/report/{token}.pdf?lang=fr").data
    _reader, text = pdf_text(blank)
    assert "Plan d’action" in text and "Rencontrer les familles" not in text
    _add(post_form, token, owner="Lina", due_on="2027-03-15", method="go-out")
    _reader, text = pdf_text(client.get(f"/report/{token}.pdf?lang=fr").data)
    assert "Rencontrer les familles" in text and "Lina" in text and "15 mars 2027" in text
    assert "Pas commencée" in text
    [row] = _plan(app, token)
    post_form(
        f"/results/{token}/actions/{row.id}",
        {"action": "Rencontrer les familles", "status": "done", "method": ""},
    )
    _reader, text = pdf_text(client.get(f"/report/{token}.pdf?lang=en").data)
    assert "Done" in text and "Action plan" in text
    _reader, text = pdf_text(client.get(f"/report/{token}.pdf?lang=fr").data)
    assert "Terminée" in text and "Pas commencée" not in text


def test_the_delete_page_says_the_plan_goes_too(app, client, post_form, token):
    _add(post_form, token)
    html = client.get(f"/assessment/{token}/delete").get_data(as_text=True)
    assert "1 action du plan d’action" in html
