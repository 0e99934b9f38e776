"""Request tests for the self-assessment journey, including every kind of bad input."""

from datetime import UTC, datetime, timedelta

import pytest

from roadmap.extensions import db
from roadmap.models.assessment import Answer, Assessment, Reflection
from roadmap.services.assessments import by_token


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def saved_answers(app, token) -> dict:
    with app.app_context():
        a = db.session.scalar(db.select(Assessment).where(Assessment.token == token))
        rows = db.session.scalars(db.select(Answer).where(Answer.assessment_id == a.id))
        return {r.item_id: r.value for r in rows}


def test_home_in_french_by_default(client):
    html = page(client, "/")
    assert '<html lang="fr"' in html
    assert "Start an assessment" not in html or "Commencer" in html


def test_start_creates_an_assessment_with_a_private_link(client, start_assessment, app):
    token = start_assessment(service_name="Soutien à domicile")
    assert len(token) >= 32
    html = page(client, f"/assessment/{token}/created")
    assert f"/assessment/{token}" in html
    assert "Soutien à domicile" in html
    with app.app_context():
        a = db.session.scalar(db.select(Assessment).where(Assessment.token == token))
        assert (a.questionnaire_id, a.questionnaire_version, a.locale) == ("tiny", 2, "fr")


def test_start_rejects_bad_input_and_keeps_it(post_form):
    long_name = "x" * 201
    response = post_form(
        "/assessment/start", {"service_name": long_name, "role": "pilot", "language": "en"}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "govuk-error-summary" in html
    assert f'value="{long_name}"' in html


def test_step_saves_and_moves_on(client, post_form, start_assessment, app):
    token = start_assessment()
    url = f"/assessment/{token}/step/start"
    response = post_form(url, {"r1": "4", "r2": "dont_know", "purpose_text": "Moins d'attente"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/assessment/{token}/step/compass")
    assert saved_answers(app, token) == {"r1": "4", "r2": "dont_know"}
    html = page(client, url)  # resuming shows what was saved
    assert 'value="4" checked' in html
    assert 'value="dont_know" checked' in html
    assert "Moins d&#39;attente" in html or "Moins d'attente" in html


def test_save_and_finish_later_goes_to_the_task_list(post_form, start_assessment, client):
    token = start_assessment()
    response = post_form(f"/assessment/{token}/step/start", {"r1": "2", "action": "later"})
    assert response.headers["Location"].endswith(f"/assessment/{token}")
    html = page(client, f"/assessment/{token}")
    assert "govuk-notification-banner--success" in html
    assert "govuk-task-list" in html


@pytest.mark.parametrize("value", ["6", "0", "abc", "3.5", "dont know"])
def test_value_outside_the_scale_is_refused_and_kept(post_form, start_assessment, app, value):
    token = start_assessment()
    response = post_form(
        f"/assessment/{token}/step/start", {"r1": value, "r2": "5", "purpose_text": "Gardé"}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "govuk-error-summary" in html and 'href="#r1"' in html
    assert "Gardé" in html  # what was typed is still there
    assert 'value="5" checked' in html
    assert saved_answers(app, token) == {}


def test_unknown_item_is_refused_with_a_message(post_form, start_assessment, app):
    token = start_assessment()
    response = post_form(f"/assessment/{token}/step/start", {"r1": "3", "e1": "4", "bogus": "1"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "bogus" in html and "e1" in html
    assert 'value="3" checked' in html
    assert saved_answers(app, token) == {}


def test_over_long_text_is_refused_with_the_limit_and_kept(post_form, start_assessment, app):
    token = start_assessment(language="en")
    text = "word " * 101  # 505 characters, the limit is 500
    response = post_form(f"/assessment/{token}/step/start?lang=en", {"purpose_text": text})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "505 characters long; the limit is 500" in html
    assert text.strip() in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Reflection.id))) == 0


def test_missing_csrf_token_gets_a_friendly_page(client, start_assessment, app):
    token = start_assessment()
    response = client.post(f"/assessment/{token}/step/start", data={"r1": "3"})
    assert response.status_code == 400
    assert "govuk-heading-l" in response.get_data(as_text=True)
    assert saved_answers(app, token) == {}


@pytest.mark.parametrize("suffix", ["", "/step/start", "/check", "/created"])
def test_wrong_token_is_a_plain_404(client, start_assessment, suffix):
    token = start_assessment()
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, "x", "a" * 300):
        response = client.get(f"/assessment/{bad}{suffix}")
        assert response.status_code == 404
        assert "govuk-heading-l" in response.get_data(as_text=True)


def test_expired_token_is_a_404(client, start_assessment, app):
    token = start_assessment()
    with app.app_context():
        a = db.session.scalar(db.select(Assessment).where(Assessment.token == token))
        a.updated_at = datetime.now(UTC) - timedelta(days=400)
        db.session.commit()
    assert client.get(f"/assessment/{token}").status_code == 404


def test_unknown_section_is_a_404(client, start_assessment):
    token = start_assessment()
    assert client.get(f"/assessment/{token}/step/nope").status_code == 404


def test_two_tabs_saving_different_pages_lose_nothing(app, client, start_assessment):
    token = start_assessment()
    tab_a = app.test_client()
    tab_b = app.test_client()
    from tests.conftest import csrf_from

    # Both tabs load their page before either saves.
    token_a = csrf_from(tab_a.get(f"/assessment/{token}/step/start").get_data(as_text=True))
    token_b = csrf_from(tab_b.get(f"/assessment/{token}/step/compass").get_data(as_text=True))
    tab_b.post(f"/assessment/{token}/step/compass", data={"csrf_token": token_b, "e1": "5"})
    tab_a.post(f"/assessment/{token}/step/start", data={"csrf_token": token_a, "r1": "1"})
    tab_b.post(
        f"/assessment/{token}/step/compass", data={"csrf_token": token_b, "e1": "5", "e2": "4"}
    )
    assert saved_answers(app, token) == {"r1": "1", "e1": "5", "e2": "4"}


def test_check_your_answers_then_results(client, post_form, start_assessment, answer_all):
    token = start_assessment(language="en")
    answer_all(token)
    assert (
        client.get(f"/results/{token}").headers["Location"].endswith(f"/assessment/{token}/check")
    )
    html = page(client, f"/assessment/{token}/check?lang=en")
    assert "Check your answers" in html and "Aller vers les familles" in html
    response = post_form(f"/assessment/{token}/check", {})
    assert response.headers["Location"].endswith(f"/results/{token}")
    html = page(client, f"/results/{token}")
    assert "Your results" in html
    assert 'type="application/json" id="radar-data"' in html
    assert "<table" in html
    assert "consultation trap" in html
    assert "Go where people are" in html and "Citizens&#39; jury" in html
    assert "Aller vers les familles" in html  # the reflection is quoted back
    assert html.index("Go where people are") < html.index("Citizens&#39; jury")
    # How a score is computed, with the points the scoring rules give each rating.
    assert "(1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100; reversed" in html
    assert "(1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100, et l’inverse" in page(
        client, f"/results/{token}?lang=fr"
    )


def test_reassessment_copies_answers_and_shows_the_change(
    client, post_form, start_assessment, answer_all
):
    token = start_assessment(language="en")
    answer_all(token)
    post_form(f"/assessment/{token}/check", {})
    response = post_form(f"/assessment/{token}/reassess", {}, page=f"/results/{token}")
    new_token = response.headers["Location"].split("/")[-2]
    assert new_token != token
    html = page(client, f"/assessment/{new_token}/step/start")
    assert 'value="1" checked' in html  # pre-filled from last time
    post_form(f"/assessment/{new_token}/step/start", {"r1": "5", "r2": "5", "r3": "1"})
    post_form(f"/assessment/{new_token}/check", {})
    html = page(client, f"/results/{new_token}")
    assert "Previous score" in html and "+100 since the previous assessment" in html


def test_language_switch_is_remembered(client):
    assert '<html lang="en"' in page(client, "/?lang=en")
    assert '<html lang="en"' in page(client, "/methods")
    assert '<html lang="fr"' in page(client, "/?lang=fr")


def test_library_pages(client):
    assert "Citizens" in page(client, "/tools?lang=en")
    html = page(client, "/tools/citizen-jury?lang=en")
    assert "Draw lots." in html and "Costly." in html
    assert client.get("/tools/unknown").status_code == 404
    assert "How the scores are computed" in page(client, "/methods?lang=en")


def test_plotly_is_served_by_the_app(client):
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    response.close()


def test_reading_a_page_in_another_language_writes_nothing(app, client, create_assessment):
    token = create_assessment(locale="fr", answers={"r1": 2})
    with app.app_context():
        before = by_token(token, 365)[0]
        stamp, locale = before.updated_at, before.locale
    for url in (
        f"/assessment/{token}",
        f"/assessment/{token}/step/start",
        f"/assessment/{token}/check",
    ):
        assert client.get(f"{url}?lang=en").status_code == 200
    with app.app_context():
        after = by_token(token, 365)[0]
        assert (after.updated_at, after.locale) == (stamp, locale)
