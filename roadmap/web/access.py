"""Finding the assessment behind a resume token, for every blueprint that shows one."""

from __future__ import annotations

from flask import abort, current_app, g, request

from ..content.catalogue import catalogue
from ..core.questionnaire import Questionnaire
from ..models.assessment import Assessment
from ..services import assessments


def load(token: str) -> tuple[Assessment, Questionnaire]:
    """The assessment and the questionnaire version it was answered on, or a plain 404.

    Unknown, lapsed and malformed tokens all get the same 404, so a token reveals nothing.
    """
    assessment = assessments.by_token(token, current_app.config["RESUME_TOKEN_DAYS"])
    if assessment is None:
        abort(404)
    q = catalogue().get(assessment.questionnaire_id, assessment.questionnaire_version)
    if q is None:  # the file for that version was removed from the install
        current_app.logger.error(
            "questionnaire %s v%s is missing",
            assessment.questionnaire_id,
            assessment.questionnaire_version,
        )
        abort(404)
    g.assessment_locale = assessment.locale
    chosen = request.args.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        # Switching language on an assessment page also sets the default of its PDF report.
        assessments.set_locale(assessment, chosen)
    return assessment, q
