"""Request tests of what a trainer does with a workshop's answers: paper forms typed in,
exports once closed (anonymised, nothing below k, rate-limited, audited), before/after with
participants' own pairing codes; every refusal."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from factories import PASSWORD
from sqlalchemy import select

from roadmap.extensions import db
from roadmap.models.assessment import Assessment
from roadmap.models.audit import AuditEvent
from roadmap.models.workshop import Workshop
from tests.conftest import csrf_from

from .test_workshops import create_workshop, join, set_state, workshop
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


def paper(post_form, org, wid, data):
    return post_form(f"/workshops/{org}/{wid}/paper", data)


def typed_in(app, wid):
    with app.app_context():
        query = select(Assessment).where(Assessment.workshop_id == wid)
        return [(a.typed_in, a.status, a.workshop_role) for a in db.session.scalars(query)]


def test_a_trainer_types_in_paper_forms_that_count_and_show_as_a_count(
    app, client, post_form, trainer
):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    page = client.get(f"/workshops/{trainer}/{wid}/paper")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'name="e1"' in html and 'name="p_aim"' in html
    assert 'name="r1"' not in html  # only the workshop's sections
    sent = paper(post_form, trainer, wid, {"role": "manager", "e1": "4", "e2": "dont_know"})
    assert sent.status_code == 302
    assert typed_in(app, wid) == [(True, "submitted", "manager")]
    assert "1 formulaire papier saisi" in client.get(sent.headers["Location"]).get_data(
        as_text=True
    )
    show = client.get(f"/workshops/{trainer}/{wid}").get_data(as_text=True)
    assert "1 réponse saisie à partir du papier" in show
    live = client.get(f"/workshops/{trainer}/{wid}/live").get_json()
    assert live["counts"] == {"joined": 1, "in_progress": 0, "finished": 1}


def test_bad_paper_forms_say_what_to_fix_and_keep_what_was_typed(app, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    no_role = paper(post_form, trainer, wid, {"e1": "4", "e2": "2"})
    html = no_role.get_data(as_text=True)
    assert no_role.status_code == 400 and "Choisissez le rôle inscrit sur le formulaire." in html
    assert 'value="4" checked' in html and 'value="2" checked' in html
    wrong = paper(post_form, trainer, wid, {"role": "manager", "e1": "9", "e2": "3"})
    html = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and "Choisissez l’une des réponses proposées." in html
    assert 'value="3" checked' in html
    stranger = paper(post_form, trainer, wid, {"role": "manager", "e1": "3", "r1": "5"})
    html = stranger.get_data(as_text=True)
    assert stranger.status_code == 400 and "(r1)" in html and "Rien n’a été enregistré" in html
    empty = paper(post_form, trainer, wid, {"role": "manager"})
    assert empty.status_code == 400 and "aucune réponse" in empty.get_data(as_text=True)
    assert typed_in(app, wid) == []  # nothing saved by any of them


def fill_paper(post_form, org, wid, values, role="manager"):
    for e1, e2 in values:
        sent = paper(post_form, org, wid, {"role": role, "e1": str(e1), "e2": str(e2)})
        assert sent.status_code == 302


def test_exports_wait_for_the_close_and_for_k_people(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)  # k = 3
    set_state(post_form, trainer, wid, "open")
    fill_paper(post_form, trainer, wid, [(4, 4), (2, 2)])
    url = f"/workshops/{trainer}/{wid}/answers.csv"
    still_open = client.get(url, follow_redirects=True)
    assert "Fermez l’atelier avant d’exporter ses réponses." in still_open.get_data(as_text=True)
    set_state(post_form, trainer, wid, "close")
    too_few = client.get(url)
    assert too_few.status_code == 302
    page = client.get(too_few.headers["Location"]).get_data(as_text=True)
    assert "Moins de 3 personnes ont répondu" in page
    with app.app_context():
        assert db.session.scalar(select(AuditEvent.id)) is None  # nothing exported


def test_closed_exports_are_anonymised_and_audited(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    fill_paper(post_form, trainer, wid, [(5, 5), (1, 1), (3, 3)], role="front line")
    fill_paper(post_form, trainer, wid, [(2, 2)], role="manager")
    set_state(post_form, trainer, wid, "close")
    response = client.get(f"/workshops/{trainer}/{wid}/answers.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";")
    )
    header, body = rows[0], rows[1:]
    assert header[:5] == [
        "workshop_id",
        "questionnaire_id",
        "questionnaire_version",
        "held_on",
        "role",
    ]
    assert len(body) == 4 and {r[4] for r in body} == {""}  # 1 manager < 3: both roles blanked
    with app.app_context():
        tokens = [a.token for a in db.session.scalars(select(Assessment))]
    text = response.get_data(as_text=True)
    assert not any(t in text for t in tokens) and "typed" not in text
    assert sorted(int(r[header.index("e1")]) for r in body) == [1, 2, 3, 5]
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/workshops/{trainer}/{wid}/aggregates.xlsx").data)
    )
    sheet = list(book.active.values)
    assert sheet[0][:5] == ("workshop_id", "group", "n", "kind", "id")
    assert ("all", 4, "dimension", "ethics") in {r[1:5] for r in sheet[1:]}
    assert client.get(f"/workshops/{trainer}/{wid}/answers.xlsx").status_code == 200
    assert client.get(f"/workshops/{trainer}/{wid}/aggregates.csv").status_code == 200
    with app.app_context():
        details = [e.detail for e in db.session.scalars(select(AuditEvent))]
    assert len(details) == 4 and all(f"workshop {wid}" in d for d in details)


def test_workshop_exports_are_rate_limited(configured_app, create_organisation, create_user):
    app = configured_app(RATELIMIT_ENABLED=True, SERVER_NAME=None, RATELIMIT_EXPORT="2 per minute")
    client = app.test_client()
    with app.app_context():
        from roadmap.content.catalogue import default_questionnaire
        from roadmap.models.organisation import Organisation
        from roadmap.models.workshop import WorkshopState
        from roadmap.services import workshops

        org = Organisation(name="Limites")
        db.session.add(org)
        db.session.commit()
        made = workshops.create(
            org, None, title="Salle", q=default_questionnaire(), sections=["compass"],
            languages=["fr"],
        )  # fmt: skip
        workshops.set_state(made, WorkshopState.OPEN)
        workshops.set_state(made, WorkshopState.CLOSED)
        org_id, wid = org.id, made.id
    create_user("t@example.org", trainer_of=[org_id])
    page = client.get("/accounts/login").get_data(as_text=True)
    client.post(
        "/accounts/login",
        data={"csrf_token": csrf_from(page), "email": "t@example.org", "password": PASSWORD},
    )
    statuses = [client.get(f"/workshops/{org_id}/{wid}/answers.csv").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def participant(app, code, role="front line"):
    phone = app.test_client()
    token = join(phone, code, "fr", role).headers["Location"].split("/")[-1]
    return phone, token


def answer(phone, token, e1, e2):
    step = phone.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
    data = {"csrf_token": csrf_from(step), "e1": str(e1), "e2": str(e2)}
    assert phone.post(f"/assessment/{token}/step/compass", data=data).status_code == 302


def pair_code(phone, token, code):
    page = phone.get(f"/join/done/{token}").get_data(as_text=True)
    return phone.post(
        f"/join/pair/{token}", data={"csrf_token": csrf_from(page), "pair_code": code}
    )


def test_before_and_after_pairs_participants_by_their_own_codes(app, client, post_form, trainer):
    start = create_workshop(post_form, trainer, title="Début")
    end = create_workshop(post_form, trainer, title="Fin")
    for wid in (start, end):
        set_state(post_form, trainer, wid, "open")
    page = f"/workshops/{trainer}/{end}/change"
    assert "Début" in client.get(page).get_data(as_text=True)
    assert (
        post_form(
            f"/workshops/{trainer}/{end}/follows", {"start": str(start)}, page=page
        ).status_code
        == 302
    )
    assert workshop(app, end).follows_id == start
    # Three people pair; e1 = e2 so the ethics score is (e - 1) * 25.
    for n, (before, after) in enumerate(((1, 3), (2, 4), (3, 3))):
        phone, token = participant(app, workshop(app, start).code)
        answer(phone, token, before, before)
        assert pair_code(phone, token, f"Chat bleu {n}").status_code == 302
        phone, token = participant(app, workshop(app, end).code)
        answer(phone, token, after, after)
        assert pair_code(phone, token, f"chat  BLEU {n}").status_code == 302  # same code
    with app.app_context():
        hashes = [a.pair_hash for a in db.session.scalars(select(Assessment))]
    assert all(h and len(h) == 64 and "chat" not in h for h in hashes)
    assert len(set(hashes)) == 3  # one hash per code, the same on both sides of the pair
    with app.app_context():
        from roadmap.services.workshop_results import pair_hash

        assert pair_hash(start, "chat bleu 0") in hashes
        assert pair_hash(start + 100, "chat bleu 0") not in hashes  # scoped to this pair
    html = client.get(page).get_data(as_text=True)
    # Before 0, 25, 50 -> median 25; after 50, 75, 50 -> 50; own changes +50, +50, 0 -> +50.
    assert "25 (12,5–37,5), n = 3" in html and "50 (50–62,5), n = 3" in html
    assert "+25" in html and "+50 (25–50), 3" in html


def test_pairing_refusals(app, client, post_form, trainer):
    start = create_workshop(post_form, trainer, title="Début")
    end = create_workshop(post_form, trainer, title="Fin")
    set_state(post_form, trainer, start, "open")
    phone, token = participant(app, workshop(app, start).code)
    short = pair_code(phone, token, "ab")
    assert short.status_code == 400 and "de 4 à 40 caractères" in short.get_data(as_text=True)
    assert pair_code(phone, token, "soleil").status_code == 302
    other, other_token = participant(app, workshop(app, start).code)
    taken = pair_code(other, other_token, "Soleil")
    assert taken.status_code == 409 and "déjà choisi ce code" in taken.get_data(as_text=True)
    page = f"/workshops/{trainer}/{start}/change"
    # A workshop whose participants chose codes keeps its pairing as it is.
    linked = post_form(f"/workshops/{trainer}/{start}/follows", {"start": str(end)}, page=page)
    assert linked.status_code == 302 and workshop(app, start).follows_id is None
    assert "le lien reste" in client.get(linked.headers["Location"]).get_data(as_text=True)
    bad = post_form(f"/workshops/{trainer}/{end}/follows", {"start": str(end)}, page=page)
    assert bad.status_code == 400  # itself
    assert (
        post_form(f"/workshops/{trainer}/{end}/follows", {"start": "999999"}, page=page).status_code
        == 400
    )
    csrf = csrf_from(phone.get(f"/join/done/{token}").get_data(as_text=True))
    set_state(post_form, trainer, start, "close")
    late = phone.post(f"/join/pair/{token}", data={"csrf_token": csrf, "pair_code": "lune"})
    assert late.status_code == 302  # closed: nothing changes
    with app.app_context():
        assert db.session.scalar(select(Workshop.follows_id).where(Workshop.id == end)) is None


def test_a_participant_reaches_neither_the_trainers_pages_nor_the_exports(
    app, client, post_form, trainer
):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    phone, token = participant(app, workshop(app, wid).code)
    answer(phone, token, 4, 4)
    base = f"/workshops/{trainer}/{wid}"
    for path in ("/paper", "/change", "/answers.csv", "/aggregates.xlsx", "/live", ""):
        response = phone.get(base + path)
        assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]
    for path in ("/paper", "/follows"):
        response = phone.post(base + path, data={"e1": "5"})
        assert response.status_code in (302, 400)
        assert response.status_code == 400 or "/accounts/login" in response.headers["Location"]
    assert typed_in(app, wid) == [(False, "in_progress", "front line")]
