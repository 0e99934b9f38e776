"""Loading what a route shows: the assessment behind a resume token, for every blueprint."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, g, redirect, session, url_for

from ..core.status import AssessmentStatus
from ..core.workshop import sections_only
from ..services import assessments
from ..services.errors import NotFound

RESULTS_KEY = "results_token"  # the person's own results, for the way back from the library


def with_assessment(*, submitted: bool = False) -> Callable:
    """Give the view `(assessment, q, **url_args)` for the route's `token`.

    Unknown, lapsed and malformed tokens all get the same 404 (a service NotFound), so a token
    reveals nothing. With `submitted`, an assessment still being answered is sent to its
    check-your-answers page instead. Loading never writes: reading a page changes nothing."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(token: str, **kwargs: Any):
            assessment, q = assessments.by_token(token, current_app.config["RESUME_TOKEN_DAYS"])
            if assessment.workshop is not None:  # a participant answers the workshop's sections
                q = sections_only(q, assessment.workshop.sections)
            # Someone resuming on a new device sees the language the assessment is in.
            g.assessment_locale = assessment.locale
            if submitted and assessment.status != AssessmentStatus.SUBMITTED:
                return redirect(url_for("assessment.check", token=token))
            return view(assessment, q, **kwargs)

        return wrapper

    return decorate


def remember_results(token: str) -> None:
    """Keep the token of the results just shown (in the signed, HttpOnly session cookie, never
    in a URL), so the tools pages can offer the way back to them."""
    session[RESULTS_KEY] = token


def forget_results(token: str) -> None:
    if session.get(RESULTS_KEY) == token:
        session.pop(RESULTS_KEY)


def own_results_token() -> str | None:
    """The token of the person's own results, if they have seen them and the link still works."""
    token = session.get(RESULTS_KEY)
    if not token:
        return None
    try:
        assessment, _q = assessments.by_token(token, current_app.config["RESUME_TOKEN_DAYS"])
    except NotFound:
        session.pop(RESULTS_KEY, None)
        return None
    if assessment.status != AssessmentStatus.SUBMITTED:
        return None
    g.shows_token = True  # the page links to the results: privacy keeps it out of caches
    return token
