"""Production servers: waitress for a single process, gunicorn (Linux) for several worker
processes; a taken port is one line, and SIGTERM/SIGINT stop the PDF render processes too."""

from __future__ import annotations

import errno
import os
import signal
import socket
import sys
import threading
from dataclasses import dataclass

import click
from flask import Flask

from . import create_app, syslibs
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


def _port_taken(host: str, port: int, reason: str) -> click.ClickException:
    return click.ClickException(
        f"port {port} on {host} {reason}; choose another with --port, "
        f"e.g. roadmap serve --port {port + 1 if port < 65535 else 8000}"
    )


def _bind_error(exc: OSError, host: str, port: int) -> click.ClickException:
    """One line for what stops the server from listening, instead of a traceback."""
    if exc.errno == errno.EADDRINUSE:
        return _port_taken(host, port, "is already in use")
    if exc.errno == errno.EACCES:
        return _port_taken(host, port, "needs more rights (ports below 1024 need root)")
    if exc.errno == errno.EADDRNOTAVAIL:
        return click.ClickException(f"cannot listen on {host}: not an address of this machine")
    return click.ClickException(f"cannot listen on {host}:{port}: {exc}")


def check_port(host: str, port: int) -> None:
    """Fail in one line, before the app starts, when host:port cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise click.ClickException(f"cannot listen on {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As the servers do: a port left in TIME_WAIT by a previous run is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise _bind_error(exc, host, port) from None


def _stop(signum: int, frame) -> None:
    # waitress's loop catches SystemExit and shuts its threads down; the render processes are
    # stopped after it. SIGTERM (systemd, docker, kill) then stops as cleanly as Ctrl+C.
    raise SystemExit(0)


def serve_waitress(options: ServeOptions, announce=print) -> None:
    from waitress.server import create_server

    app = create_app()
    syslibs.warn_optional()
    _size_renderers(app, 1)
    try:
        server = create_server(
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
    except OSError as exc:
        raise _bind_error(exc, options.host, options.port) from None
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        _warm_up_in_background(app)
        announce(f"Roadmap is running on http://{options.host}:{options.port}/ (Ctrl+C to stop)")
        server.run()
    finally:
        renderpool.close_all()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    announce("Roadmap stopped.")


def serve_gunicorn(options: ServeOptions, announce=print) -> None:
    from gunicorn.app.base import BaseApplication

    # Check the configuration and migrate the schema once, here, before the workers start:
    # workers that each migrated at start-up would race one another.
    create_app()
    syslibs.warn_optional()
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
    check_port(options.host, options.port)
    if options.workers > 1 and gunicorn_available():
        serve_gunicorn(options, announce)
        return
    if options.workers > 1:
        announce("gunicorn is not available here: serving with one waitress process instead")
    serve_waitress(options, announce)
