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
