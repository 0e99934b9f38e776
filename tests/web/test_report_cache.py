"""The rendered-report cache across processes, the prefetch from the check-answers page, and
the cached PDFs of a deleted assessment."""

import threading
import time
from pathlib import Path

import pytest

from roadmap import create_app
from roadmap.extensions import db
from roadmap.report import documents, renderpool
from roadmap.report.diskcache import DiskReportCache
from roadmap.services import assessments, retention
from roadmap.services import reports as report_service
from roadmap.services import results as results_service


@pytest.fixture(autouse=True)
def disk_cache(app):
    """The configured cache (other tests put an in-memory one in its place)."""
    app.extensions.pop("roadmap.report_cache", None)
    yield
    app.extensions.pop("roadmap.report_cache", None)


@pytest.fixture()
def submitted(post_form, start_assessment, answer_all):
    def make(language="fr"):
        token = start_assessment(language=language, service_name="Soutien à domicile")
        answer_all(token)
        post_form(f"/assessment/{token}/check", {})
        return token

    return make


def cached_files(app) -> list[Path]:
    return sorted(Path(app.config["REPORT_CACHE_DIR"]).glob("*.pdf"))


def test_a_report_rendered_by_one_app_is_served_by_another(app, client, submitted, monkeypatch):
    token = submitted()
    first = client.get(f"/report/{token}.pdf").data
    # A second worker process: its own app on the same database and instance folder.
    other = create_app({**app.config, "AUTO_MIGRATE": False})

    def no_render(*args):
        raise AssertionError("rendered again instead of reading the shared cache")

    monkeypatch.setattr(renderpool.RenderPool, "render", no_render)
    try:
        with other.test_client() as other_client:
            assert other_client.get(f"/report/{token}.pdf").data == first
        assert other.extensions["roadmap.report_cache"].hits == 1
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_check_answers_page_prefetches_both_languages(
    app, client, post_form, start_assessment, answer_all
):
    token = start_assessment(language="en", service_name="Soutien à domicile")
    answer_all(token)
    app.config["REPORT_PREFETCH"] = True
    try:
        client.get(f"/assessment/{token}/check")  # the person reads the answers over
        documents._prefetcher.submit(lambda: None).result(timeout=60)  # wait for the queue
        assert len(cached_files(app)) == 2  # the reader's language, then the other
        post_form(f"/assessment/{token}/check", {})
        documents._prefetcher.submit(lambda: None).result(timeout=60)
        assert len(cached_files(app)) == 2  # the same reports: submitting changed no content
    finally:
        app.config["REPORT_PREFETCH"] = False
    cache = app.extensions["roadmap.report_cache"]
    hits = cache.hits
    assert client.get(f"/report/{token}.pdf?lang=fr").status_code == 200
    assert client.get(f"/report/{token}.pdf?lang=en").status_code == 200
    assert cache.hits == hits + 2


def test_deleting_an_assessment_removes_its_cached_pdfs(app, client, submitted):
    kept, deleted = submitted(), submitted()
    for token in (kept, deleted):
        client.get(f"/report/{token}.pdf")
        client.get(f"/report/{token}.pdf?lang=en")
    assert len(cached_files(app)) == 4
    with app.app_context():
        assessment, _ = assessments.by_token(deleted, 365)
        deleted_id = assessment.id
        retention.delete(assessment)
    assert len(cached_files(app)) == 2
    assert not [p for p in cached_files(app) if p.name.startswith(f"{deleted_id}-")]


def test_a_download_waits_for_the_same_report_rendering_in_another_worker(
    app, client, submitted, monkeypatch
):
    token = submitted()
    with app.test_request_context():
        assessment, q = assessments.by_token(token, 365)
        meta = report_service.meta_of(assessment)
        key = documents.cache_key(results_service.analyse(assessment, q), meta, "fr")
    # Another worker process, its own view of the shared folder, is rendering this report.
    other = DiskReportCache(Path(app.config["REPORT_CACHE_DIR"]), 10, 3600)
    holding, done = threading.Event(), threading.Event()

    def other_worker():
        with other.rendering(key, meta.owner):
            holding.set()
            time.sleep(0.5)
            other.put(key, b"%PDF-1.7 rendered by the other worker", meta.owner)
        done.set()

    def no_render(*args):
        raise AssertionError("rendered a second time instead of waiting for the other worker")

    monkeypatch.setattr(renderpool.RenderPool, "render", no_render)
    worker = threading.Thread(target=other_worker)
    worker.start()
    try:
        assert holding.wait(10)
        response = client.get(f"/report/{token}.pdf")
        assert response.status_code == 200 and done.is_set()
        assert response.data == b"%PDF-1.7 rendered by the other worker"
    finally:
        worker.join(10)
