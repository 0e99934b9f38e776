"""Results and report use cases of a stored assessment (database, no HTTP)."""

from __future__ import annotations

from factories import TRAP_ANSWERS

from roadmap.core.power import Iap2Level
from roadmap.services import assessments, reports
from roadmap.services import results as results_service


def test_analyse_reads_the_stored_answers(app, create_assessment, stored):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    with app.app_context():
        assessment = stored(token)
        results = results_service.analyse(assessment, _q(app))
    assert results.scores.dimensions["relations"].score == 0
    assert results.scores.dimensions["ethics"].score == 75
    assert results.scores.power.level is Iap2Level.CONSULT
    assert "consultation_trap" in results.scores.flags
    assert results.previous is None


def test_analyse_compares_with_the_assessment_it_re_assesses(app, create_assessment, stored):
    first = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    second = create_assessment(previous=first)
    with app.app_context():
        assessments.save(stored(second), {"r1": 5, "r2": 5})
        results = results_service.analyse(stored(second), _q(app))
    assert results.previous is not None
    assert results.change("relations") > 0


def test_report_meta_and_pdf(app, create_assessment, stored):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True, service_name="CPAS")
    with app.test_request_context():
        assessment = stored(token)
        meta = reports.meta_of(assessment)
        assert (meta.service_name, meta.role) == ("CPAS", "manager")
        assert meta.date == assessment.submitted_at
        pdf = reports.pdf_of(assessment, _q(app), "en")
        assert pdf.startswith(b"%PDF") and reports.pdf_of(assessment, _q(app), "en") == pdf


def _q(app):
    return app.extensions["roadmap.catalogue"].get("tiny")
