"""PDF rendering with WeasyPrint: tagged PDF/UA, a fetcher that only reads our static files, and
a recycled render process so that the web worker's memory stays flat."""

from __future__ import annotations

import contextlib
import gc
import mimetypes
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from pathlib import Path

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .. import paths


class StaticOnlyFetcher(URLFetcher):
    """Serves files under static/ and refuses every other URL, so that text a person typed
    into an assessment can never make the server fetch anything."""

    def __init__(self, root: Path = paths.STATIC) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self._root = root.resolve()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if not url.startswith("file://"):
            raise ValueError(f"refused to fetch {url[:80]!r}: only the app's static files")
        path = Path(url.removeprefix("file://").split("?")[0].split("#")[0]).resolve()
        if not path.is_relative_to(self._root) or not path.is_file():
            raise ValueError(f"refused to fetch {url[:80]!r}: outside the app's static files")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


@cache
def _font_config() -> FontConfiguration:
    # One per process: a new configuration per render costs time and leaks memory in Pango.
    return FontConfiguration()


@cache
def report_stylesheet() -> CSS:
    """The print stylesheet, parsed once per process (parsing it costs ~40 ms a render)."""
    return CSS(
        filename=str(paths.STATIC / "css" / "report.css"),
        url_fetcher=StaticOnlyFetcher(),
        font_config=_font_config(),
    )


def layout(html: str) -> Document:
    """Lay out the report HTML into pages, tagged for PDF/UA-1."""
    document = HTML(
        string=html, base_url=paths.STATIC.as_uri() + "/", url_fetcher=StaticOnlyFetcher()
    )
    return document.render(
        pdf_variant="pdf/ua-1", stylesheets=[report_stylesheet()], font_config=_font_config()
    )


def render_pdf(html: str) -> bytes:
    """HTML to a tagged PDF (PDF/UA-1: structure tree, document language, artifacts)."""
    return layout(html).write_pdf(pdf_variant="pdf/ua-1")


# WeasyPrint (Pango underneath) keeps ~0.2 MB per render that it never gives back. Rendering in
# a child process that is replaced every N reports keeps the web worker's memory flat.
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
# Each report is two tasks in the child: the render, then a garbage collection.
TASKS_PER_REPORT = 2

# Touches what a real report needs: regular, bold and italic faces, French hyphenation, a table.
WARM_UP_HTML = (
    '<html lang="fr"><head><title>Préchauffage</title></head><body><h1>État de préparation</h1>'
    "<p>Cocréer, c’est partager le pouvoir, les responsabilités et les ressources : "
    "<strong>décisions</strong>, <em>ressources</em>, risques ; l’expérimentation continue.</p>"
    "<table><tr><th>Dimension</th><td>56</td></tr></table></body></html>"
)


def _prepare_render_process() -> None:
    """Start-up of each render process, before it is asked for a report: load fonts, the
    stylesheet and hyphenation, then take garbage collection off the render's path.

    A render leaves ~35,000 objects in reference cycles, and collections that start in the
    middle of one cost 20 to 100 ms, more as the process ages. With automatic collection off,
    the parent asks for a collection after each report, which runs while the PDF is being sent.
    Freezing what the warm-up loaded keeps those collections to the last report's objects."""
    _end_with_parent()
    render_pdf(WARM_UP_HTML)
    gc.collect()
    gc.freeze()
    gc.disable()


def _end_with_parent() -> None:
    # The web process normally stops this one (stop_render_processes); if it was killed with no
    # chance to, this process ends too instead of waiting forever for work. Its forkserver,
    # which waits for its last child, then ends as well.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_gone, args=(parent.sentinel,), daemon=True).start()


def _exit_when_gone(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _render_pool(recycle_after: int) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # forkserver: children come from a clean single-threaded process (forking a threaded
            # web server is unsafe) with WeasyPrint already imported, so they start fast. A child
            # that is replaced warms up straight away, while no one is waiting for it.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["roadmap.report.pdf"])
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=context,
                initializer=_prepare_render_process,
                max_tasks_per_child=recycle_after * TASKS_PER_REPORT,
            )
        return _pool


def _discard_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def _render_in_child(html: str, recycle_after: int) -> bytes:
    pool = _render_pool(recycle_after)
    pdf = pool.submit(render_pdf, html).result()
    # Not awaited: the child collects while this process sends the PDF. If the child died after
    # rendering, the next report starts a new one.
    with contextlib.suppress(BrokenProcessPool):
        pool.submit(gc.collect)
    return pdf


def render_pdf_isolated(html: str, recycle_after: int) -> bytes:
    """render_pdf in the recycled render process; in this process when recycle_after is 0."""
    if recycle_after <= 0:
        return render_pdf(html)
    try:
        return _render_in_child(html, recycle_after)
    except BrokenProcessPool:  # the child died (e.g. killed for memory): start a new one
        _discard_pool()
        return _render_in_child(html, recycle_after)


def warm_up(recycle_after: int) -> None:
    """Start the render process (which warms itself up) before the first report is asked for;
    in this process, render a small document when recycle_after is 0."""
    if recycle_after <= 0:
        render_pdf(WARM_UP_HTML)
    else:
        _render_pool(recycle_after).submit(gc.collect).result()


def stop_render_processes() -> None:
    """Stop the render process now, a render in progress included (the server is stopping)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None:
        return
    # ProcessPoolExecutor can only wait for a running task before Python 3.14
    # (terminate_workers): end its processes directly, then let it tidy up.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
