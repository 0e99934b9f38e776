"""Request tests of workshops: a trainer creates, opens, reveals and closes one; participants
join with its code, answer the sections chosen, and are counted once; every refusal."""

from __future__ import annotations

import re

import pytest
from factories import PASSWORD

from roadmap.core.workshop import ALPHABET
from roadmap.extensions import db
from roadmap.models.assessment import Assessment
from roadmap.models.workshop import Workshop
from tests.conftest import csrf_from

from .variant_app import configured_app_fixture  # noqa: F401 (the configured_app fixture)


@pytest.fixture()
def trainer(client, post_form, create_organisation, create_user):
    """A signed-in trainer of an organisation; returns the organisation id."""
    org = create_organisation("Ville de Laval")
    create_user("formatrice@example.org", trainer_of=[org])
    response = post_form(
        "/accounts/login", {"email": "formatrice@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    return org


def create_workshop(post_form, org, **fields):
    data = {
        "title": "Atelier de Laval",
        "sections": ["compass"],
        "languages": ["fr", "en"],
        "k": "3",
        "role_tags": "front line, manager",
        **fields,
    }
    response = post_form(f"/workshops/{org}/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def workshop(app, workshop_id) -> Workshop:
    with app.app_context():
        found = db.session.get(Workshop, workshop_id)
        db.session.expunge(found)
        return found


def set_state(post_form, org, wid, to):
    return post_form(f"/workshops/{org}/{wid}/state", {"to": to}, page=f"/workshops/{org}/{wid}")


def test_a_trainer_creates_a_draft_workshop_with_a_code_qr_and_link(
    app, client, post_form, trainer
):
    wid = create_workshop(post_form, trainer)
    w = workshop(app, wid)
    assert w.state == "draft" and w.sections == ["compass"] and w.k == 3
    assert w.role_tags == ["front line", "manager"] and w.languages == ["fr", "en"]
    assert len(w.code) == 6 and set(w.code) <= set(ALPHABET)
    assert not set(w.code) & set("0O1IL")
    page = client.get(f"/workshops/{trainer}/{wid}").get_data(as_text=True)
    assert w.code in page and f"http://localhost/join/{w.code}" in page
    qr = client.get(f"/workshops/{trainer}/{wid}/qr.svg")
    assert qr.mimetype == "image/svg+xml" and qr.data.startswith(b"<svg")
    assert w.code.encode() not in qr.data  # drawn, not written
    assert "Atelier de Laval" in client.get(f"/workshops/{trainer}/").get_data(as_text=True)


def test_bad_workshop_forms_say_what_to_fix_and_keep_the_input(post_form, trainer):
    response = post_form(
        f"/workshops/{trainer}/new", {"title": "Mon atelier", "k": "1", "languages": ["fr"]}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Choisissez au moins une section." in page
    assert "un nombre entier de 3 à 50" in page
    assert 'value="Mon atelier"' in page


def test_codes_are_unique(app, post_form, trainer):
    ids = [create_workshop(post_form, trainer) for _ in range(5)]
    assert len({workshop(app, i).code for i in ids}) == 5


def join(client, code, language="fr", role="front line"):
    page = client.get(f"/join/{code}")
    assert page.status_code == 200, page.get_data(as_text=True)
    return client.post(
        f"/join/{code}",
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "language": language,
            "role": role,
        },
    )


def test_wrong_closed_and_not_yet_open_codes_get_a_clear_message(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    code = workshop(app, wid).code
    participant = app.test_client()
    page = participant.get(f"/join/{code}")
    assert page.status_code == 409 and "pas encore commencé" in page.get_data(as_text=True)
    wrong = participant.get("/join/ZZZZZZ")
    assert wrong.status_code == 404 and "Aucun atelier ouvert" in wrong.get_data(as_text=True)
    assert participant.get("/join/abc").status_code == 404
    set_state(post_form, trainer, wid, "open")
    set_state(post_form, trainer, wid, "close")
    closed = participant.get(f"/join/{code}", headers={"Accept-Language": "en"})
    assert closed.status_code == 409 and "This workshop is closed" in closed.get_data(as_text=True)


def test_the_code_form_accepts_lower_case_and_spaces(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    code = workshop(app, wid).code
    participant = app.test_client()
    page = participant.get("/join/").get_data(as_text=True)
    typed = f"{code[:3].lower()} {code[3:].lower()}"
    response = participant.post("/join/", data={"csrf_token": csrf_from(page), "code": typed})
    assert response.status_code == 302 and response.headers["Location"] == f"/join/{code}"


def test_participants_answer_the_chosen_sections_and_count_once(app, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    code = workshop(app, wid).code
    phone = app.test_client()
    response = join(phone, code, "en", "manager")
    assert response.status_code == 302
    token = response.headers["Location"].split("/")[-1]
    # A reload or a second tab comes back to the same answers: no second assessment.
    again = phone.get(f"/join/{code}")
    assert again.status_code == 302 and again.headers["Location"].endswith(token)
    overview = phone.get(f"/assessment/{token}").get_data(as_text=True)
    assert "Compass" in overview and "Before you start" not in overview
    assert phone.get(f"/assessment/{token}/step/start").status_code == 404  # not in the workshop
    step = phone.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
    data = {"csrf_token": csrf_from(step), "e1": "4", "e2": "2", "p_decide": "asked"}
    assert phone.post(f"/assessment/{token}/step/compass", data=data).status_code == 302
    check = phone.get(f"/assessment/{token}/check").get_data(as_text=True)
    for _ in range(2):  # double submission
        sent = phone.post(f"/assessment/{token}/check", data={"csrf_token": csrf_from(check)})
        assert sent.headers["Location"] == f"/join/done/{token}"
    assert "Thank you" in phone.get(f"/join/done/{token}").get_data(as_text=True)
    with app.app_context():
        rows = db.session.scalars(select_workshop(wid)).all()
        assert [(a.workshop_role, a.locale, a.status) for a in rows] == [
            ("manager", "en", "submitted")
        ]


def select_workshop(wid):
    from sqlalchemy import select

    return select(Assessment).where(Assessment.workshop_id == wid)


def test_join_refuses_a_role_or_language_not_offered(app, post_form, trainer):
    wid = create_workshop(post_form, trainer, languages=["fr"])
    set_state(post_form, trainer, wid, "open")
    code = workshop(app, wid).code
    phone = app.test_client()
    response = join(phone, code, "en", "boss")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Choisissez l’une des réponses proposées." in page
    with app.app_context():
        assert db.session.scalars(select_workshop(wid)).all() == []


def test_answers_stop_when_the_workshop_closes(app, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    phone = app.test_client()
    token = join(phone, workshop(app, wid).code).headers["Location"].split("/")[-1]
    step = phone.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
    set_state(post_form, trainer, wid, "close")
    sent = phone.post(
        f"/assessment/{token}/step/compass", data={"csrf_token": csrf_from(step), "e1": "5"}
    )
    assert sent.headers["Location"] == f"/join/done/{token}"
    with app.app_context():
        assert db.session.scalars(select_workshop(wid)).one().answers == []


def fill(app, post_form, trainer, wid, values):
    code = workshop(app, wid).code
    for e1, e2, role in values:
        phone = app.test_client()
        token = join(phone, code, "fr", role).headers["Location"].split("/")[-1]
        step = phone.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
        data = {"csrf_token": csrf_from(step), "e1": str(e1), "e2": str(e2)}
        assert phone.post(f"/assessment/{token}/step/compass", data=data).status_code == 302


def test_live_data_polls_with_etag_and_hides_what_is_not_revealed(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    live = f"/workshops/{trainer}/{wid}/live"
    first = client.get(live)
    assert first.status_code == 200 and first.json["counts"] == {
        "joined": 0,
        "in_progress": 0,
        "finished": 0,
    }
    assert "3 personnes" in first.json["html"]  # the threshold, before anything is shown
    etag = first.headers["ETag"]
    assert client.get(live, headers={"If-None-Match": etag}).status_code == 304
    fill(app, post_form, trainer, wid, [(2, 3, "front line")] * 2 + [(4, 3, "front line")] * 2)
    changed = client.get(live, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.json["counts"]["in_progress"] == 4
    html = changed.json["html"]
    assert "Nos décisions sont publiées." in html and "deux camps" in html
    projector = client.get(live, query_string={"view": "projector"}).json["html"]
    assert "Nos décisions sont publiées." not in projector  # nothing revealed yet
    post_form(
        f"/workshops/{trainer}/{wid}/reveal",
        {"section": "compass", "shown": "1"},
        page=f"/workshops/{trainer}/{wid}",
    )
    projector = client.get(live, query_string={"view": "projector"}).json["html"]
    assert "Nos décisions sont publiées." in projector and "<svg" in projector
    page = client.get(f"/workshops/{trainer}/{wid}/projector").get_data(as_text=True)
    assert "<script>" not in page and "Nos décisions sont publiées." in page


def test_roles_below_k_and_their_complement_stay_hidden(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    fill(app, post_form, trainer, wid, [(5, 5, "front line")] * 4 + [(1, 1, "manager")] * 2)
    html = client.get(f"/workshops/{trainer}/{wid}/live").json["html"]
    # Two managers are below k = 3, and the four front-line people are the total minus them.
    assert "reste masqué" in html
    assert not re.search(r'<th scope="row"[^>]*>(front line|manager)</th>', html)
    fill(app, post_form, trainer, wid, [(1, 1, "manager")])
    html = client.get(f"/workshops/{trainer}/{wid}/live").json["html"]
    assert re.search(r'<th scope="row"[^>]*>front line</th>', html)
    assert re.search(r'<th scope="row"[^>]*>manager</th>', html)


def test_reveal_and_state_refuse_bad_input(post_form, trainer):
    wid = create_workshop(post_form, trainer)
    page = f"/workshops/{trainer}/{wid}"
    assert (
        post_form(f"{page}/reveal", {"section": "start", "shown": "1"}, page=page).status_code
        == 400
    )
    assert post_form(f"{page}/state", {"to": "explode"}, page=page).status_code == 400
    assert post_form(f"{page}/state", {"to": "close"}, page=page).status_code == 409  # a draft


def test_a_member_and_another_organisations_trainer_are_refused(
    app, client, post_form, trainer, create_organisation, create_user, create_team
):
    wid = create_workshop(post_form, trainer)
    other = create_organisation("Autre ville")
    create_user("autre@example.org", trainer_of=[other])
    create_user("membre@example.org", teams=[create_team(trainer, "Accueil")])
    for email, status in (("autre@example.org", 404), ("membre@example.org", 403)):
        visitor = app.test_client()
        html = visitor.get("/accounts/login").get_data(as_text=True)
        visitor.post(
            "/accounts/login",
            data={"csrf_token": csrf_from(html), "email": email, "password": PASSWORD},
        )
        for url in ("", "/live", "/projector", "/qr.svg"):
            assert visitor.get(f"/workshops/{trainer}/{wid}{url}").status_code == status
    # A trainer of the other organisation cannot reach this one's workshop through their own.
    assert app.test_client().get(f"/workshops/{trainer}/{wid}").status_code == 302  # sign in


def test_guessing_codes_is_rate_limited_but_a_room_joining_is_not(configured_app):
    from roadmap.content.catalogue import default_questionnaire
    from roadmap.models.organisation import Organisation
    from roadmap.models.workshop import WorkshopState
    from roadmap.services import workshops

    app = configured_app(RATELIMIT_ENABLED=True, SERVER_NAME=None, RATELIMIT_JOIN="3 per minute")
    with app.app_context():
        org = Organisation(name="Limites")
        db.session.add(org)
        db.session.commit()
        made = workshops.create(
            org, None, title="Salle", q=default_questionnaire(), sections=["compass"],
            languages=["fr"],
        )  # fmt: skip
        workshops.set_state(made, WorkshopState.OPEN)
        code = made.code
    # Five phones of one room (one address) join: good codes do not count.
    for _ in range(5):
        phone = app.test_client()
        assert phone.get(f"/join/{code}").status_code == 200
    guesser = app.test_client()
    statuses = [guesser.get(f"/join/ZZZZZ{c}").status_code for c in "23456"]
    assert statuses[:3] == [404, 404, 404] and statuses[3:] == [429, 429]
    page = guesser.get(f"/join/{code}")
    assert page.status_code == 429 and "Trop de requêtes" in page.get_data(as_text=True)


def test_a_participants_own_results_page_reads_the_workshops_sections(app, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    phone = app.test_client()
    token = join(phone, workshop(app, wid).code).headers["Location"].split("/")[-1]
    step = phone.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
    data = {"csrf_token": csrf_from(step), "e1": "4", "e2": "5", "p_decide": "together"}
    phone.post(f"/assessment/{token}/step/compass", data=data)
    check = phone.get(f"/assessment/{token}/check").get_data(as_text=True)
    phone.post(f"/assessment/{token}/check", data={"csrf_token": csrf_from(check)})
    results = phone.get(f"/results/{token}")
    assert results.status_code == 200 and "Éthique" in results.get_data(as_text=True)
