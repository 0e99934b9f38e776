"""Rate limits on what costs the server (starting assessments, re-assessments, PDF downloads,
exports), declared per route with @limited(name) and counted in memory, or in Redis when
configured."""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable

from flask import Flask, current_app, make_response, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

EXTENSION = "roadmap.limiter"


def _address() -> str:
    # After ProxyFix (ROADMAP_TRUSTED_PROXIES) this is the client's address, not the proxy's.
    return get_remote_address()


def _token() -> str:
    return (request.view_args or {}).get("token", "")


def _login_account() -> str:
    # The account tried, whatever its case or spaces; hashed so no address sits in Redis.
    email = str(request.form.get("email", "")).strip().lower()
    return "account:" + hashlib.sha256(email.encode()).hexdigest()


# Named limits: each is (setting holding the limit, what is counted).
RULES: dict[str, list[tuple[str, Callable[[], str]]]] = {
    "create": [("RATELIMIT_CREATE", _address)],
    "login": [("RATELIMIT_LOGIN", _address), ("RATELIMIT_LOGIN_ACCOUNT", _login_account)],
    "reset": [("RATELIMIT_RESET", _address)],
    "reassess": [("RATELIMIT_REASSESS", _token), ("RATELIMIT_REASSESS_ADDRESS", _address)],
    "pdf": [("RATELIMIT_PDF", _address)],
    "export": [("RATELIMIT_EXPORT", _address)],
    # Workshop codes: a whole room may join from one address (the venue's Wi-Fi), so only
    # wrong, closed and not-yet-open codes count (DEDUCT_WHEN), against guessing.
    "join": [("RATELIMIT_JOIN", _address)],
}
DEDUCT_WHEN: dict[str, Callable] = {"join": lambda response: response.status_code in (404, 409)}
MARK = "roadmap_rate_limit"


def limited(name: str, methods: tuple[str, ...] | None = None):
    """Declare that a view is rate-limited by the rule `name` (for `methods`, else all)."""
    if name not in RULES:
        raise KeyError(f"no rate-limit rule named {name!r}")

    def mark(view):
        setattr(view, MARK, (name, methods))
        return view

    return mark


def _configure_storage(app: Flask) -> None:
    redis = app.config.get("REDIS_URL")
    if redis and not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = redis
        # If Redis goes away, count in memory rather than fail every limited page.
        app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_timeout": 1})
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)


def _limit_value(setting: str) -> Callable[[], str]:
    return lambda: current_app.config[setting]


def init_app(app: Flask) -> None:
    """Give this app its own limiter and apply the declared rules to its views (call after the
    blueprints are registered)."""
    _configure_storage(app)
    limiter = Limiter(key_func=_address)
    limiter.init_app(app)
    app.extensions[EXTENSION] = limiter
    for endpoint, view in list(app.view_functions.items()):
        mark = getattr(view, MARK, None)
        if mark is None:
            continue
        name, methods = mark
        for setting, key_func in RULES[name]:
            view = limiter.limit(
                _limit_value(setting),
                key_func=key_func,
                scope=f"{name}:{setting}",
                methods=list(methods) if methods else None,
                deduct_when=DEDUCT_WHEN.get(name),
            )(view)
        app.view_functions[endpoint] = view
    app.register_error_handler(429, too_many_requests)


def retry_after_seconds() -> int:
    """Seconds until the limit this request broke lets it through again."""
    limiter: Limiter | None = current_app.extensions.get(EXTENSION)
    current = limiter.current_limit if limiter else None
    if current is None:
        return 60
    return max(1, int(current.reset_at - time.time()))


def too_many_requests(error):
    """A translated page saying when to try again, with 429 and Retry-After."""
    seconds = retry_after_seconds()
    # Sign-in has its own words: the person must know it is not their password that is wrong.
    signing_in = request.endpoint == "accounts.login"
    page = render_template("errors/429.html", minutes=math.ceil(seconds / 60), login=signing_in)
    response = make_response(page, 429)
    response.headers["Retry-After"] = str(seconds)
    return response
