"""PDF rendering with WeasyPrint: tagged PDF/UA, and a fetcher that only reads our static files."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from functools import cache

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import paths


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
def report_stylesheet() -> CSS:
    """The print stylesheet, parsed once per process (parsing it costs ~40 ms a render)."""
    return CSS(filename=str(paths.STATIC / "css" / "report.css"), url_fetcher=StaticOnlyFetcher())


def render_pdf(html: str, fetcher: URLFetcher | None = None) -> bytes:
    """HTML to a tagged PDF (PDF/UA-1: structure tree, document language, artifacts)."""
    document = HTML(
        string=html,
        base_url=paths.STATIC.as_uri() + "/",
        url_fetcher=fetcher or StaticOnlyFetcher(),
    )
    return document.write_pdf(pdf_variant="pdf/ua-1", stylesheets=[report_stylesheet()])
