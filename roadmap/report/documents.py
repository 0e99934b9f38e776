"""PDF readiness reports: the print context, rendering, and a cache keyed by content and locale."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from flask import Flask, current_app, render_template
from flask_babel import force_locale, format_date

from ..core.method import method_facts
from ..core.results import Results
from .charts import radar_drawing
from .renderpool import KeyedLocks, RenderBusy, pool_for
from .summary import reading_context
from .typography import french_spacing_html
from .wording import ROLE_NAMES

TOP_RECOMMENDATIONS = 3  # in full; the others are listed by name


@dataclass(frozen=True)
class ReportMeta:
    """What the cover says besides the results."""

    service_name: str | None
    role: str | None
    date: datetime | None


class ReportCache:
    """A small thread-safe LRU of rendered PDFs: identical requests skip WeasyPrint."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            pdf = self._items.get(key)
            if pdf is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return pdf

    def put(self, key: str, pdf: bytes) -> None:
        with self._lock:
            self._items[key] = pdf
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def _cache() -> ReportCache:
    cache = current_app.extensions.get("roadmap.report_cache")
    if cache is None:
        cache = current_app.extensions["roadmap.report_cache"] = ReportCache(
            current_app.config["REPORT_CACHE_SIZE"]
        )
    return cache


def cache_key(results: Results, meta: ReportMeta, locale: str) -> str:
    """A digest of everything the PDF shows: answers, reflections, cover, previous scores."""
    previous = None
    if results.previous is not None:
        previous = {d: s.score for d, s in results.previous.dimensions.items()}
    content = {
        "q": [results.questionnaire.id, results.questionnaire.version],
        "answers": {k: str(v) for k, v in results.answers.answers.items()},
        "reflections": dict(results.answers.reflections),
        "meta": [meta.service_name, meta.role, meta.date.isoformat() if meta.date else None],
        "previous": previous,
        "locale": locale,
    }
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()


def report_html(results: Results, meta: ReportMeta, locale: str) -> str:
    """The print HTML of a report, in `locale` (needs an app context)."""
    q = results.questionnaire
    with force_locale(locale):
        context = reading_context(results, locale)
        recs = results.recommendations
        html = render_template(
            "report/report.html",
            **context,
            svg=radar_drawing(context["chart"]),
            method=method_facts(q),
            meta={
                "service_name": meta.service_name,
                "role": ROLE_NAMES.get(meta.role or ""),
                "date": format_date(meta.date, "long") if meta.date else "",
            },
            recommendations=recs[:TOP_RECOMMENDATIONS],
            more_recommendations=[
                q.recommendation(r.recommendation_id).title.get(locale)
                for r in recs[TOP_RECOMMENDATIONS:]
            ],
        )
    return french_spacing_html(html) if locale == "fr" else html


# A download that arrives while the same report is being prefetched waits for it instead of
# rendering it a second time; different reports render side by side, as many as the pool allows.
_in_flight = KeyedLocks()
_prefetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-prefetch")


def report_pdf(results: Results, meta: ReportMeta, locale: str) -> bytes:
    """The PDF report, from the cache when nothing it shows has changed; raises RenderBusy or
    RenderTimeout (renderpool) when the server cannot render it now."""
    cache = _cache()
    key = cache_key(results, meta, locale)
    pdf = cache.get(key)
    if pdf is not None:
        return pdf
    with _in_flight.hold(key):
        pdf = cache.get(key)
        if pdf is None:
            html = report_html(results, meta, locale)
            pdf = pool_for(current_app.config).render(html)
            cache.put(key, pdf)
    return pdf


def prefetch(results: Results, meta: ReportMeta, locale: str) -> None:
    """Render the report in the background (after the results page is shown), so that the
    download a manager asks for next comes from the cache. Rendering takes most of a second."""
    if not current_app.config["REPORT_PREFETCH"] or _cache().get(cache_key(results, meta, locale)):
        return
    app: Flask = current_app._get_current_object()

    def render() -> None:
        with app.app_context():
            try:
                report_pdf(results, meta, locale)
            except RenderBusy:  # downloads come first; this one will render on demand
                pass
            except Exception:  # a failed prefetch only means the download renders it itself
                app.logger.exception("report prefetch failed")

    _prefetcher.submit(render)
