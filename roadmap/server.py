"""`roadmap serve`: the waitress server, started with clear messages and stopped cleanly (SIGTERM
or SIGINT stop the PDF render processes too)."""

from __future__ import annotations

import errno
import logging
import signal
import threading

import click

from . import syslibs

log = logging.getLogger(__name__)
_stopping = threading.Event()


def _stop(signum: int, frame) -> None:
    # waitress's loop catches SystemExit and shuts its threads down; the caller then stops the
    # render processes. SIGINT gets the same treatment as SIGTERM, with no traceback.
    raise SystemExit(0)


def _warm_up(recycle_after: int) -> None:
    from .report.pdf import warm_up

    try:
        warm_up(recycle_after)
    except Exception as exc:  # the server still works: the first report starts a new process
        if not _stopping.is_set():
            log.warning("the PDF render process did not start: %s", exc)


def _listen(app, host: str, port: int, threads: int):
    from waitress.server import create_server

    try:
        return create_server(app, host=host, port=port, threads=threads)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            reason = "is already in use"
        elif exc.errno == errno.EACCES:
            reason = "needs more rights (ports below 1024 need root)"
        elif exc.errno == errno.EADDRNOTAVAIL:
            raise click.ClickException(
                f"cannot listen on {host}: not an address of this machine (choose another "
                "with --host)"
            ) from None
        else:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from None
        raise click.ClickException(
            f"port {port} on {host} {reason}; choose another with --port, "
            f"e.g. roadmap serve --port {port + 1 if port < 65535 else 8000}"
        ) from None


def serve(create_app, host: str, port: int, threads: int) -> None:
    """Check the system, build the app, listen, start the render process, serve until stopped."""
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    try:
        syslibs.require()
    except syslibs.MissingSystemLibrary as exc:
        raise click.ClickException(str(exc)) from None
    syslibs.warn_optional()
    app = create_app()
    server = _listen(app, host, port, threads)
    from .report.pdf import stop_render_processes

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        # Start the PDF render process now, so that the first report is as quick as the others.
        threading.Thread(
            target=_warm_up, args=(app.config["REPORT_RECYCLE_AFTER"],), daemon=True
        ).start()
        click.echo(f"Roadmap is running on http://{host}:{port}/ (Ctrl+C to stop)")
        server.run()
    finally:
        _stopping.set()
        stop_render_processes()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    click.echo("Roadmap stopped.")
