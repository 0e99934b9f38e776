"""PDF readiness reports: the print context, rendering, and a cache keyed by content and locale."""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from flask import Flask, current_app, render_template
from flask_babel import force_locale

from .. import paths
from ..core.actions import PlanRow, plan_digest
from ..core.method import method_facts
from ..core.results import Results
from .charts import radar_drawing
from .cover import clip_words, long_date
from .diskcache import DiskReportCache
from .pdf import WARM_UP_HTML, compact_html
from .plan import plan_lines
from .renderpool import (
    KeyedLocks,
    RenderBusy,
    RenderFailed,
    RenderPool,
    RenderTimeout,
    pool_for,
    stopping,
)
from .summary import reading_context
from .typography import french_spacing_html
from .wording import ROLE_NAMES


@dataclass(frozen=True)
class ReportMeta:
    """What the cover says besides the results."""

    service_name: str | None
    role: str | None
    date: datetime | None
    owner: str | None = None  # the assessment's id: its cached PDFs go when it is deleted
    actions: tuple[PlanRow, ...] = ()  # the action plan recorded on the results page


class ReportCache:
    """A small thread-safe LRU of rendered PDFs: identical requests skip WeasyPrint."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: str, owner: str | None = None) -> bytes | None:
        with self._lock:
            pdf = self._items.get(key)
            if pdf is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return pdf

    def put(self, key: str, pdf: bytes, owner: str | None = None) -> None:
        with self._lock:
            self._items[key] = pdf
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def forget(self, owners) -> int:
        return 0  # entries are not filed by owner; they age out of the LRU

    @contextlib.contextmanager
    def rendering(self, key: str, owner: str | None = None, timeout: float = 0) -> Iterator[bool]:
        yield True  # this process's own memory: its threads wait on _in_flight


def _cache() -> ReportCache | DiskReportCache:
    """The app's cache: files under the instance folder shared by its processes, or (with
    REPORT_CACHE_DIR set to "") this process's memory."""
    cache = current_app.extensions.get("roadmap.report_cache")
    if cache is None:
        config = current_app.config
        folder = config.get("REPORT_CACHE_DIR")
        if folder == "":
            cache = ReportCache(config["REPORT_CACHE_SIZE"])
        else:
            folder = Path(folder or Path(current_app.instance_path) / "report-cache")
            days = float(config.get("REPORT_CACHE_DAYS", 7))
            cache = DiskReportCache(folder, config["REPORT_CACHE_SIZE"], days * 86400)
        current_app.extensions["roadmap.report_cache"] = cache
    return cache


def forget(owners) -> None:
    """Remove the cached PDFs of these assessments (ids), which are being deleted."""
    _cache().forget(str(owner) for owner in owners)


@cache
def _release() -> str:
    """A digest of what shapes every report (template, stylesheet, translations), so that an
    upgrade never serves a PDF cached by the previous release."""
    digest = hashlib.sha256()
    files = sorted((paths.TEMPLATES / "report").glob("*")) + [paths.STATIC / "css/report.css"]
    files += sorted(paths.TRANSLATIONS.glob("*/LC_MESSAGES/*.mo"))
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _methods_url() -> str | None:
    public = current_app.config.get("PUBLIC_URL")
    return f"{public.rstrip('/')}/methods" if public else None


def cache_key(results: Results, meta: ReportMeta, locale: str) -> str:
    """A digest of everything the PDF shows: answers, reflections, cover, previous scores,
    action plan.

    The date counts as printed (the day), so a report rendered ahead on the check-answers
    page is the one downloaded after submitting, the same day."""
    previous = None
    if results.previous is not None:
        previous = {d: s.score for d, s in results.previous.dimensions.items()}
    content = {
        "q": [results.questionnaire.id, results.questionnaire.version],
        "answers": {k: str(v) for k, v in results.answers.answers.items()},
        "reflections": dict(results.answers.reflections),
        "meta": [meta.service_name, meta.role, long_date(meta.date, locale)],
        "previous": previous,
        # A changed plan is a new PDF: a download never shows the plan as it was.
        "actions": plan_digest(meta.actions),
        "locale": locale,
        "methods": _methods_url(),
        "release": _release(),
    }
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()


def report_html(results: Results, meta: ReportMeta, locale: str) -> str:
    """The print HTML of a report, in `locale` (needs an app context)."""
    q = results.questionnaire
    with force_locale(locale):
        context = reading_context(results, locale)
        html = render_template(
            "report/report.html",
            **context,
            svg=radar_drawing(context["chart"]),
            method=method_facts(q),
            methods_url=_methods_url(),
            meta={
                "service_name": meta.service_name,
                # The running header holds one line: the name is cut there at a word.
                "short_name": clip_words(meta.service_name, 48) if meta.service_name else "",
                "role": ROLE_NAMES.get(meta.role or ""),
                "date": long_date(meta.date, locale),
            },
            plan=plan_lines(q, meta.actions, locale),
        )
    return compact_html(french_spacing_html(html) if locale == "fr" else html)


def warm_pool() -> RenderPool:
    """This app's render pool, its new processes warmed up on real reports (app context)."""
    pool = pool_for(current_app.config)
    if isinstance(pool, RenderPool) and not pool.samples and pool.recycle_after > 0:
        from .warmup import sample_reports

        try:
            pool.samples = sample_reports()
        except Exception:  # only the first report after a start is slower
            current_app.logger.exception("could not build the render processes' warm-up")
            pool.samples = (WARM_UP_HTML,)
    return pool


# A download that arrives while the same report is being prefetched waits for it instead of
# rendering it a second time; different reports render side by side, as many as the pool allows.
# _in_flight does this between the threads of a process, the cache's lock files between processes.
_in_flight = KeyedLocks()
_prefetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-prefetch")


def report_pdf(results: Results, meta: ReportMeta, locale: str) -> bytes:
    """The PDF report, from the cache when nothing it shows has changed; raises RenderBusy or
    RenderTimeout (renderpool) when the server cannot render it now."""
    cache = _cache()
    key = cache_key(results, meta, locale)
    pdf = cache.get(key, meta.owner)
    if pdf is not None:
        return pdf
    config = current_app.config
    # Another process's render of it ends within its wait for a slot and its time limit.
    patience = float(config.get("REPORT_WAIT", 3.0)) + float(config.get("REPORT_TIMEOUT", 20.0))
    with _in_flight.hold(key), cache.rendering(key, meta.owner, patience):
        pdf = cache.get(key, meta.owner)
        if pdf is None:
            html = report_html(results, meta, locale)
            pdf = warm_pool().render(html)
            cache.put(key, pdf, meta.owner)
    return pdf


def prefetch(results: Results, meta: ReportMeta, locales: list[str]) -> None:
    """Render the report in the background, in each of `locales` in turn, so that the download
    a manager asks for next comes from the cache. Rendering takes a good part of a second."""
    if not current_app.config["REPORT_PREFETCH"] or stopping():
        return
    app: Flask = current_app._get_current_object()
    cache = _cache()

    def render(locale: str) -> None:
        if stopping():  # the server is stopping: a job still queued renders nothing
            return
        with app.app_context():
            try:
                if cache.get(cache_key(results, meta, locale), meta.owner) is None:
                    report_pdf(results, meta, locale)
            except RenderBusy:  # downloads come first (or the server is stopping)
                pass
            except (RenderTimeout, RenderFailed) as exc:  # the download will say so: one line
                app.logger.warning("report prefetch stopped: %s", exc)
            except Exception:  # a failed prefetch only means the download renders it itself
                app.logger.exception("report prefetch failed")

    for locale in locales:
        try:
            _prefetcher.submit(render, locale)
        except RuntimeError:  # the interpreter is exiting (a quick stop): the page still shows
            return
