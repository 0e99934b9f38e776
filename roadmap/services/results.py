"""Results of a stored assessment, with the previous assessment it re-assesses, if any."""

from __future__ import annotations

from ..content.catalogue import catalogue
from ..core import results as core_results
from ..core.questionnaire import Questionnaire
from ..models.assessment import Assessment
from .assessments import to_answer_set


def analyse(assessment: Assessment, q: Questionnaire) -> core_results.Results:
    previous = None
    if assessment.previous is not None:
        old = assessment.previous
        old_q = catalogue().get(old.questionnaire_id, old.questionnaire_version)
        if old_q is not None:
            previous = (old_q, to_answer_set(old))
    return core_results.analyse(q, to_answer_set(assessment), previous)
