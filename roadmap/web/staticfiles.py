"""Static files under content-hashed URLs, cached by browsers for a year without revalidation."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, Response, current_app, request
from flask.sessions import SecureCookieSessionInterface

# The URL carries the file's digest (`?v=`); a new file means a new URL, so a browser can keep
# the old one for good. A request whose `v` is not the current digest (a page rendered before a
# deploy, a hand-typed URL) gets Flask's default instead: `no-cache` with an ETag.
IMMUTABLE = "public, max-age=31536000, immutable"
DIGEST_LENGTH = 16  # hex characters of SHA-256: far more than a static folder needs


def digest_map(folder: Path) -> dict[str, str]:
    """`css/roadmap.css` → the first hex characters of its SHA-256, for every file in `folder`."""
    digests = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            name = path.relative_to(folder).as_posix()
            digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:DIGEST_LENGTH]
    return digests


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, left untouched by static files."""

    def save_session(self, app: Flask, session, response: Response) -> None:
        # Extensions read the session after every request (Flask-Login's remember-cookie hook),
        # which adds `Vary: Cookie`; on a static file that would make a browser's disk cache
        # fetch it again whenever the session cookie changes. A static file never changes it.
        if request.endpoint != "static":
            super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    """Hash the static folder once (a few ms) and have url_for('static', …) use the digests."""
    digests = digest_map(Path(app.static_folder)) if app.static_folder else {}
    app.extensions["roadmap.static_digests"] = digests
    app.session_interface = SessionInterface()

    @app.url_defaults
    def _versioned(endpoint: str, values: dict) -> None:
        if endpoint != "static" or current_app.debug:  # debug: files change under a running app
            return
        digest = digests.get(values.get("filename", ""))
        if digest:
            values.setdefault("v", digest)

    @app.after_request  # runs before Flask-Compress's hook, which was registered earlier
    def _static_response(response: Response) -> Response:
        if request.endpoint != "static" or response.status_code >= 400:
            return response
        if response.direct_passthrough:
            # Read the file into the response (ours are at most ~1 MB): Flask-Compress then
            # compresses one body with a Content-Length, and the file is closed when the
            # response is, which its streaming path forgets to do.
            response.direct_passthrough = False
            response.make_sequence()
        if current_app.debug:
            return response
        filename = (request.view_args or {}).get("filename", "")
        if request.args.get("v") and request.args.get("v") == digests.get(filename):
            response.headers["Cache-Control"] = IMMUTABLE
        return response
