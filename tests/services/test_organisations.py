"""Organisation use cases on the database: teams, invitations, moving people, claiming."""

import pytest
from factories import PASSWORD

from roadmap.core.permissions import Role
from roadmap.extensions import db
from roadmap.models.organisation import Invitation
from roadmap.services import accounts, assessments, invitations, organisations
from roadmap.services.errors import Conflict, Forbidden, Invalid, NotFound

from .test_accounts import NEW, link


@pytest.fixture()
def town(create_organisation, create_team):
    """An organisation with two teams, and another organisation with one."""
    own = create_organisation("Ville de Laval")
    other = create_organisation("CPAS de Namur")
    return {
        "org": own,
        "team": create_team(own, "Accueil"),
        "team2": create_team(own, "Jeunesse"),
        "other": other,
        "other_team": create_team(other, "Aide sociale"),
    }


def token_of(delivery) -> str:
    return delivery.link.rsplit("/", 1)[1]


def test_teams_are_named_once_per_organisation(app, town):
    with app.app_context():
        org = organisations.get(town["org"])
        with pytest.raises(Conflict):
            organisations.create_team(org, " Accueil ")
        with pytest.raises(Invalid):
            organisations.create_team(org, "   ")
        other = organisations.get(town["other"])
        assert organisations.create_team(other, "Accueil").organisation_id == town["other"]
        with pytest.raises(NotFound):
            organisations.get_team(org, town["other_team"])
        with pytest.raises(Conflict):
            organisations.create_organisation("Ville de Laval")


def test_invitation_to_sign_up_as_a_member(app, town):
    with app.app_context():
        org = organisations.get(town["org"])
        team = organisations.get_team(org, town["team"])
        delivery = invitations.invite(org, "New@Example.org", Role.MEMBER, link, team=team)
        assert not delivery.emailed
        token = token_of(delivery)
        stored = db.session.scalar(db.select(Invitation))
        assert stored.email == "new@example.org" and stored.token_hash != token
        with pytest.raises(Invalid):
            invitations.accept_invitation(token, password="azertyuiop123")
        db.session.rollback()
        user = invitations.accept_invitation(token, password=NEW, name="Camille")
        assert user.name == "Camille"
        grants = organisations.grants_for(user)
        assert grants.teams == {(town["org"], town["team"])} and not grants.roles
        with pytest.raises(NotFound):  # the link works once
            invitations.accept_invitation(token, password=NEW)
        assert accounts.authenticate("new@example.org", NEW) == user


def test_invitations_refuse_what_does_not_fit(app, town, create_user):
    create_user("taken@example.org")
    with app.app_context():
        org = organisations.get(town["org"])
        other_team = organisations.get_team(organisations.get(town["other"]), town["other_team"])
        with pytest.raises(Invalid):
            invitations.invite(org, "a@example.org", Role.MEMBER, link)  # no team
        with pytest.raises(NotFound):
            invitations.invite(org, "a@example.org", Role.MEMBER, link, team=other_team)
        with pytest.raises(Invalid):
            invitations.invite(org, "nope", Role.MANAGER, link)
        token = token_of(invitations.invite(org, "taken@example.org", Role.MANAGER, link))
        with pytest.raises(Conflict):  # an existing account signs in first
            invitations.accept_invitation(token, password=NEW)
        stranger = accounts.create("stranger@example.org", password=PASSWORD)
        with pytest.raises(Forbidden):
            invitations.accept_invitation(token, user=stranger)
        taken = accounts.find("taken@example.org")
        invitations.accept_invitation(token, user=taken)
        assert organisations.grants_for(taken).roles == {(town["org"], Role.MANAGER)}
        for guess in (accounts.new_token(), "", "x" * 300):
            with pytest.raises(NotFound):
                invitations.invitation(guess)


def test_moving_a_person_between_teams(app, town, create_user):
    user_id = create_user("camille@example.org", teams=[town["team"]])
    outsider = create_user("outsider@example.org", teams=[town["other_team"]])
    with app.app_context():
        org = organisations.get(town["org"])
        team, team2 = (organisations.get_team(org, town[k]) for k in ("team", "team2"))
        user = accounts.get(user_id)
        organisations.move_person(org, user, team2, from_team=team)
        assert organisations.grants_for(user).teams == {(town["org"], town["team2"])}
        with pytest.raises(Conflict):  # no longer in the first team
            organisations.move_person(org, user, team2, from_team=team)
        organisations.move_person(org, user, team)  # added: now in both
        assert len(organisations.grants_for(user).teams) == 2
        with pytest.raises(NotFound):
            organisations.move_person(org, accounts.get(outsider), team)
        with pytest.raises(NotFound):
            organisations.person(org, 99999)
        overview = organisations.overview(org)
        assert [(t.name, [u.email for u in m]) for t, m in overview.teams] == [
            ("Accueil", ["camille@example.org"]),
            ("Jeunesse", ["camille@example.org"]),
        ]


def test_claiming_an_anonymous_assessment_into_a_team(app, town, create_user, create_assessment):
    member = create_user("camille@example.org", teams=[town["team"]])
    manager = create_user("chef@example.org", manager_of=[town["org"]])
    other = create_user("autre@example.org", teams=[town["other_team"]])
    token = create_assessment(submitted=True)
    with app.app_context():
        assessment, _q = assessments.by_token(token, 365)
        with pytest.raises(NotFound):  # not a team of theirs
            organisations.claim(assessment, accounts.get(member), town["team2"])
        with pytest.raises(NotFound):
            organisations.claim(assessment, accounts.get(member), 99999)
        organisations.claim(assessment, accounts.get(member), town["team"])
        assert (assessment.owner_id, assessment.team_id) == (member, town["team"])
        with pytest.raises(Conflict):
            organisations.claim(assessment, accounts.get(other), town["other_team"])
        team = organisations.get_team(organisations.get(town["org"]), town["team"])
        assert organisations.team_assessments(team) == [assessment]
        # A manager files their own assessments into any team of the organisation.
        second, _q = assessments.by_token(create_assessment(), 365)
        organisations.claim(second, accounts.get(manager), town["team2"])
        assert second.team_id == town["team2"]
