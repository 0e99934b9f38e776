"""Request tests of the consensus round: the trainer opens a re-vote on an agenda statement,
participants re-answer it once each, the trainer closes it and records the agreed score; the
facilitator view and the projector (once revealed) show both rounds, nothing below k; every
refusal."""

from __future__ import annotations

from factories import PASSWORD
from sqlalchemy import func, select

from roadmap.extensions import db
from roadmap.models.workshop import Agreement, Revote, RevoteAnswer
from tests.conftest import csrf_from

from .test_workshops import create_workshop, join, set_state, workshop
from .test_workshops import trainer as trainer  # noqa: F401 (the trainer fixture)

STATEMENT = "Nos décisions sont publiées."


def phones(app, wid, values):
    """Participants who answered e1 and e2; returns (client, token) of each."""
    code = workshop(app, wid).code
    found = []
    for e1, e2 in values:
        phone = app.test_client()
        token = join(phone, code, "fr", "front line").headers["Location"].split("/")[-1]
        step = phone.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
        data = {"csrf_token": csrf_from(step), "e1": str(e1), "e2": str(e2)}
        assert phone.post(f"/assessment/{token}/step/compass", data=data).status_code == 302
        found.append((phone, token))
    return found


def revote(phone, token, value):
    page = phone.get(f"/join/revote/{token}").get_data(as_text=True)
    if "csrf_token" not in page:  # no re-vote open: the token of another page of the session
        page = phone.get("/join/").get_data(as_text=True)
    return phone.post(f"/join/revote/{token}", data={"csrf_token": csrf_from(page), "value": value})


def open_room(app, post_form, org):
    wid = create_workshop(post_form, org)
    set_state(post_form, org, wid, "open")
    room = phones(app, wid, [(2, 3), (2, 3), (4, 3), (4, 3)])  # e1: two camps
    return wid, room


def trainer_post(post_form, org, wid, path, data):
    return post_form(f"/workshops/{org}/{wid}/{path}", data, page=f"/workshops/{org}/{wid}")


def test_a_revote_keeps_both_rounds_counts_each_person_once_and_says_where_the_room_moved(
    app, client, post_form, trainer
):
    wid, room = open_room(app, post_form, trainer)
    page = client.get(f"/workshops/{trainer}/{wid}").get_data(as_text=True)
    assert "Ouvrir un nouveau vote" in page  # offered on the agenda statement
    assert trainer_post(post_form, trainer, wid, "revote", {"item": "e1"}).status_code == 302
    # The phones see the statement and its scale as the prompt.
    phone, token = room[0]
    done = phone.get(f"/join/done/{token}").get_data(as_text=True)
    assert f"/join/revote/{token}" in done
    prompt = phone.get(f"/join/revote/{token}").get_data(as_text=True)
    assert STATEMENT in prompt and "5 – Tout à fait d&#39;accord" in prompt
    # Double submission and a change of mind count once; the last answer stands.
    for value in ("3", "3", "4"):
        assert revote(phone, token, value).headers["Location"] == f"/join/done/{token}"
    for other_phone, other_token in room[1:]:
        assert revote(other_phone, other_token, "4").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(RevoteAnswer.id))) == 4
        stored = db.session.scalars(select(Revote)).one()
        assert stored.first_round == [0, 2, 0, 2, 0, 0, 0]  # the first round as it stood
    assert trainer_post(post_form, trainer, wid, "revote", {"to": "close"}).status_code == 302
    assert revote(phone, token, "1").status_code == 409  # closed: nothing changes
    page = client.get(f"/workshops/{trainer}/{wid}").get_data(as_text=True)
    assert 'name="item" value="e1"' not in page  # re-voted once: not offered again
    html = client.get(f"/workshops/{trainer}/{wid}/live").json["html"]
    assert "Tour de consensus" in html
    assert "médiane 3, moitié centrale 2–4, 4 personnes" in html  # first round
    assert "médiane 4, moitié centrale 4–4, 4 personnes" in html  # re-vote
    assert "La médiane est passée de 3 à 4." in html and "La salle s’est rapprochée." in html
    # The agreed score, its rationale and dissent, beside both rounds.
    sent = trainer_post(
        post_form, trainer, wid, "agreement",
        {"subject": "item:e1", "score": "4", "rationale": "Publiées, sauf les budgets.",
         "dissent": "Deux personnes pensent que rien n’est publié."},
    )  # fmt: skip
    assert sent.status_code == 302
    trainer_post(
        post_form, trainer, wid, "agreement",
        {"subject": "dimension:ethics", "score": "60", "rationale": "Bon départ."},
    )  # fmt: skip
    html = client.get(f"/workshops/{trainer}/{wid}/live").json["html"]
    assert "Publiées, sauf les budgets." in html and "rien n’est publié" in html
    assert "Bon départ." in html
    # The projector shows nothing of it until the section is revealed.
    projector = client.get(f"/workshops/{trainer}/{wid}/live?view=projector").json["html"]
    assert "Publiées, sauf les budgets." not in projector
    trainer_post(post_form, trainer, wid, "reveal", {"section": "compass", "shown": "1"})
    projector = client.get(f"/workshops/{trainer}/{wid}/live?view=projector").json["html"]
    assert "Publiées, sauf les budgets." in projector and "La salle s’est rapprochée." in projector


def test_a_revote_below_k_shows_nothing_of_its_distribution(app, client, post_form, trainer):
    wid, room = open_room(app, post_form, trainer)
    trainer_post(post_form, trainer, wid, "revote", {"item": "e1"})
    for phone, token in room[:2]:  # two answers, k = 3
        revote(phone, token, "5")
    html = client.get(f"/workshops/{trainer}/{wid}/live").json["html"]
    assert "médiane 3, moitié centrale 2–4, 4 personnes" in html  # the first round passes k
    assert "médiane 5" not in html and "moins de 3 réponses" in html
    assert "La médiane" not in html  # no movement from a round below k


def test_participants_cannot_open_or_close_a_revote(app, post_form, trainer):
    wid, room = open_room(app, post_form, trainer)
    phone, token = room[0]
    page = phone.get("/join/").get_data(as_text=True)  # a page with the phone's CSRF token
    for data in ({"item": "e1"}, {"to": "close"}):
        sent = phone.post(
            f"/workshops/{trainer}/{wid}/revote", data={"csrf_token": csrf_from(page), **data}
        )
        assert sent.status_code == 302 and "/accounts/login" in sent.headers["Location"]
    sent = phone.post(
        f"/workshops/{trainer}/{wid}/agreement",
        data={"csrf_token": csrf_from(page), "subject": "item:e1", "score": "5", "rationale": "x"},
    )
    assert sent.status_code == 302 and "/accounts/login" in sent.headers["Location"]
    with app.app_context():
        assert db.session.scalars(select(Revote)).all() == []
        assert db.session.scalars(select(Agreement)).all() == []


def test_revote_refusals(app, client, post_form, trainer):
    wid, room = open_room(app, post_form, trainer)
    phone, token = room[0]
    # No re-vote open yet: the page says so, an answer is refused.
    assert "Aucun nouveau vote" in phone.get(f"/join/revote/{token}").get_data(as_text=True)
    assert revote(phone, token, "4").status_code == 409
    assert trainer_post(post_form, trainer, wid, "revote", {"to": "close"}).status_code == 409
    assert trainer_post(post_form, trainer, wid, "revote", {"item": "nope"}).status_code == 400
    assert trainer_post(post_form, trainer, wid, "revote", {"item": "e1"}).status_code == 302
    # One at a time, and once per statement.
    assert trainer_post(post_form, trainer, wid, "revote", {"item": "e2"}).status_code == 409
    page = phone.get(f"/join/revote/{token}").get_data(as_text=True)
    bad = phone.post(f"/join/revote/{token}", data={"csrf_token": csrf_from(page), "value": "9"})
    assert bad.status_code == 400 and "Choisissez l’une des réponses proposées." in bad.get_data(
        as_text=True
    )
    assert phone.post(f"/join/revote/{token}", data={"value": "4"}).status_code == 400  # CSRF
    trainer_post(post_form, trainer, wid, "revote", {"to": "close"})
    assert trainer_post(post_form, trainer, wid, "revote", {"item": "e1"}).status_code == 409
    # A closed workshop takes no re-vote.
    set_state(post_form, trainer, wid, "close")
    assert trainer_post(post_form, trainer, wid, "revote", {"item": "e2"}).status_code == 409
    with app.app_context():
        assert db.session.scalar(select(func.count(RevoteAnswer.id))) == 0


def test_the_trainer_cannot_skip_csrf(app, client, post_form, trainer):
    wid, _room = open_room(app, post_form, trainer)
    assert client.post(f"/workshops/{trainer}/{wid}/revote", data={"item": "e1"}).status_code == 400
    sent = client.post(
        f"/workshops/{trainer}/{wid}/agreement",
        data={"subject": "item:e1", "score": "4", "rationale": "Ok"},
    )
    assert sent.status_code == 400
    with app.app_context():
        assert db.session.scalars(select(Revote)).all() == []
        assert db.session.scalars(select(Agreement)).all() == []


def test_bad_agreed_scores_say_what_to_fix_and_keep_the_input(app, post_form, trainer):
    wid, _room = open_room(app, post_form, trainer)
    cases = [
        ({"subject": "item:e1", "score": "7", "rationale": "Trop haut"}, "de 1 à 5"),
        ({"subject": "dimension:ethics", "score": "140", "rationale": "Trop"}, "de 0 à 100"),
        (
            {"subject": "item:e1", "score": "quatre", "rationale": "Mot"},
            "un nombre entier de 1 à 5",
        ),
        ({"subject": "item:e1", "score": "4", "rationale": ""}, "en une ligne"),
        ({"subject": "item:zz", "score": "4", "rationale": "Inconnu"}, "réponses proposées"),
        ({"subject": "item:e1", "score": "4", "rationale": "x", "dissent": "y" * 301}, "300"),
    ]
    for data, message in cases:
        sent = trainer_post(post_form, trainer, wid, "agreement", data)
        page = sent.get_data(as_text=True)
        assert sent.status_code == 400, data
        assert "Il y a un problème" in page
        if message:
            assert message in page, (data, message)
        assert f'value="{data["score"]}"' in page  # what was typed stays
        if data["rationale"]:
            assert data["rationale"] in page
    with app.app_context():
        assert db.session.scalars(select(Agreement)).all() == []
    # Recording twice replaces; a draft workshop takes no agreement.
    for score in ("3", "4"):
        trainer_post(
            post_form, trainer, wid, "agreement",
            {"subject": "item:e1", "score": score, "rationale": "Ok"},
        )  # fmt: skip
    with app.app_context():
        assert [a.score for a in db.session.scalars(select(Agreement))] == [4]
    draft = create_workshop(post_form, trainer)
    sent = trainer_post(
        post_form, trainer, draft, "agreement",
        {"subject": "item:e1", "score": "4", "rationale": "Ok"},
    )  # fmt: skip
    assert sent.status_code == 409


def test_another_organisations_trainer_cannot_touch_the_consensus(
    app, post_form, trainer, create_organisation, create_user
):
    wid, _room = open_room(app, post_form, trainer)
    other = create_organisation("Autre ville")
    create_user("autre@example.org", trainer_of=[other])
    visitor = app.test_client()
    html = visitor.get("/accounts/login").get_data(as_text=True)
    visitor.post(
        "/accounts/login",
        data={"csrf_token": csrf_from(html), "email": "autre@example.org", "password": PASSWORD},
    )
    token = csrf_from(visitor.get("/join/").get_data(as_text=True))
    for path, data in (("revote", {"item": "e1"}), ("agreement", {"subject": "item:e1"})):
        sent = visitor.post(
            f"/workshops/{trainer}/{wid}/{path}", data={"csrf_token": token, **data}
        )
        assert sent.status_code == 404
    assert visitor.get(f"/workshops/{trainer}/{wid}/report.pdf").status_code == 404
