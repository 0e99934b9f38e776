"""Factories at the service level: a test makes thirty submitted assessments without HTTP."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from roadmap.core.answers import Value
from roadmap.models.assessment import Assessment
from roadmap.services import assessments

# The tiny questionnaire answered as a service in the consultation trap that rarely meets
# people: relations 0 (r1=1, r2=1, r3=5 reverse-worded), ethics 75, power at Consult.
TRAP_ANSWERS: dict[str, Value] = {
    "r1": 1,
    "r2": 1,
    "r3": 5,
    "e1": 4,
    "e2": 4,
    "p_aim": "cocreate",
    "p_decide": "asked",
    "p_budget": "asked",
    "p_eval": "us",
}


@pytest.fixture()
def create_assessment(app) -> Callable[..., str]:
    """create_assessment(answers=…, reflections=…, submitted=True, …) -> the new token.

    Goes through the same service functions as the wizard, so what it stores is what a person
    answering the pages would store."""

    def create(
        *,
        answers: Mapping[str, Value] | None = None,
        reflections: Mapping[str, str] | None = None,
        submitted: bool = False,
        locale: str = "fr",
        service_name: str | None = "Service test",
        role: str | None = "manager",
        questionnaire: str = "tiny",
        previous: str | None = None,
    ) -> str:
        with app.app_context():
            q = app.extensions["roadmap.catalogue"].get(questionnaire)
            if previous is not None:
                before, _q = assessments.by_token(previous, 365)
                assessment = assessments.reassess(before, q)
            else:
                assessment = assessments.create(q, locale, service_name, role)
            if answers or reflections:
                assessments.save(assessment, dict(answers or {}), dict(reflections or {}))
            if submitted:
                assessments.submit(assessment)
            return assessment.token

    return create


@pytest.fixture()
def stored(app) -> Callable[[str], Assessment]:
    """The stored assessment behind a token, read fresh from the database (in an app context)."""

    def read(token: str) -> Assessment:
        assessment, _q = assessments.by_token(token, 365)
        return assessment

    return read


PASSWORD = "Lapin-Bleu-Ciel-42"  # what factory accounts sign in with


@pytest.fixture()
def create_organisation(app) -> Callable[..., int]:
    """create_organisation(name=…) -> the new organisation's id."""
    made = iter(range(1, 10_000))

    def create(name: str | None = None) -> int:
        from roadmap.services import organisations

        with app.app_context():
            return organisations.create_organisation(name or f"Organisation {next(made)}").id

    return create


@pytest.fixture()
def create_team(app) -> Callable[..., int]:
    """create_team(organisation_id, name=…) -> the new team's id."""
    made = iter(range(1, 10_000))

    def create(organisation_id: int, name: str | None = None) -> int:
        from roadmap.services import organisations

        with app.app_context():
            organisation = organisations.get(organisation_id)
            return organisations.create_team(organisation, name or f"Équipe {next(made)}").id

    return create


@pytest.fixture()
def create_user(app) -> Callable[..., int]:
    """create_user(email=…, password=…, admin=…, teams=[ids], manager_of=[ids],
    trainer_of=[ids], active=…) -> the new account's id."""
    made = iter(range(1, 10_000))

    def create(
        email: str | None = None,
        *,
        password: str | None = PASSWORD,
        name: str | None = None,
        admin: bool = False,
        teams: tuple[int, ...] | list[int] = (),
        manager_of: tuple[int, ...] | list[int] = (),
        trainer_of: tuple[int, ...] | list[int] = (),
        active: bool = True,
    ) -> int:
        from roadmap.core.permissions import Role
        from roadmap.extensions import db
        from roadmap.models.organisation import Membership, OrganisationRole
        from roadmap.services import accounts

        with app.app_context():
            user = accounts.create(
                email or f"person{next(made)}@example.org",
                name=name,
                password=password,
                admin=admin,
            )
            for team_id in teams:
                db.session.add(Membership(user_id=user.id, team_id=team_id))
            for role, ids in ((Role.MANAGER, manager_of), (Role.TRAINER, trainer_of)):
                for org in ids:
                    db.session.add(
                        OrganisationRole(user_id=user.id, organisation_id=org, role=role)
                    )
            user.active = active
            db.session.commit()
            return user.id

    return create
