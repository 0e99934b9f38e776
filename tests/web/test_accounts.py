"""Request tests of the account pages: every flow and every refusal."""

import re

import pytest
from factories import PASSWORD

from roadmap.services import accounts, assessments, organisations
from tests.services.smtp import smtp_server  # noqa: F401 (fixture)

NEW = "Une-Autre-Phrase-77"
LINK = re.compile(r'<code class="app-private-link">([^<]+)</code>')


def sign_in(post_form, email="camille@example.org", password=PASSWORD, **kwargs):
    return post_form("/accounts/login", {"email": email, "password": password}, **kwargs)


def test_sign_in_starts_a_new_session_and_goes_where_asked(client, post_form, create_user):
    create_user("camille@example.org")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
        session["locale"] = "en"
    response = sign_in(post_form, "Camille@Example.org", query_string={"next": "/organisations/"})
    assert response.status_code == 302 and response.headers["Location"] == "/organisations/"
    with client.session_transaction() as session:
        assert "planted" not in session and session["locale"] == "en"
        assert session["_user_id"].endswith(".0")
    assert client.get("/accounts/").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_sign_in_never_sends_to_another_site(post_form, create_user, target):
    create_user("camille@example.org")
    response = sign_in(post_form, query_string={"next": target})
    assert response.headers["Location"] == "/accounts/"


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("camille@example.org", "wrong-password-1"),
        ("nobody@example.org", PASSWORD),
        ("off@example.org", PASSWORD),
    ],
)
def test_wrong_credentials_read_the_same(client, post_form, create_user, email, password):
    create_user("camille@example.org")
    create_user("off@example.org", active=False)
    response = sign_in(post_form, email, password, headers={"Accept-Language": "fr"})
    assert response.status_code == 400
    assert "L’adresse courriel ou le mot de passe est incorrect." in response.get_data(as_text=True)
    assert client.get("/accounts/").status_code == 302


def test_empty_sign_in_form_says_what_is_missing(post_form):
    response = post_form(
        "/accounts/login", {"email": "", "password": ""}, headers={"Accept-Language": "en"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter your e-mail address." in html and "Enter your password." in html


def test_sign_out_needs_a_form_and_ends_the_session(client, post_form, create_user):
    create_user("camille@example.org")
    sign_in(post_form)
    assert client.get("/accounts/logout").status_code == 405
    assert client.post("/accounts/logout").status_code == 400  # no CSRF token
    assert client.get("/accounts/").status_code == 200
    response = post_form("/accounts/logout", {}, page="/accounts/")
    assert response.status_code == 302
    assert client.get("/accounts/").status_code == 302


def test_change_password_refusals_then_other_sessions_end(app, client, post_form, create_user):
    create_user("camille@example.org")
    sign_in(post_form)
    other = app.test_client()
    with client.session_transaction() as session:
        old_session = session["_user_id"]
    with other.session_transaction() as session:
        session["_user_id"] = old_session
    assert other.get("/accounts/").status_code == 200
    page, lang = "/accounts/password", {"Accept-Language": "en"}
    cases = [
        (
            {"current": "wrong-password-1", "password": NEW, "confirm": NEW},
            "Your current password is not right.",
        ),
        ({"current": PASSWORD, "password": "short", "confirm": "short"}, "at least 12 characters"),
        (
            {"current": PASSWORD, "password": "azertyuiop2024", "confirm": "azertyuiop2024"},
            "too common",
        ),
        (
            {"current": PASSWORD, "password": NEW, "confirm": NEW + "x"},
            "The two passwords are not the same.",
        ),
    ]
    for data, message in cases:
        response = post_form(page, data, headers=lang)
        assert response.status_code == 400 and message in response.get_data(as_text=True), message
    done = post_form(page, {"current": PASSWORD, "password": NEW, "confirm": NEW})
    assert done.status_code == 302
    assert client.get("/accounts/").status_code == 200  # this session goes on
    assert other.get("/accounts/").status_code == 302  # the other one ended
    with app.app_context():
        assert accounts.authenticate("camille@example.org", NEW)


def test_reset_link_made_by_a_manager_works_once(
    app, client, post_form, create_user, create_organisation, create_team
):
    org = create_organisation("Ville")
    team = create_team(org)
    member = create_user("camille@example.org", teams=[team])
    create_user("chef@example.org", manager_of=[org])
    sign_in(post_form, "chef@example.org")
    page = post_form(
        f"/organisations/{org}/people/{member}/reset", {}, page=f"/organisations/{org}"
    )
    link = LINK.search(page.get_data(as_text=True)).group(1)
    path = link.split("localhost", 1)[1]
    visitor = app.test_client()
    html = visitor.get(path).get_data(as_text=True)
    assert "camille@example.org" in html
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    refused = visitor.post(
        path, data={"csrf_token": token, "password": "password12345", "confirm": "password12345"}
    )
    assert refused.status_code == 400
    done = visitor.post(path, data={"csrf_token": token, "password": NEW, "confirm": NEW})
    assert done.status_code == 302 and visitor.get("/accounts/").status_code == 200
    assert visitor.get(path).status_code == 404  # once only
    assert client.get("/accounts/reset/" + "A" * 43).status_code == 404


def test_reset_request_without_email_says_whom_to_ask(client):
    html = client.get("/accounts/reset", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Demandez à votre responsable" in html and 'type="email"' not in html


def test_reset_request_with_smtp_sends_a_link_and_reads_the_same(
    app,
    client,
    post_form,
    create_user,
    smtp_server,  # noqa: F811
):
    host, port, inbox = smtp_server
    create_user("camille@example.org")
    app.config.update(SMTP_HOST=host, SMTP_PORT=port, SMTP_SECURITY="none")
    try:
        known = post_form("/accounts/reset", {"email": "camille@example.org"})
        unknown = post_form("/accounts/reset", {"email": "nobody@example.org"})
    finally:
        app.config.update(SMTP_HOST=None)
    assert known.status_code == unknown.status_code == 200
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True)
    (message,) = inbox.messages
    path = re.search(r"http://localhost(/accounts/reset/[\w-]+)", message.get_content()).group(1)
    assert client.get(path).status_code == 200


def test_sign_up_from_an_invitation(
    app, client, post_form, create_user, create_organisation, create_team
):
    org = create_organisation("Ville")
    team = create_team(org, "Accueil")
    create_user("chef@example.org", manager_of=[org])
    sign_in(post_form, "chef@example.org")
    invited = post_form(
        f"/organisations/{org}/invite", {"email": "New@Example.org", "role": "member", "team": team}
    )
    assert invited.status_code == 200
    path = LINK.search(invited.get_data(as_text=True)).group(1).split("localhost", 1)[1]
    newcomer = app.test_client()
    page = newcomer.get(path, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Rejoindre Ville" in page and "new@example.org" in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    weak = newcomer.post(
        path, data={"csrf_token": token, "password": "motdepasse123", "confirm": "motdepasse123"}
    )
    assert weak.status_code == 400
    done = newcomer.post(
        path, data={"csrf_token": token, "name": "Camille", "password": NEW, "confirm": NEW}
    )
    assert done.status_code == 302
    assert "Accueil" in newcomer.get("/accounts/").get_data(as_text=True)
    assert newcomer.get(path).status_code == 404  # the invitation works once


def test_an_invitation_for_an_existing_account_asks_to_sign_in(
    app, post_form, create_user, create_organisation
):
    org = create_organisation("Ville")
    create_user("chef@example.org", manager_of=[org])
    create_user("camille@example.org")
    sign_in(post_form, "chef@example.org")
    invited = post_form(
        f"/organisations/{org}/invite",
        {"email": "camille@example.org", "role": "trainer", "team": 0},
    )
    path = LINK.search(invited.get_data(as_text=True)).group(1).split("localhost", 1)[1]
    other = app.test_client()
    html = other.get(path, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "already has an account" in html and 'type="password"' not in html
    signed = other.get("/accounts/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', signed.get_data(as_text=True)).group(1)
    other.post(
        "/accounts/login",
        data={"csrf_token": token, "email": "camille@example.org", "password": PASSWORD},
    )
    page = other.get(path).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert other.post(path, data={"csrf_token": token}).status_code == 302
    with app.app_context():
        grants = organisations.grants_for(accounts.find("camille@example.org"))
        assert {role for _org, role in grants.roles} == {"trainer"}


def test_claim_an_assessment_into_ones_team(
    app, post_form, create_user, create_organisation, create_team, create_assessment
):
    org = create_organisation("Ville")
    team, other_team = create_team(org, "Accueil"), create_team(org, "Jeunesse")
    create_user("camille@example.org", teams=[team])
    token = create_assessment(submitted=True)
    sign_in(post_form)
    page = f"/accounts/claim/{token}"
    refused = post_form(page, {"team": other_team})
    assert refused.status_code == 400  # not one of the choices
    assert post_form(page, {"team": team}).status_code == 302
    with app.app_context():
        assessment, _q = assessments.by_token(token, 365)
        assert assessment.team_id == team
    assert post_form(page, {"team": 987654}).status_code == 400
    assert (
        post_form("/accounts/claim/" + "A" * 32, {"team": team}, page="/accounts/").status_code
        == 404
    )
