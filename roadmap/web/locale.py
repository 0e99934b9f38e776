"""Locale choice: an explicit choice (kept in the session), then the browser, then French."""

from __future__ import annotations

from flask import Flask, current_app, g, request, session

SESSION_KEY = "locale"


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    chosen = request.args.get("lang")
    if chosen in languages:
        session[SESSION_KEY] = chosen
        return chosen
    if session.get(SESSION_KEY) in languages:
        return session[SESSION_KEY]
    # Someone resuming on a new device sees the language the assessment was started in.
    if g.get("assessment_locale") in languages:
        return g.assessment_locale
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def init_app(app: Flask) -> None:
    from flask_babel import get_locale

    @app.context_processor
    def _locale() -> dict:
        return {"locale": str(get_locale()), "languages": app.config["LANGUAGES"]}

    @app.context_processor
    def _switch_url() -> dict:
        from flask import request, url_for

        def switch_url(code: str) -> str:
            """The current page in another language (the choice is then kept in the session)."""
            if request.endpoint and request.method == "GET" and request.endpoint != "static":
                args = {**(request.view_args or {}), **request.args.to_dict(), "lang": code}
                return url_for(request.endpoint, **args)
            return url_for("home.index", lang=code)

        return {"switch_url": switch_url}


def ui_locale() -> str:
    """The language of this request: used for UI strings and questionnaire text alike."""
    from flask_babel import get_locale

    return str(get_locale())
