"""Production servers: waitress for a single process, gunicorn (Linux) for several worker
processes; a taken port is one line, and SIGTERM/SIGINT/SIGQUIT stop the PDF render processes
too, quietly (a render or prefetch in flight is dropped, not reported as an error)."""

from __future__ import annotations

import errno
import logging
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

log = logging.getLogger(__name__)
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGQUIT") if hasattr(signal, name)
)


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


def check_app(app: Flask, workers: int) -> None:
    """What a server must not run with: PDFs rendered inside the web process (no time limit
    can stop a render there); a start-up warning for what works, less well, with several
    worker processes: SQLite, and rate limits counted in each process without Redis."""
    if int(app.config.get("REPORT_RECYCLE_AFTER", 50)) <= 0:
        raise click.ClickException(
            "ROADMAP_REPORT_RECYCLE_AFTER=0 renders PDFs inside the web process, where no time "
            "limit can stop a render that takes too long; a server needs render processes: "
            "set it to 1 or more (default 50)"
        )
    if workers <= 1:
        return
    limits_on = app.config.get("RATELIMIT_ENABLED", True)
    if limits_on and not app.config.get("REDIS_URL") and not _shared_limit_storage(app):
        log.warning(
            "rate limits are counted by each of the %d worker processes on its own, so a "
            "client gets up to %d times each limit: set ROADMAP_REDIS_URL to share them",
            workers,
            workers,
        )
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        log.warning(
            "SQLite with %d worker processes: they take turns to write (one at a time), so "
            "under heavy load pages slow down, and a page kept waiting 15 s is refused (503, "
            "nothing confirmed is lost); use PostgreSQL (ROADMAP_DATABASE_URL) for more than "
            "one worker",
            workers,
        )


def _shared_limit_storage(app: Flask) -> bool:
    storage = str(app.config.get("RATELIMIT_STORAGE_URI") or "memory://")
    return not storage.startswith("memory://")


def _size_renderers(app: Flask, web_processes: int) -> None:
    # The machine's cores are shared between the web processes' render pools.
    if not app.config.get("REPORT_RENDERERS"):
        app.config["REPORT_RENDERERS"] = renderpool.renderers_for_machine(web_processes)


def _warm_up_in_background(app: Flask) -> None:
    """Start the render processes now, so that the first report is as quick as the others
    (the process they are forked from first, from this main thread: see start_forkserver)."""
    renderpool.start_forkserver()

    def warm_up() -> None:
        try:
            with app.app_context():
                documents.warm_pool().warm_up()
        except Exception:  # the first report will start its render process itself
            if not renderpool.stopping():
                app.logger.exception("the render processes could not start ahead")

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
    # stopped after it. SIGTERM (systemd, docker, kill) and SIGQUIT then stop as cleanly as
    # Ctrl+C.
    raise SystemExit(0)


def serve_waitress(options: ServeOptions, announce=print) -> None:
    from waitress.server import create_server

    app = create_app()
    check_app(app, 1)
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
    previous = {sig: signal.signal(sig, _stop) for sig in STOP_SIGNALS}
    try:
        _warm_up_in_background(app)
        announce(f"Roadmap is running on http://{options.host}:{options.port}/ (Ctrl+C to stop)")
        server.run()
    finally:
        renderpool.close_all()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    announce("Roadmap stopped.")


def _worker_class():
    """gunicorn's gthread worker, stopping at once (SIGINT, SIGQUIT) without a deadlock."""
    from gunicorn.workers.gthread import ThreadWorker

    class Worker(ThreadWorker):
        def handle_quit(self, sig, frame) -> None:
            # gthread shuts its thread pool down inside this signal handler, which hangs for
            # good when the signal lands while the main thread is handing a connection to that
            # pool (it holds the pool's lock), until the arbiter kills the worker. Exit without
            # it: the interpreter's exit lets the pool's threads finish, as shutdown would.
            self.alive = False
            self.cfg.worker_int(self)
            sys.exit(0)

    return Worker


def serve_gunicorn(options: ServeOptions, announce=print) -> None:
    from gunicorn.app.base import BaseApplication

    # Check the configuration and migrate the schema once, here, before the workers start:
    # workers that each migrated at start-up would race one another.
    app = create_app()
    check_app(app, options.workers)
    syslibs.warn_optional()
    os.environ["ROADMAP_AUTO_MIGRATE"] = "false"
    # A stopping worker finishes the requests in flight first: a download may wait for a
    # render slot, then render up to the time limit.
    graceful = max(20, int(app.config["REPORT_WAIT"] + app.config["REPORT_TIMEOUT"]) + 5)
    del app

    class Roadmap(BaseApplication):
        def load_config(self) -> None:
            settings = {
                "bind": f"{options.host}:{options.port}",
                "workers": options.workers,
                "worker_class": _worker_class(),
                "threads": options.threads,
                "worker_connections": options.connections,
                "timeout": options.timeout,
                "graceful_timeout": graceful,
                # Idle connections stay open while people read a page (phones reconnect slowly).
                "keepalive": 75,
                # X-Forwarded-* are read by the app (ROADMAP_TRUSTED_PROXIES), not by gunicorn.
                "forwarded_allow_ips": "",
                # In the worker, after its requests (SIGTERM) or at once (SIGINT, SIGQUIT): the
                # render processes stop, and a render or prefetch in flight ends quietly.
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
    arbiter = os.getpid()
    try:
        Roadmap().run()
    except SystemExit as stop:
        # The arbiter exits once its workers are gone (a worker's exit passes here too, in the
        # forked copy of this call).
        if stop.code in (0, None) and os.getpid() == arbiter:
            announce("Roadmap stopped.")
        raise


def serve(options: ServeOptions, announce=print) -> None:
    """Several workers with gunicorn where it runs; otherwise one waitress process."""
    check_port(options.host, options.port)
    if options.workers > 1 and gunicorn_available():
        serve_gunicorn(options, announce)
        return
    if options.workers > 1:
        announce("gunicorn is not available here: serving with one waitress process instead")
    serve_waitress(options, announce)
