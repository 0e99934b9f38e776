"""The permissions table and the access decision, without an app."""

import pytest

from roadmap.core.permissions import (
    ANONYMOUS,
    PERMISSIONS,
    Action,
    Grants,
    Resource,
    Role,
    allowed,
    knows_of,
)

OWN, OTHER = 1, 2
OWN_TEAM, OTHER_TEAM, FOREIGN_TEAM = 10, 11, 20

MEMBER = Grants(signed_in=True, teams=frozenset({(OWN, OWN_TEAM)}))
TRAINER = Grants(signed_in=True, roles=frozenset({(OWN, Role.TRAINER)}))
MANAGER = Grants(signed_in=True, roles=frozenset({(OWN, Role.MANAGER)}))
ADMIN = Grants(signed_in=True, admin=True)
SIGNED_IN = Grants(signed_in=True)


def test_public_is_open_to_everyone_and_nothing_else_is_open_to_the_anonymous():
    assert allowed(ANONYMOUS, Action.PUBLIC)
    for action in set(Action) - {Action.PUBLIC}:
        assert not allowed(ANONYMOUS, action, Resource(OWN))
        assert not allowed(ANONYMOUS, action)


def test_every_action_is_in_the_table_and_the_administrator_holds_all():
    listed = set().union(*PERMISSIONS.values())
    assert listed == set(Action) - {Action.PUBLIC}
    for action in listed:
        assert allowed(ADMIN, action, Resource(OTHER, FOREIGN_TEAM))


@pytest.mark.parametrize(
    ("grants", "action", "team", "expected"),
    [
        (MEMBER, Action.VIEW_TEAM_RESULTS, OWN_TEAM, True),
        (MEMBER, Action.VIEW_TEAM_RESULTS, OTHER_TEAM, False),  # a colleague team's
        (MEMBER, Action.VIEW_ORGANISATION, None, True),
        (MEMBER, Action.INVITE, None, False),
        (MEMBER, Action.MANAGE_TEAMS, None, False),
        (MEMBER, Action.RUN_WORKSHOP, None, False),
        (TRAINER, Action.RUN_WORKSHOP, None, True),
        (TRAINER, Action.VIEW_TEAM_RESULTS, OWN_TEAM, False),
        (TRAINER, Action.INVITE, None, False),
        (MANAGER, Action.VIEW_TEAM_RESULTS, OTHER_TEAM, True),  # any team of the organisation
        (MANAGER, Action.INVITE, None, True),
        (MANAGER, Action.MANAGE_TEAMS, None, True),
        (MANAGER, Action.RESET_PASSWORDS, None, True),
        (MANAGER, Action.ADMINISTER, None, False),
    ],
)
def test_roles_in_their_own_organisation(grants, action, team, expected):
    assert allowed(grants, action, Resource(OWN, team)) is expected


@pytest.mark.parametrize("grants", [MEMBER, TRAINER, MANAGER, SIGNED_IN])
@pytest.mark.parametrize("action", sorted(set(Action) - {Action.PUBLIC, Action.USE_ACCOUNT}))
def test_nobody_but_the_administrator_acts_on_another_organisation(grants, action):
    assert not allowed(grants, action, Resource(OTHER))
    assert not allowed(grants, action, Resource(OTHER, FOREIGN_TEAM))


def test_own_account_and_claiming_need_a_sign_in_and_a_team():
    assert allowed(SIGNED_IN, Action.USE_ACCOUNT)
    assert not allowed(SIGNED_IN, Action.CLAIM_ASSESSMENT)  # no team to claim into
    assert allowed(MEMBER, Action.CLAIM_ASSESSMENT)
    assert allowed(MANAGER, Action.CLAIM_ASSESSMENT)
    assert not allowed(SIGNED_IN, Action.ADMINISTER)


def test_who_may_know_an_organisation_exists():
    assert knows_of(MEMBER, OWN) and not knows_of(MEMBER, OTHER)
    assert knows_of(ADMIN, OTHER)
    assert not knows_of(ANONYMOUS, OWN)


def test_who_may_make_a_reset_link_for_whom():
    from roadmap.core.permissions import may_reset_password_of

    other_manager = Grants(signed_in=True, roles=frozenset({(OWN, Role.MANAGER)}))
    member_admin = Grants(signed_in=True, admin=True, teams=frozenset({(OWN, OWN_TEAM)}))
    assert may_reset_password_of(MANAGER, MEMBER, OWN)
    assert may_reset_password_of(MANAGER, TRAINER, OWN)
    assert not may_reset_password_of(MANAGER, other_manager, OWN)
    assert not may_reset_password_of(MANAGER, member_admin, OWN)
    assert not may_reset_password_of(MANAGER, MEMBER, OTHER)
    assert not may_reset_password_of(MEMBER, MEMBER, OWN)
    assert may_reset_password_of(ADMIN, other_manager, OWN)


def test_who_may_change_the_role_of_whom():
    from roadmap.core.permissions import may_manage_person

    fellow = Grants(signed_in=True, roles=frozenset({(OWN, Role.MANAGER)}))
    member_admin = Grants(signed_in=True, admin=True, teams=frozenset({(OWN, OWN_TEAM)}))
    assert may_manage_person(MANAGER, MEMBER, OWN)
    assert may_manage_person(MANAGER, TRAINER, OWN)
    assert not may_manage_person(MANAGER, fellow, OWN)
    assert may_manage_person(MANAGER, MANAGER, OWN, itself=True)  # stepping down
    assert not may_manage_person(MANAGER, member_admin, OWN)
    assert not may_manage_person(MANAGER, MEMBER, OTHER)
    assert not may_manage_person(TRAINER, MEMBER, OWN)
    assert not may_manage_person(MEMBER, MEMBER, OWN)
    assert may_manage_person(ADMIN, fellow, OWN)


def test_a_persons_role_is_the_highest_held_in_that_organisation():
    from roadmap.core.permissions import PERSON_ROLES, person_role

    both = Grants(signed_in=True, roles=frozenset({(OWN, Role.TRAINER), (OWN, Role.MANAGER)}))
    assert person_role(both, OWN) is Role.MANAGER
    assert person_role(TRAINER, OWN) is Role.TRAINER
    assert person_role(MEMBER, OWN) is Role.MEMBER
    assert person_role(MANAGER, OTHER) is Role.MEMBER
    assert PERSON_ROLES == (Role.MEMBER, Role.TRAINER, Role.MANAGER)
