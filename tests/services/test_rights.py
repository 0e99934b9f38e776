"""The audit log, people's roles and removals, data rights (download, account deletion) and
the purge of unused accounts, on the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from factories import PASSWORD, TRAP_ANSWERS

from roadmap.core.audit import AuditAction
from roadmap.core.permissions import Role
from roadmap.extensions import db
from roadmap.models.account import User
from roadmap.models.assessment import Answer, Assessment, Reflection
from roadmap.models.audit import DELETED_ACCOUNT, AuditEvent
from roadmap.models.organisation import Membership, OrganisationRole
from roadmap.services import (
    accounts,
    assessments,
    audit,
    invitations,
    organisations,
    people,
    retention,
    rights,
)
from roadmap.services.errors import Conflict, Forbidden, Invalid, NotFound

from .test_accounts import link

NOW = datetime(2030, 6, 1, tzinfo=UTC)


@pytest.fixture()
def org(create_organisation, create_team, create_user):
    """An organisation with two teams, two managers, a trainer and a member."""
    o = create_organisation("Ville")
    t1, t2 = create_team(o, "Accueil"), create_team(o, "Jeunesse")
    ids = {
        "org": o,
        "t1": t1,
        "t2": t2,
        "boss": create_user("boss@example.org", manager_of=[o]),
        "boss2": create_user("boss2@example.org", manager_of=[o]),
        "trainer": create_user("trainer@example.org", trainer_of=[o]),
        "member": create_user("member@example.org", teams=[t1]),
        "admin": create_user("admin@example.org", admin=True),
    }
    return ids


def events(app, **where) -> list[AuditEvent]:
    with app.app_context():
        query = db.select(AuditEvent).filter_by(**where).order_by(AuditEvent.id)
        return list(db.session.scalars(query))


def test_record_keeps_who_did_what_in_which_organisation(app, org):
    with app.app_context():
        boss, member = accounts.get(org["boss"]), accounts.get(org["member"])
        audit.record(boss, AuditAction.EXPORTED, organisation_id=org["org"], detail="scores.csv")
        db.session.commit()
        audit.record(None, AuditAction.ACCOUNT_DISABLED, target=member, commit=True)
    (exported,) = events(app, action="exported")
    assert (exported.actor_id, exported.actor_email) == (org["boss"], "boss@example.org")
    assert (exported.organisation_id, exported.detail) == (org["org"], "scores.csv")
    with app.app_context():
        assert [e.action for e in audit.page(org["org"]).events] == [
            "exported",
            "team_created",  # by the factory, from no account: the command line
            "team_created",
        ]
        assert {e.action for e in audit.page(None).events} == {
            "exported",
            "account_disabled",
            "team_created",
        }


def test_the_log_is_paginated_newest_first(app, org):
    with app.app_context():
        db.session.execute(db.delete(AuditEvent))
        boss = accounts.get(org["boss"])
        for n in range(7):
            event = audit.record(boss, AuditAction.EXPORTED, organisation_id=org["org"])
            event.detail, event.at = str(n), NOW + timedelta(minutes=n)
        db.session.commit()
        first, last = audit.page(org["org"], 1, 3), audit.page(org["org"], 3, 3)
        assert [e.detail for e in first.events] == ["6", "5", "4"]
        assert (first.pages, first.total, [e.detail for e in last.events]) == (3, 7, ["0"])
        assert audit.page(org["org"], 99, 3).number == 3  # a page past the end: the last
        assert audit.page(org["org"], -5, 3).number == 1


def test_the_use_cases_leave_events(app, org):
    with app.app_context():
        o = organisations.get(org["org"])
        boss, member = accounts.get(org["boss"]), accounts.get(org["member"])
        t1, t2 = organisations.get_team(o, org["t1"]), organisations.get_team(o, org["t2"])
        invitations.invite(o, "new@example.org", Role.MEMBER, link, team=t1, invited_by=boss)
        organisations.create_team(o, "Aînés", by=boss)
        organisations.move_person(o, member, t2, t1, by=boss)
        accounts.start_reset(member, link, by=boss, organisation_id=o.id)
        people.set_role(o, member, Role.TRAINER, by=boss)
        people.remove_from_team(o, member, t2, by=boss)
        people.remove_from_organisation(o, member, by=boss)
    logged = [(e.action, e.target_email, e.detail) for e in events(app, actor_id=org["boss"])]
    assert logged == [
        ("invited", "new@example.org", "member"),
        ("team_created", None, "Aînés"),
        ("moved", "member@example.org", "Accueil → Jeunesse"),
        ("reset_link_made", "member@example.org", None),
        ("role_changed", "member@example.org", "member → trainer"),
        ("removed_from_team", "member@example.org", "Jeunesse"),
        ("removed_from_organisation", "member@example.org", None),
    ]
    assert {e.organisation_id for e in events(app, actor_id=org["boss"])} == {org["org"]}


def test_roles_change_and_one_list_of_names(app, org):
    with app.app_context():
        o, boss = organisations.get(org["org"]), accounts.get(org["boss"])
        member = accounts.get(org["member"])
        people.set_role(o, member, Role.MANAGER, by=boss)
        assert people.role_of(o, member) is Role.MANAGER
        people.set_role(o, member, Role.MEMBER, by=accounts.get(org["admin"]))
        assert people.role_of(o, member) is Role.MEMBER
        assert organisations.teams_of(member)  # still in their team
        with pytest.raises(Invalid):
            people.set_role(o, member, Role.ADMIN, by=boss)


def test_a_manager_cannot_demote_or_remove_a_fellow_manager(app, org):
    with app.app_context():
        o, boss, boss2 = (
            organisations.get(org["org"]),
            accounts.get(org["boss"]),
            accounts.get(org["boss2"]),
        )
        with pytest.raises(Forbidden):
            people.set_role(o, boss2, Role.MEMBER, by=boss)
        with pytest.raises(Forbidden):
            people.remove_from_organisation(o, boss2, by=boss)
        with pytest.raises(Forbidden):  # nor, of course, a member
            people.set_role(
                o, accounts.get(org["trainer"]), Role.MEMBER, by=accounts.get(org["member"])
            )
        people.set_role(o, boss2, Role.TRAINER, by=accounts.get(org["admin"]))
        assert people.role_of(o, boss2) is Role.TRAINER


def test_the_last_manager_cannot_step_down_alone(app, org):
    with app.app_context():
        o, boss, boss2 = (
            organisations.get(org["org"]),
            accounts.get(org["boss"]),
            accounts.get(org["boss2"]),
        )
        people.set_role(o, boss2, Role.MEMBER, by=boss2)  # two managers: one may step down
        with pytest.raises(Conflict):
            people.set_role(o, boss, Role.TRAINER, by=boss)
        with pytest.raises(Conflict):
            people.remove_from_organisation(o, boss, by=boss)
        assert people.role_of(o, boss) is Role.MANAGER
        people.remove_from_organisation(o, boss, by=accounts.get(org["admin"]))
        with pytest.raises(NotFound):
            organisations.person(o, boss.id)


def test_people_outside_the_organisation_are_not_found(app, org, create_organisation, create_user):
    other = create_organisation("Ailleurs")
    stranger = create_user("stranger@example.org", manager_of=[other])
    with app.app_context():
        o, boss = organisations.get(org["org"]), accounts.get(org["boss"])
        t1 = organisations.get_team(o, org["t1"])
        for call in (
            lambda: people.set_role(o, accounts.get(stranger), Role.MEMBER, by=boss),
            lambda: people.remove_from_organisation(o, accounts.get(stranger), by=boss),
            lambda: people.remove_from_team(o, accounts.get(stranger), t1, by=boss),
        ):
            with pytest.raises(NotFound):
                call()
        with pytest.raises(Conflict):  # not in that team
            people.remove_from_team(o, accounts.get(org["trainer"]), t1, by=boss)


@pytest.fixture()
def filed(app, org, create_assessment):
    """Two assessments of the member filed under Accueil, with answers and a reflection."""
    tokens = [
        create_assessment(answers=TRAP_ANSWERS, reflections={"purpose_text": "Nos familles"})
        for _ in range(2)
    ]
    with app.app_context():
        member = accounts.get(org["member"])
        for token in tokens:
            assessment, _q = assessments.by_token(token, 365)
            organisations.claim(assessment, member, org["t1"])
    return tokens


def test_the_download_holds_everything_about_the_person(app, org, filed):
    with app.app_context():
        o, boss = organisations.get(org["org"]), accounts.get(org["boss"])
        member = accounts.get(org["member"])
        accounts.start_reset(member, link, by=boss, organisation_id=o.id)
        data = rights.export(member)
    assert data["account"]["email"] == "member@example.org"
    assert "argon2" not in str(data).lower().replace("an argon2 hash only", "")
    assert data["teams"] == [
        {"organisation": "Ville", "team": "Accueil", "since": data["teams"][0]["since"]}
    ]
    assert len(data["assessments"]) == 2
    first = data["assessments"][0]
    assert first["answers"]["r1"] == "1" and first["reflections"] == {
        "purpose_text": "Nos familles"
    }
    assert first["team"] == "Accueil"
    actions = [e["action"] for e in data["audit_events"]]
    assert actions == ["assessment_claimed", "assessment_claimed", "reset_link_made"]
    assert data["audit_events"][-1]["by"] == "boss@example.org"
    assert data["audit_events"][0]["by"] == "you"
    assert events(app, action="data_downloaded")[0].actor_id == org["member"]


def test_the_download_holds_nobody_elses_assessments(app, org, filed, create_assessment):
    create_assessment(service_name="Autre service")
    with app.app_context():
        data = rights.export(accounts.get(org["boss"]))
    assert data["assessments"] == [] and data["teams"] == []
    assert data["organisation_roles"] == [{"organisation": "Ville", "role": "manager"}]


def test_deleting_an_account_keeps_its_assessments_anonymised(app, org, filed):
    with app.app_context():
        member = accounts.get(org["member"])
        with pytest.raises(Forbidden):
            rights.delete_account(member, "not-the-password", keep_assessments=True)
        rights.delete_account(member, PASSWORD, keep_assessments=True)
        assert db.session.get(User, org["member"]) is None
        kept = list(db.session.scalars(db.select(Assessment)))
        assert [(a.owner_id, a.team_id) for a in kept] == [(None, org["t1"])] * 2
        assert db.session.scalar(db.select(db.func.count()).select_from(Answer)) > 0
        assert (
            db.session.scalars(db.select(Membership).filter_by(user_id=org["member"])).all() == []
        )
    claimed = events(app, action="assessment_claimed")
    assert {(e.actor_id, e.actor_email) for e in claimed} == {(DELETED_ACCOUNT, None)}
    (deleted,) = events(app, action="account_deleted")
    assert (deleted.organisation_id, deleted.detail) == (org["org"], "2 kept anonymised")
    assert "member@example.org" not in str([vars(e) for e in events(app)])


def test_deleting_an_account_can_delete_its_assessments(app, org, filed, create_assessment):
    other = create_assessment(answers=TRAP_ANSWERS)
    with app.app_context():
        rights.delete_account(accounts.get(org["member"]), PASSWORD, keep_assessments=False)
        left = list(db.session.scalars(db.select(Assessment.token)))
        assert left == [other]
        assert db.session.scalar(db.select(db.func.count()).select_from(Reflection)) == 0


def test_the_last_administrator_cannot_delete_their_account(app, org, create_user):
    with app.app_context(), pytest.raises(Conflict):
        rights.delete_account(accounts.get(org["admin"]), PASSWORD, keep_assessments=True)
    second = create_user("admin2@example.org", admin=True)
    with app.app_context():
        rights.delete_account(accounts.get(org["admin"]), PASSWORD, keep_assessments=True)
        assert rights.last_admin(accounts.get(second))


def test_a_new_account_with_the_same_number_inherits_no_event(app, org, create_user):
    last = create_user("last@example.org", teams=[org["t1"]])  # the highest number
    with app.app_context():
        user = accounts.get(last)
        audit.record(user, AuditAction.DATA_DOWNLOADED, target=user, commit=True)
        rights.delete_account(user, PASSWORD, keep_assessments=True)
        # SQLite gives the highest number again once its row is gone.
        newcomer = accounts.create("newcomer@example.org", password=PASSWORD)
        assert audit.about(newcomer) == []
        assert audit.about(accounts.get(org["boss"])) == []


def _last_used(app, user_id: int, days_ago: float | None, created_days_ago: float = 4000):
    with app.app_context():
        user = accounts.get(user_id)
        user.created_at = NOW - timedelta(days=created_days_ago)
        user.last_login_at = None if days_ago is None else NOW - timedelta(days=days_ago)
        db.session.commit()


def test_the_purge_deletes_only_accounts_unused_for_long_enough(app, org, filed, create_user):
    never_used_old = create_user("never-old@example.org")
    never_used_new = create_user("never-new@example.org")
    _last_used(app, org["member"], days_ago=1100)  # lapsed: their assessments stay
    _last_used(app, org["boss"], days_ago=1094)  # just alive
    _last_used(app, org["admin"], days_ago=5000)  # administrators are never purged
    _last_used(app, never_used_old, None, created_days_ago=1096)
    _last_used(app, never_used_new, None, created_days_ago=10)
    for other in ("boss2", "trainer"):
        _last_used(app, org[other], days_ago=1)
    with app.app_context():
        assert [u.email for u in retention.unused_accounts(1095, NOW)] == [
            "member@example.org",
            "never-old@example.org",
        ]
        assert retention.purge_accounts(1095, NOW) == 2
        left = set(db.session.scalars(db.select(User.email)))
        assert left == {
            "boss@example.org",
            "boss2@example.org",
            "trainer@example.org",
            "admin@example.org",
            "never-new@example.org",
        }
        kept = list(db.session.scalars(db.select(Assessment)))
        assert [(a.owner_id, a.team_id) for a in kept] == [(None, org["t1"])] * 2
        assert db.session.scalars(db.select(OrganisationRole)).all()  # the others' roles stay
    (purged,) = events(app, action="accounts_purged")
    assert (purged.actor_id, purged.detail) == (None, "2")
