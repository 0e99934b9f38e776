"""Request tests of a manager's pages: teams, invitations, moving people, reset links."""

import pytest
from factories import PASSWORD

from roadmap.services import accounts, organisations

from .test_accounts import LINK, sign_in


@pytest.fixture()
def town(create_organisation, create_team, create_user):
    org = create_organisation("Ville de Laval")
    ids = {"org": org, "team": create_team(org, "Accueil"), "team2": create_team(org, "Jeunesse")}
    ids["member"] = create_user("camille@example.org", teams=[ids["team"]])
    ids["manager"] = create_user("chef@example.org", manager_of=[org])
    ids["manager2"] = create_user("chef2@example.org", manager_of=[org])
    ids["admin"] = create_user("admin@example.org", admin=True)
    return ids


def test_a_manager_creates_teams_and_duplicates_are_refused(client, post_form, town):
    sign_in(post_form, "chef@example.org")
    page, url = f"/organisations/{town['org']}", f"/organisations/{town['org']}/teams"
    assert post_form(url, {"name": "Aînés"}, page=page).status_code == 302
    assert "Aînés" in client.get(page).get_data(as_text=True)
    again = post_form(url, {"name": "Accueil"}, page=page, headers={"Accept-Language": "en"})
    assert again.status_code == 400
    assert "already has a team of that name" in again.get_data(as_text=True)
    assert post_form(url, {"name": ""}, page=page).status_code == 400


def test_members_and_trainers_cannot_manage(client, post_form, town, create_user):
    create_user("formatrice@example.org", trainer_of=[town["org"]])
    for email in ("camille@example.org", "formatrice@example.org"):
        sign_in(post_form, email)
        base = f"/organisations/{town['org']}"
        assert client.get(base).status_code == 200
        assert client.get(f"{base}/invite").status_code == 403
        assert post_form(f"{base}/teams", {"name": "X"}, page="/accounts/").status_code == 403
        person = f"{base}/people/{town['member']}"
        assert post_form(f"{person}/reset", {}, page="/accounts/").status_code == 403
        assert client.get(f"{person}/move").status_code == 403


def test_invitation_refusals(post_form, town):
    sign_in(post_form, "chef@example.org")
    url = f"/organisations/{town['org']}/invite"
    english = {"Accept-Language": "en"}
    no_team = post_form(
        url, {"email": "a@example.org", "role": "member", "team": 0}, headers=english
    )
    assert no_team.status_code == 400 and "Choose the team a member joins." in no_team.get_data(
        as_text=True
    )
    bad = post_form(url, {"email": "not-an-address", "role": "manager", "team": 0}, headers=english)
    assert bad.status_code == 400 and "right format" in bad.get_data(as_text=True)
    foreign = post_form(url, {"email": "a@example.org", "role": "member", "team": 987654})
    assert foreign.status_code == 400  # not one of the organisation's teams


def test_moving_a_person(app, client, post_form, town):
    sign_in(post_form, "chef@example.org")
    url = f"/organisations/{town['org']}/people/{town['member']}/move"
    moved = post_form(url, {"from_team": town["team"], "to_team": town["team2"]})
    assert moved.status_code == 302
    with app.app_context():
        grants = organisations.grants_for(accounts.get(town["member"]))
        assert grants.teams == {(town["org"], town["team2"])}
    again = post_form(
        url,
        {"from_team": town["team"], "to_team": town["team2"]},
        headers={"Accept-Language": "en"},
    )
    assert again.status_code == 400 and "not in that team" in again.get_data(as_text=True)


def test_reset_links_for_managers_need_an_administrator(app, client, post_form, town):
    sign_in(post_form, "chef@example.org")
    base = f"/organisations/{town['org']}"
    assert post_form(f"{base}/people/{town['manager2']}/reset", {}, page=base).status_code == 403
    sign_in(post_form, "admin@example.org")
    made = post_form(f"{base}/people/{town['manager2']}/reset", {}, page=base)
    assert made.status_code == 200 and LINK.search(made.get_data(as_text=True))


def test_an_administrator_creates_organisations(client, post_form, town):
    sign_in(post_form, "admin@example.org")
    made = post_form("/organisations/", {"name": "CPAS de Namur"})
    assert made.status_code == 302
    assert "CPAS de Namur" in client.get("/organisations/").get_data(as_text=True)
    assert post_form("/organisations/", {"name": "CPAS de Namur"}).status_code == 400
    sign_in(post_form, "chef@example.org", PASSWORD)
    listed = client.get("/organisations/").get_data(as_text=True)
    assert "Ville de Laval" in listed and "CPAS de Namur" not in listed
