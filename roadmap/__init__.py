"""Roadmap: a co-creation readiness self-assessment for public services (Flask app factory)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from . import paths
from .config import Config, finalise


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, questionnaires, extensions, blueprints, database schema."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(paths.TEMPLATES),
        static_folder=str(paths.STATIC),
    )
    app.config.from_object(Config)
    app.config.from_prefixed_env("ROADMAP")
    if test_config:
        app.config.update(test_config)
    finalise(app)

    from . import logs
    from .web import requestlog

    logs.init_app(app)
    requestlog.init_app(app)  # first, so that its clock starts before the other hooks run

    from .content.catalogue import Catalogue
    from .content.loader import load_directory

    directory = Path(app.config["QUESTIONNAIRE_DIR"] or paths.QUESTIONNAIRES)
    app.extensions["roadmap.catalogue"] = Catalogue.of(load_directory(directory))

    from .extensions import babel, compress, csrf, db, init_engine_events, migrate
    from .web.locale import select_locale

    init_engine_events()
    db.init_app(app)
    migrate.init_app(app, db, directory=str(paths.MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    compress.init_app(app)
    babel.init_app(
        app, locale_selector=select_locale, default_translation_directories=str(paths.TRANSLATIONS)
    )

    from . import web

    web.init_app(app)
    _init_protections(app)

    from .users_cli import users

    app.cli.add_command(users)  # `roadmap users …` (Flask's CLI finds the app's commands)

    if app.config["AUTO_MIGRATE"]:
        from flask_migrate import upgrade

        with app.app_context():
            upgrade(directory=str(paths.MIGRATIONS))
    return app


def _init_protections(app: Flask) -> None:
    """Reverse-proxy settings, rate limits and overload pages (after the blueprints)."""
    from .web import limits, overload, proxy

    proxy.init_app(app)
    limits.init_app(app)
    overload.init_app(app)
