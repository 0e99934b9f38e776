"""Loading what a route shows: the assessment behind a resume token, for every blueprint."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, g, redirect, url_for

from ..core.status import AssessmentStatus
from ..services import assessments


def with_assessment(*, submitted: bool = False) -> Callable:
    """Give the view `(assessment, q, **url_args)` for the route's `token`.

    Unknown, lapsed and malformed tokens all get the same 404 (a service NotFound), so a token
    reveals nothing. With `submitted`, an assessment still being answered is sent to its
    check-your-answers page instead. Loading never writes: reading a page changes nothing."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(token: str, **kwargs: Any):
            assessment, q = assessments.by_token(token, current_app.config["RESUME_TOKEN_DAYS"])
            # Someone resuming on a new device sees the language the assessment is in.
            g.assessment_locale = assessment.locale
            if submitted and assessment.status != AssessmentStatus.SUBMITTED:
                return redirect(url_for("assessment.check", token=token))
            return view(assessment, q, **kwargs)

        return wrapper

    return decorate
