"""Request tests of data rights (download, account deletion), people management, the audit log,
the privacy page and the results page's way into a team; every refusal."""

from __future__ import annotations

import json

import pytest
from factories import PASSWORD, TRAP_ANSWERS

from roadmap.extensions import db
from roadmap.models.account import User
from roadmap.models.assessment import Assessment
from roadmap.services import accounts, assessments, organisations

from .test_accounts import sign_in
from .test_privacy import roadmap_command  # noqa: F401, F811 (the fixture)


def speak(client, language: str) -> None:
    """Choose the language as the header's links do (kept in the session)."""
    client.get(f"/?lang={language}")


@pytest.fixture()
def town(create_organisation, create_team, create_user):
    org = create_organisation("Ville de Laval")
    ids = {"org": org, "team": create_team(org, "Accueil"), "team2": create_team(org, "Jeunesse")}
    ids["member"] = create_user("camille@example.org", teams=[ids["team"]])
    ids["manager"] = create_user("chef@example.org", manager_of=[org])
    ids["manager2"] = create_user("chef2@example.org", manager_of=[org])
    ids["admin"] = create_user("admin@example.org", admin=True)
    other = create_organisation("Ailleurs")
    ids["other"] = other
    ids["stranger"] = create_user("loin@example.org", teams=[create_team(other, "Là-bas")])
    return ids


@pytest.fixture()
def filed(app, town, create_assessment):
    token = create_assessment(
        answers=TRAP_ANSWERS, reflections={"purpose_text": "Nos familles"}, submitted=True
    )
    with app.app_context():
        assessment, _q = assessments.by_token(token, 365)
        organisations.claim(assessment, accounts.get(town["member"]), town["team"])
    return token


def test_the_account_page_offers_download_and_deletion(client, post_form, town):
    sign_in(post_form, "camille@example.org")
    speak(client, "en")
    page = client.get("/accounts/").get_data(as_text=True)
    assert 'action="/accounts/data"' in page and 'href="/accounts/delete"' in page
    assert 'href="/privacy/"' in page
    speak(client, "fr")
    french = client.get("/accounts/").get_data(as_text=True)
    assert "Télécharger mes données (JSON)" in french


def test_downloading_ones_data(client, post_form, town, filed):
    sign_in(post_form, "camille@example.org")
    response = post_form("/accounts/data", {}, page="/accounts/")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "camille@example.org"
    assert data["assessments"][0]["reflections"] == {"purpose_text": "Nos familles"}
    assert client.post("/accounts/data").status_code == 400  # no CSRF token


def test_downloading_needs_an_account(client):
    # Refused at the CSRF check; the access matrix (CSRF off) checks it sends to sign in.
    assert client.post("/accounts/data").status_code == 400


def test_the_delete_page_explains_what_becomes_of_the_assessments(client, post_form, town, filed):
    sign_in(post_form, "camille@example.org")
    speak(client, "en")
    page = client.get("/accounts/delete").get_data(as_text=True)
    assert "1 assessment is filed under your account." in page
    assert "without your name" in page and "deleted with their answers" in page
    speak(client, "fr")
    french = client.get("/accounts/delete").get_data(as_text=True)
    assert "Supprimer votre compte" in french


def test_deleting_ones_account_refusals_then_success(app, client, post_form, town, filed):
    sign_in(post_form, "camille@example.org")
    speak(client, "en")
    wrong = post_form("/accounts/delete", {"assessments": "keep", "password": "nope-nope-nope"})
    assert wrong.status_code == 400 and "Your password is not right." in wrong.get_data(
        as_text=True
    )
    unchosen = post_form("/accounts/delete", {"password": PASSWORD})
    assert unchosen.status_code == 400
    assert "Choose what becomes of your assessments." in unchosen.get_data(as_text=True)
    no_csrf = client.post("/accounts/delete", data={"assessments": "keep", "password": PASSWORD})
    assert no_csrf.status_code == 400
    with app.app_context():
        assert db.session.get(User, town["member"]) is not None
    done = post_form("/accounts/delete", {"assessments": "keep", "password": PASSWORD})
    assert done.status_code == 302 and done.headers["Location"] == "/"
    assert "Your account has been deleted" in client.get("/").get_data(as_text=True)
    assert client.get("/accounts/").status_code == 302  # signed out
    with app.app_context():
        assert db.session.get(User, town["member"]) is None
        (kept,) = db.session.scalars(db.select(Assessment))
        assert (kept.owner_id, kept.team_id) == (None, town["team"])


def test_deleting_ones_account_with_its_assessments(app, post_form, town, filed):
    sign_in(post_form, "camille@example.org")
    done = post_form("/accounts/delete", {"assessments": "delete", "password": PASSWORD})
    assert done.status_code == 302
    with app.app_context():
        assert db.session.scalars(db.select(Assessment)).all() == []


def test_the_last_administrator_cannot_delete_their_account(app, client, post_form, town):
    sign_in(post_form, "admin@example.org")
    speak(client, "en")
    page = client.get("/accounts/delete").get_data(as_text=True)
    assert "only administrator" in page and "Delete my account" not in page
    refused = post_form(
        "/accounts/delete", {"assessments": "keep", "password": PASSWORD}, page="/accounts/"
    )
    assert refused.status_code == 409
    with app.app_context():
        assert db.session.get(User, town["admin"]) is not None


def person_url(town, who="member"):
    return f"/organisations/{town['org']}/people/{town[who]}"


def test_a_manager_changes_a_role_and_takes_people_out(app, client, post_form, town):
    sign_in(post_form, "chef@example.org")
    url = person_url(town)
    page = client.get(f"{url}?lang=en").get_data(as_text=True)
    assert "camille@example.org" in page and "Take out of this team" in page
    assert post_form(f"{url}/role", {"role": "trainer"}, page=url).status_code == 302
    with app.app_context():
        grants = organisations.grants_for(accounts.get(town["member"]))
        assert (town["org"], "trainer") in grants.roles
    left = post_form(f"{url}/leave", {"team": town["team"]}, page=url)
    assert left.status_code == 302
    with app.app_context():
        assert organisations.teams_of(accounts.get(town["member"])) == []
    gone = post_form(f"{url}/remove", {}, page=url)
    assert gone.status_code == 302 and gone.headers["Location"] == f"/organisations/{town['org']}"
    assert client.get(url).status_code == 404  # no longer a person of the organisation


def test_people_refusals(client, post_form, town):
    sign_in(post_form, "chef@example.org")
    speak(client, "en")
    fellow = person_url(town, "manager2")
    demote = post_form(f"{fellow}/role", {"role": "member"}, page=fellow)
    assert demote.status_code == 403
    assert "Only an administrator can change the role of a manager." in demote.get_data(
        as_text=True
    )
    assert post_form(f"{fellow}/remove", {}, page=fellow).status_code == 403
    bad_role = post_form(f"{person_url(town)}/role", {"role": "admin"}, page=fellow)
    assert bad_role.status_code == 400
    stranger = f"/organisations/{town['org']}/people/{town['stranger']}"
    assert client.get(stranger).status_code == 404
    assert post_form(f"{stranger}/remove", {}, page=fellow).status_code == 404
    assert client.get(f"/organisations/{town['org']}/people/987654").status_code == 404
    assert (
        client.get(f"/organisations/{town['other']}/people/{town['stranger']}").status_code == 404
    )
    assert client.post(f"{person_url(town)}/remove").status_code == 400  # no CSRF: nothing done
    assert client.get(person_url(town)).status_code == 200
    foreign_team = post_form(f"{person_url(town)}/leave", {"team": 987654}, page=fellow)
    assert foreign_team.status_code == 302 and client.get(person_url(town)).status_code == 200


def test_the_last_manager_cannot_step_down(client, post_form, town):
    sign_in(post_form, "admin@example.org")
    second = person_url(town, "manager2")
    assert post_form(f"{second}/role", {"role": "member"}, page=second).status_code == 302
    sign_in(post_form, "chef@example.org")
    speak(client, "en")
    me = person_url(town, "manager")
    refused = post_form(f"{me}/role", {"role": "trainer"}, page=me)
    assert refused.status_code == 409
    assert "The organisation needs a manager" in refused.get_data(as_text=True)
    assert post_form(f"{me}/remove", {}, page=me).status_code == 409


def test_members_cannot_manage_people_or_read_the_log(client, post_form, town):
    sign_in(post_form, "camille@example.org")
    assert client.get(person_url(town, "manager")).status_code == 403
    assert client.get(f"/organisations/{town['org']}/log").status_code == 403
    assert client.get("/organisations/log").status_code == 403
    assert (
        post_form(
            f"{person_url(town)}/leave", {"team": town["team"]}, page="/accounts/"
        ).status_code
        == 403
    )


def test_the_audit_log_in_both_languages(client, post_form, town):
    sign_in(post_form, "chef@example.org")
    url = person_url(town)
    post_form(f"{url}/role", {"role": "trainer"}, page=url)
    log = f"/organisations/{town['org']}/log"
    english = client.get(f"{log}?lang=en").get_data(as_text=True)
    assert "Changed the role" in english and "member → trainer" in english
    assert "chef@example.org" in english and "camille@example.org" in english
    french = client.get(f"{log}?lang=fr").get_data(as_text=True)
    assert "A modifié le rôle" in french and "membre → formateur" in french
    assert "loin@example.org" not in french
    assert client.get(f"/organisations/{town['other']}/log").status_code == 404
    assert client.get(f"{log}?page=abc").status_code == 200
    assert client.get(f"{log}?page=99").status_code == 200


def test_an_administrator_reads_the_whole_log(client, post_form, town):
    sign_in(post_form, "admin@example.org")
    page = client.get("/organisations/log?lang=en").get_data(as_text=True)
    assert "Audit log of the installation" in page and "Created a team" in page


def test_the_log_says_deleted_account(client, post_form, town, filed):
    sign_in(post_form, "camille@example.org")
    post_form("/accounts/delete", {"assessments": "keep", "password": PASSWORD})
    sign_in(post_form, "chef@example.org")
    page = client.get(f"/organisations/{town['org']}/log?lang=en").get_data(as_text=True)
    assert "deleted account" in page and "camille@example.org" not in page
    assert "Account deleted" in page and "1 assessment kept, anonymised" in page


def test_the_privacy_page_in_both_languages(client):
    english = client.get("/privacy/?lang=en").get_data(as_text=True)
    for words in ("Accounts", "The audit log", "Your rights", "1,095 days", "Argon2"):
        assert words in english, words
    french = client.get("/privacy/?lang=fr").get_data(as_text=True)
    for words in ("Comptes", "Le journal", "Vos droits", "Loi 25"):
        assert words in french, words
    assert "1\u202f095 jours" in french or "1\u00a0095 jours" in french  # not "1095 jours"
    assert 'href="/privacy/"' in french  # the footer links to it


def test_the_results_page_offers_a_team_to_signed_in_people(
    app, client, post_form, town, create_assessment
):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    anonymous = client.get(f"/results/{token}?lang=en").get_data(as_text=True)
    assert "needs an account" in anonymous and f"/accounts/claim/{token}" not in anonymous
    sign_in(post_form, "camille@example.org")
    page = client.get(f"/results/{token}").get_data(as_text=True)
    assert f'href="/accounts/claim/{token}"' in page and "Add to my team's results" in page
    claimed = post_form(f"/accounts/claim/{token}", {"team": town["team"]})
    team_page = f"/organisations/{town['org']}/teams/{town['team']}"
    assert claimed.status_code == 302 and claimed.headers["Location"] == team_page
    assert "Service test" in client.get(team_page).get_data(as_text=True)
    after = client.get(f"/results/{token}").get_data(as_text=True)
    assert "filed under your team Accueil" in after


def test_the_results_page_without_a_team(client, post_form, town, create_user, create_assessment):
    create_user("seul@example.org")
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    sign_in(post_form, "seul@example.org")
    page = client.get(f"/results/{token}?lang=en").get_data(as_text=True)
    assert "You are not in any team yet" in page and f"/accounts/claim/{token}" not in page


def test_the_purge_command_deletes_unused_accounts(app, town, filed, roadmap_command):  # noqa: F811
    from datetime import UTC, datetime, timedelta

    with app.app_context():
        member = accounts.get(town["member"])
        member.last_login_at = datetime.now(UTC) - timedelta(days=1200)
        db.session.commit()
    dry = roadmap_command("purge", "--unused-for", "365", "--dry-run")
    assert dry.exit_code == 0 and "1 account(s) unused for 1095 days" in dry.output
    kept_all = roadmap_command("purge", "--unused-for", "365", "--accounts-unused-for", "0")
    assert "account" not in kept_all.output.replace("assessment", "")
    done = roadmap_command("purge", "--unused-for", "365")
    assert done.exit_code == 0 and "deleted 1 account(s) unused for 1095 days" in done.output
    with app.app_context():
        assert db.session.get(User, town["member"]) is None
        assert db.session.get(User, town["manager"]) is not None
        (kept,) = db.session.scalars(db.select(Assessment))
        assert (kept.owner_id, kept.team_id) == (None, town["team"])


def test_the_private_links_overview_offers_a_team_too(client, post_form, town, create_assessment):
    token = create_assessment(answers={"r1": 4})  # still in progress
    sign_in(post_form, "camille@example.org")
    page = client.get(f"/assessment/{token}?lang=en").get_data(as_text=True)
    assert f'href="/accounts/claim/{token}"' in page
    claimed = post_form(f"/accounts/claim/{token}", {"team": town["team"]})
    assert claimed.status_code == 302
    after = client.get(f"/assessment/{token}?lang=en").get_data(as_text=True)
    assert "filed under your team Accueil" in after


def test_a_manager_steps_down_while_another_remains(client, post_form, town):
    sign_in(post_form, "chef@example.org")
    me = person_url(town, "manager")
    stepped = post_form(f"{me}/role", {"role": "trainer"}, page=me)
    assert stepped.headers["Location"] == f"/organisations/{town['org']}"
    assert client.get(me).status_code == 403  # no longer a manager
