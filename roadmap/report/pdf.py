"""PDF rendering with WeasyPrint: tagged PDF/UA, a fetcher that only reads our static files, and
the start-up of a render process (renderpool runs the processes)."""

from __future__ import annotations

import gc
import logging
import mimetypes
import re
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


# Tags of boxes that whitespace between them never shows in: blocks, table parts, SVG shapes.
_BLOCKS = (
    "html|head|body|meta|title|section|div|h[1-6]|p|ul|ol|li|dl|dt|dd|table|caption|colgroup|"
    "col|thead|tbody|tr|th|td|figure|figcaption|blockquote|svg|desc|polygon|line|rect|circle|text"
)
_GAP = re.compile(rf"(</?(?:{_BLOCKS})\b[^>]*>)\s+(?=</?(?:{_BLOCKS})\b)")


def compact_html(html: str) -> str:
    """The print HTML without the whitespace between two block-level tags (the template's
    indentation and line ends): it prints nothing, but WeasyPrint still parses it and builds
    and discards boxes for it, about 3 % of a report's render. Whitespace next to text or
    inline tags (<b>, <a>) is kept, so the PDF is the same to the pixel."""
    return _GAP.sub(r"\1", html)


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


# Touches what a real report needs: regular, bold and italic faces, French hyphenation, a table.
WARM_UP_HTML = (
    '<html lang="fr"><head><title>Préchauffage</title></head><body><h1>État de préparation</h1>'
    "<p>Cocréer, c’est partager le pouvoir, les responsabilités et les ressources : "
    "<strong>décisions</strong>, <em>ressources</em>, risques ; l’expérimentation continue.</p>"
    "<table><tr><th>Dimension</th><td>56</td></tr></table></body></html>"
)


def prepare_render_process(samples: tuple[str, ...] = ()) -> None:
    """Start-up of each render process, before it is asked for a report: render `samples`, real
    reports in each language (fonts, stylesheet, both hyphenation dictionaries, every kind of box: a
    small document left the first report 1.4 to 1.9 times as slow as the next), then take
    garbage collection off the render's path.

    A render leaves ~35,000 objects in reference cycles, and collections that start in the
    middle of one cost 20 to 100 ms, more as the process ages. With automatic collection off,
    the parent asks for a collection after each report, which runs while the PDF is being sent.
    Freezing what the warm-up loaded keeps those collections to the last report's objects."""
    for html in samples or (WARM_UP_HTML,):
        try:
            render_pdf(html)
        except Exception:  # a warm-up that fails only makes the first report slower
            logging.getLogger(__name__).exception("render process warm-up")
    gc.collect()
    gc.freeze()
    gc.disable()
