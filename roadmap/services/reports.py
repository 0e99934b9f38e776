"""Report use cases for a stored assessment: its PDF now, or rendered ahead in the background."""

from __future__ import annotations

from ..core.questionnaire import Questionnaire
from ..core.results import Results
from ..models.assessment import Assessment
from ..report import documents
from .results import analyse


def meta_of(assessment: Assessment) -> documents.ReportMeta:
    """What the report's cover says about the assessment besides its results."""
    return documents.ReportMeta(
        assessment.service_name, assessment.role, assessment.submitted_at or assessment.updated_at
    )


def pdf_of(assessment: Assessment, q: Questionnaire, locale: str) -> bytes:
    """The PDF readiness report of a submitted assessment, in `locale` (cached by content)."""
    return documents.report_pdf(analyse(assessment, q), meta_of(assessment), locale)


def prefetch(assessment: Assessment, results: Results, locale: str) -> None:
    """Start rendering the report the reader of `results` is likely to download next."""
    documents.prefetch(results, meta_of(assessment), locale)
