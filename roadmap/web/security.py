"""Security headers on every response: a strict CSP and the usual hardening headers."""

from flask import Flask, Response, request

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # No style attributes or <style> blocks: bars use width classes (app-w-N).
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# plotly.js adds its stylesheet (chart layers, mode bar) as a <style> element, which
# style-src 'self' blocks: the radar still draws, but its layers and buttons lose their layout
# (measured in Chromium; plotly.js issue 7543). Only the page that runs Plotly relaxes it,
# until the results radar is drawn as SVG on the server.
PLOTLY_ENDPOINTS = frozenset({"results.show"})
CSP_WITH_PLOTLY = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def init_app(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        plotly = request.endpoint in PLOTLY_ENDPOINTS
        response.headers.setdefault("Content-Security-Policy", CSP_WITH_PLOTLY if plotly else CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        # Same-origin only: private links (tokens in paths) never leave for another site, and
        # over HTTPS the browser still sends the Referer that Flask-WTF's CSRF check requires.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
