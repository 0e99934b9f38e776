"""Locale choice: an explicit choice, then the assessment's language, then the browser, French."""

# An explicit choice (a ?lang= link or the start form) is kept in the session and holds on every
# page until the person makes another. Without one, a page that shows an assessment speaks its
# language, and the session remembers it so that the methods and tools pages opened next do too.
# Only the session cookie changes: reading a page never writes to the database.

from __future__ import annotations

from flask import Flask, current_app, g, request, session

SESSION_KEY = "locale"  # the person's explicit choice
ASSESSMENT_KEY = "assessment_locale"  # the language of the last assessment shown


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
        if session.get(ASSESSMENT_KEY) != g.assessment_locale:
            session[ASSESSMENT_KEY] = g.assessment_locale
        return g.assessment_locale
    if session.get(ASSESSMENT_KEY) in languages:
        return session[ASSESSMENT_KEY]
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def choose(locale: str) -> None:
    """Record an explicit choice of language (the start form's), as a ?lang= link does."""
    session[SESSION_KEY] = locale


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
                # Only the query values the view accepted (g.kept_args), never the raw query
                # string: a page must not echo what a URL says next to a private link, which
                # compression would otherwise make guessable byte by byte (BREACH).
                args = {**(request.view_args or {}), **g.get("kept_args", {}), "lang": code}
                return url_for(request.endpoint, **args)
            return url_for("home.index", lang=code)

        return {"switch_url": switch_url}


def ui_locale() -> str:
    """The language of this request: used for UI strings and questionnaire text alike."""
    from flask_babel import get_locale

    return str(get_locale())
