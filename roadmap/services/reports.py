"""Report use cases for a stored assessment: its PDF now, or rendered ahead in the background."""

from __future__ import annotations

from collections.abc import Iterable

from flask import current_app

from ..core.questionnaire import Questionnaire
from ..core.results import Results
from ..models.assessment import Assessment
from ..report import documents
from . import actions
from .results import analyse


def meta_of(assessment: Assessment) -> documents.ReportMeta:
    """What the report says about the assessment besides its results: cover, action plan."""
    return documents.ReportMeta(
        assessment.service_name,
        assessment.role,
        assessment.submitted_at or assessment.updated_at,
        str(assessment.id),
        tuple(actions.plan_of(assessment)),
    )


def pdf_of(assessment: Assessment, q: Questionnaire, locale: str) -> bytes:
    """The PDF readiness report of a submitted assessment, in `locale` (cached by content)."""
    return documents.report_pdf(analyse(assessment, q), meta_of(assessment), locale)


def _reader_first(locale: str) -> list[str]:
    return [locale] + [other for other in current_app.config["LANGUAGES"] if other != locale]


def prefetch(assessment: Assessment, results: Results, locale: str) -> None:
    """Start rendering the report the reader of `results` is likely to download next: in their
    language first, then in the other one (a team often reads both)."""
    documents.prefetch(results, meta_of(assessment), _reader_first(locale))


def prefetch_answers(assessment: Assessment, q: Questionnaire, locale: str) -> None:
    """Start rendering the report of answers about to be submitted (the check-answers page),
    so that it is ready when the results page offers it a moment later."""
    documents.prefetch(analyse(assessment, q), meta_of(assessment), _reader_first(locale))


def forget(assessment_ids: Iterable[int]) -> None:
    """Remove the cached PDFs of assessments being deleted."""
    documents.forget(assessment_ids)


ORGANISATION_REPORT_MAX_SECONDS = 60.0


def organisation_pdf(book, locale: str) -> bytes:
    """The organisation report of a ledger (`services.ledger.Ledger`), in `locale`. Rendered
    on each download (no cache: it is asked for rarely and changes with every submission)."""
    from ..report.organisation import organisation_html

    pool = documents.warm_pool()
    # Its length grows with the organisation (about 45 ms of CPU a team, 9 s for 200 teams):
    # the render limit grows with it, up to the minute a reverse proxy usually waits.
    timeout = min(ORGANISATION_REPORT_MAX_SECONDS, pool.timeout + 0.2 * len(book.lines))
    return pool.render(organisation_html(book, locale), timeout=timeout)


def workshop_pdf(workshop, group, locale: str) -> tuple[bytes, str]:
    """The group report of a workshop in `locale`, and its file name (title and date).
    Rendered on each download, like the organisation report: it changes with every answer."""
    from datetime import date

    from ..report.workshop_report import workshop_filename, workshop_html
    from . import consensus, workshops

    _counts, version = workshops.counts_and_version(workshop)
    html = workshop_html(
        workshop, workshops.questionnaire(workshop), group, consensus.rounds(workshop),
        consensus.agreements(workshop), workshops.people_answers(workshop, version), locale,
        date.today(),
    )  # fmt: skip
    pdf = documents.warm_pool().render(html)
    return pdf, workshop_filename(workshop.title, locale, workshop.held_on or date.today())
