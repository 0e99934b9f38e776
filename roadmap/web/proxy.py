"""Behind a reverse proxy: trusted proxies and hosts, links from the public URL, HSTS, and an
Origin check on every form POST."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, has_request_context, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

from ..config import ConfigError

ONE_YEAR = 365 * 24 * 3600
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _public_url(app: Flask) -> str | None:
    """PUBLIC_URL without its trailing slash, or a ConfigError saying what is wrong with it."""
    url = (app.config.get("PUBLIC_URL") or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise ConfigError(
            f"ROADMAP_PUBLIC_URL={url!r} is not a web address such as https://roadmap.example.org"
        )
    return url.rstrip("/")


def public_url(endpoint: str, **values) -> str:
    """An absolute link for people to keep (the private resume link): built from PUBLIC_URL,
    never from the Host header a client or proxy sent."""
    path = url_for(endpoint, **values)
    base = current_app.config.get("PUBLIC_URL")
    if not base:  # development: the address the browser used
        return url_for(endpoint, _external=True, **values)
    root = request.script_root if has_request_context() else ""
    if root and path.startswith(root):  # PUBLIC_URL already carries the path prefix
        path = path[len(root) :]
    return base + path


def _allowed_origins() -> set[str]:
    origins = {f"{request.scheme}://{request.host}"}
    public = current_app.config.get("PUBLIC_URL")
    if public:
        parts = urlsplit(public)
        origins.add(f"{parts.scheme}://{parts.netloc}")
    return origins


def _check_origin() -> None:
    """Browsers name the page's origin on a POST; one from elsewhere is a forged form.

    This adds to Flask-WTF's token (and, over HTTPS, its Referer check); a POST without an
    Origin header (older clients, scripts) still needs both of those."""
    origin = request.headers.get("Origin")
    if request.method in UNSAFE_METHODS and origin is not None and origin not in _allowed_origins():
        raise CSRFError("The request came from another site.")


def _untrusted_host(error: SecurityError):
    # No page template here: with an untrusted Host no URL can be built for its links.
    text = "400 Bad Request: this address is not served here / adresse non servie ici.\n"
    return text, 400, {"Content-Type": "text/plain; charset=utf-8"}


def init_app(app: Flask) -> None:
    """Read the deployment settings and install the middleware and hooks they ask for."""
    public = _public_url(app)
    app.config["PUBLIC_URL"] = public
    production = str(app.config.get("ENV", "")).lower() == "production"
    if public:
        parts = urlsplit(public)
        app.config["PREFERRED_URL_SCHEME"] = parts.scheme
        if app.config.get("TRUSTED_HOSTS") is None:
            app.config["TRUSTED_HOSTS"] = [parts.hostname]
    if app.config.get("HSTS_SECONDS") is None:
        app.config["HSTS_SECONDS"] = ONE_YEAR if production else 0
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        # Only the last `proxies` hops of each X-Forwarded-* header are believed.
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
    app.before_request(_check_origin)
    app.add_template_global(public_url)
    app.register_error_handler(SecurityError, _untrusted_host)

    @app.after_request
    def _hsts(response):
        seconds = app.config["HSTS_SECONDS"]
        if seconds and request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", f"max-age={int(seconds)}")
        return response
