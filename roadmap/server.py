"""Production servers: waitress for a single process, gunicorn (Linux) for several worker
processes, with threads and connection limits from the command line."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass

from flask import Flask

from . import create_app
from .report import documents, renderpool


@dataclass(frozen=True)
class ServeOptions:
    """How `roadmap serve` runs: where it listens and how much it takes on at once."""

    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = 1
    threads: int = 8
    connections: int = 1000
    timeout: int = 60  # seconds a request may take before its worker is replaced (gunicorn)


def gunicorn_available() -> bool:
    if sys.platform == "win32":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def _size_renderers(app: Flask, web_processes: int) -> None:
    # The machine's cores are shared between the web processes' render pools.
    if not app.config.get("REPORT_RENDERERS"):
        app.config["REPORT_RENDERERS"] = renderpool.renderers_for_machine(web_processes)


def _warm_up_in_background(app: Flask) -> None:
    """Start the render processes now, so that the first report is as quick as the others."""

    def warm_up() -> None:
        with app.app_context():
            documents.warm_pool().warm_up()

    threading.Thread(target=warm_up, daemon=True).start()


def serve_waitress(options: ServeOptions, announce=print) -> None:
    from waitress import serve

    app = create_app()
    _size_renderers(app, 1)
    _warm_up_in_background(app)
    announce(f"Roadmap is running on http://{options.host}:{options.port}/ (Ctrl+C to stop)")
    try:
        serve(
            app,
            host=options.host,
            port=options.port,
            threads=options.threads,
            connection_limit=options.connections,
            ident="waitress",
            # X-Forwarded-* reach the app, which believes them only through ProxyFix
            # (ROADMAP_TRUSTED_PROXIES); waitress would otherwise drop them.
            clear_untrusted_proxy_headers=False,
        )
    finally:
        renderpool.close_all()


def serve_gunicorn(options: ServeOptions, announce=print) -> None:
    from gunicorn.app.base import BaseApplication

    # Check the configuration and migrate the schema once, here, before the workers start:
    # workers that each migrated at start-up would race one another.
    create_app()
    os.environ["ROADMAP_AUTO_MIGRATE"] = "false"

    class Roadmap(BaseApplication):
        def load_config(self) -> None:
            settings = {
                "bind": f"{options.host}:{options.port}",
                "workers": options.workers,
                "worker_class": "gthread",
                "threads": options.threads,
                "worker_connections": options.connections,
                "timeout": options.timeout,
                "graceful_timeout": 20,
                # Idle connections stay open while people read a page (phones reconnect slowly).
                "keepalive": 75,
                # X-Forwarded-* are read by the app (ROADMAP_TRUSTED_PROXIES), not by gunicorn.
                "forwarded_allow_ips": "",
                "worker_exit": lambda server, worker: renderpool.close_all(),
                # No control socket in the home folder: several servers may run side by side.
                "control_socket_disable": True,
            }
            for key, value in settings.items():
                if key in self.cfg.settings:  # control_socket_disable is new in gunicorn 25
                    self.cfg.set(key, value)

        def load(self) -> Flask:
            app = create_app()
            _size_renderers(app, options.workers)
            _warm_up_in_background(app)
            return app

    announce(
        f"Roadmap is running on http://{options.host}:{options.port}/ with "
        f"{options.workers} worker processes (Ctrl+C to stop)"
    )
    Roadmap().run()


def serve(options: ServeOptions, announce=print) -> None:
    """Several workers with gunicorn where it runs; otherwise one waitress process."""
    if options.workers > 1 and gunicorn_available():
        serve_gunicorn(options, announce)
        return
    if options.workers > 1:
        announce("gunicorn is not available here: serving with one waitress process instead")
    serve_waitress(options, announce)
