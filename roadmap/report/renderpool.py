"""A bounded pool of PDF render processes: a slot per process, a short wait for a free one
(else RenderBusy), a time limit per render (else RenderTimeout, and the process is replaced)."""

from __future__ import annotations

import atexit
import contextlib
import gc
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from multiprocessing.connection import Connection

from .pdf import prepare_render_process, render_pdf

BUSY_RETRY_AFTER = 10  # seconds: a few renders' time
RENDER_NICENESS = 10  # render processes yield the CPU to the web workers


class RenderBusy(Exception):
    """Every render slot is taken and the waiting line is full: try again shortly."""

    retry_after = BUSY_RETRY_AFTER


class ServerStopping(RenderBusy):
    """The server is stopping: its render processes are gone and no new one starts."""


class RenderTimeout(Exception):
    """A render took longer than the time limit and was stopped."""


class RenderFailed(Exception):
    """The render process died (for example killed for memory)."""


PARENT_STOPS = (signal.SIGINT, signal.SIGTERM)


def _context():
    """forkserver: children come from a clean single-threaded process (forking a threaded web
    server is unsafe) with WeasyPrint already imported, so they start fast."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["roadmap.report.renderpool"])
    return context


def start_forkserver() -> None:
    """Start the process render processes are forked from now, from the main thread, with
    SIGINT and SIGTERM ignored: it inherits that, so Ctrl+C or a service manager's SIGTERM
    to the whole group does not kill it half-way through its start (a traceback, and a web
    process writing into a closed pipe). It exits by itself once the web process is gone."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may change signal handlers: it starts on first use
    from multiprocessing import forkserver

    _context()
    previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in PARENT_STOPS}
    try:
        forkserver.ensure_running()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _serve(conn: Connection, samples: tuple[str, ...] = ()) -> None:
    """The render process: warm up on `samples`, then render jobs one at a time until told to
    stop."""
    # Ctrl+C reaches every process of the terminal's group, and systemd sends SIGTERM to every
    # process of the service: the web process decides when its render processes stop (after
    # the downloads in flight) and stops them; it going away also ends this loop (EOF).
    for signum in PARENT_STOPS:
        signal.signal(signum, signal.SIG_IGN)
    # Pages come first: a report waits a little longer when the machine is busy.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(RENDER_NICENESS)
    prepare_render_process(samples)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the web process is gone (or stopped while this started)
            return
        if job is None:
            return
        func, args = job
        try:
            result = (True, func(*args))
        except Exception as exc:  # sent back and raised in the web process
            result = (False, exc)
        try:
            conn.send(result)
        except OSError:  # BrokenPipeError: the web process stopped while this one rendered
            return
        # Automatic collection is off in here (see prepare_render_process): collect between
        # reports, while the web process sends the PDF.
        gc.collect()


class _Process:
    """One render process and the pipe to it."""

    def __init__(self, context, samples: tuple[str, ...] = ()) -> None:
        self._conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, samples), daemon=True)
        self.process.start()
        child.close()
        self.done = 0
        # A render's thread and close() (the server stopping) may both stop this process: the
        # pipe is closed once (a second close could close a descriptor reused meanwhile).
        self._stopping = threading.Lock()
        self._stopped = False

    def run(self, func: Callable, args: tuple, timeout: float):
        self._conn.send((func, args))
        if not self._conn.poll(timeout):
            raise RenderTimeout(f"render stopped after {timeout:g} s")
        try:
            ok, value = self._conn.recv()
        except EOFError as exc:
            raise RenderFailed("the render process died") from exc
        self.done += 1
        if not ok:
            raise value
        return value

    def stop(self, kill: bool = False) -> None:
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
            if not kill:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
                self.process.join(timeout=2)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(timeout=2)
            self._conn.close()


class _Inline:
    """Renders in the calling thread (REPORT_RECYCLE_AFTER=0): no time limit can be enforced."""

    done = 0
    process = None

    def run(self, func: Callable, args: tuple, timeout: float):
        return func(*args)

    def stop(self, kill: bool = False) -> None:
        pass


class RenderPool:
    """`size` render slots; up to `waiting` more callers may wait `wait` seconds for one."""

    def __init__(
        self,
        size: int,
        waiting: int,
        wait: float,
        timeout: float,
        recycle_after: int,
        func: Callable = render_pdf,
    ) -> None:
        self.size, self.wait, self.timeout = size, wait, timeout
        self.recycle_after = recycle_after
        self._func = func
        self._admission = threading.BoundedSemaphore(size + waiting)
        # Free slots: a process, or None for one not started yet (started on first use).
        self._free: queue.Queue[_Process | _Inline | None] = queue.Queue()
        for _ in range(size):
            self._free.put(None)
        self._all: set[_Process] = set()
        self._lock = threading.Lock()
        # Render processes being started right now, which close() waits for.
        self._starting = 0
        self._started = threading.Condition(self._lock)
        self._context = None
        self._closed = False
        # Reports each new render process renders before its first job (see documents).
        self.samples: tuple[str, ...] = ()

    def _start(self) -> _Process | _Inline:
        if self.recycle_after <= 0:
            return _Inline()
        if self._context is None:
            self._context = _context()
        with self._lock:
            if self._closed:  # the server is stopping: no new render processes
                raise ServerStopping("the server is stopping")
            self._starting += 1
        worker = None
        try:
            worker = _Process(self._context, self.samples)
        except OSError as exc:  # the forkserver went away (the server is stopping?)
            if self._closed:
                raise ServerStopping("the server is stopping") from exc
            raise RenderFailed("a render process could not start") from exc
        finally:
            with self._lock:
                self._starting -= 1
                closed = self._closed
                if worker is not None and not closed:
                    self._all.add(worker)
                self._started.notify_all()
        if closed:
            worker.stop(kill=True)
            raise ServerStopping("the server is stopping")
        return worker

    def _retire(self, worker: _Process | _Inline, kill: bool) -> None:
        worker.stop(kill=kill)
        with self._lock:
            self._all.discard(worker)

    @contextlib.contextmanager
    def _slot(self) -> Iterator[list]:
        if not self._admission.acquire(blocking=False):
            raise RenderBusy("the waiting line for reports is full")
        try:
            try:
                worker = self._free.get(timeout=self.wait)
            except queue.Empty:
                raise RenderBusy(f"no render slot free within {self.wait:g} s") from None
            holder = [worker]
            try:
                if holder[0] is None:
                    holder[0] = self._start()
                yield holder
            finally:
                self._free.put(holder[0])
        finally:
            self._admission.release()

    def render(self, html: str, timeout: float | None = None) -> bytes:
        """Render in a free slot, or raise RenderBusy, RenderTimeout or RenderFailed; within
        `timeout` seconds (default: the pool's limit) for a document known to be long."""
        return self.call(self._func, html, timeout=timeout)

    def call(self, func: Callable, *args, timeout: float | None = None):
        """Run func(*args) in a free slot's process (picklable, as for render)."""
        with self._slot() as holder:
            worker = holder[0]
            try:
                result = worker.run(func, args, timeout or self.timeout)
            except (RenderTimeout, RenderFailed, OSError) as exc:
                self._retire(worker, kill=True)
                holder[0] = None  # a new process starts on the slot's next use
                if self._closed:  # close() stopped this render: not a failure of the report
                    raise ServerStopping("the server is stopping") from exc
                raise
            if self.recycle_after > 0 and worker.done >= self.recycle_after:
                # WeasyPrint keeps memory it never returns: replace the process now, so the new
                # one warms up while no one is waiting for it.
                self._retire(worker, kill=False)
                holder[0] = self._start()
            return result

    def warm_up(self) -> None:
        """Start every render process now (each warms itself up) instead of on first use."""
        started = []
        while True:
            try:
                started.append(self._free.get_nowait())
            except queue.Empty:
                break
        try:
            for index, worker in enumerate(started):
                started[index] = worker or self._start()
        except RenderBusy:  # the server stopped while warming up: nothing left to warm
            pass
        finally:
            for worker in started:
                self._free.put(worker)

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._all if w.process.pid)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Stop every render process now (at server shutdown), and start no more: a render in
        flight raises ServerStopping, as does every later one."""
        with self._lock:
            self._closed = True
            # A process being started needs its parent until it is up (else the forkserver
            # prints a traceback as the pipe closes under it): let it finish, it stops itself.
            self._started.wait_for(lambda: self._starting == 0, timeout=10)
            workers = list(self._all)
        for worker in workers:
            self._retire(worker, kill=True)


_pools: dict[tuple, RenderPool] = {}
_pools_lock = threading.Lock()
_stopping = False  # close_all() ran: this process is stopping and renders nothing more


def renderers_for_machine(web_processes: int = 1) -> int:
    """Render processes per web process: the machine's cores shared among web processes."""
    return max(1, min(4, (os.cpu_count() or 1) // max(1, web_processes)))


def pool_for(config: Mapping) -> RenderPool:
    """This process's pool for these settings (REPORT_* in the app configuration)."""
    size = int(config.get("REPORT_RENDERERS") or 0) or renderers_for_machine()
    settings = (
        size,
        int(config.get("REPORT_QUEUE") or 0) or size,
        float(config.get("REPORT_WAIT", 3.0)),
        float(config.get("REPORT_TIMEOUT", 20.0)),
        int(config.get("REPORT_RECYCLE_AFTER", 50)),
    )
    with _pools_lock:
        pool = _pools.get(settings)
        if pool is None:
            pool = _pools[settings] = RenderPool(*settings)
            if _stopping:
                pool.close()
        return pool


def stopping() -> bool:
    """True once close_all() ran (the server is stopping)."""
    return _stopping


@atexit.register  # before multiprocessing's own exit, which would wait for them
def close_all() -> None:
    """Stop the render processes of every pool in this process, for good: the pools stay
    registered, closed, so that a request or prefetch still running gets ServerStopping
    instead of starting a new render process while the server exits."""
    global _stopping
    with _pools_lock:
        _stopping = True
        pools = list(_pools.values())
    for pool in pools:
        pool.close()


class KeyedLocks:
    """One lock per key, so that two requests for the same report render it once while
    different reports render side by side."""

    def __init__(self) -> None:
        self._locks: dict[str, list] = {}  # key -> [lock, users]
        self._guard = threading.Lock()

    @contextlib.contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._guard:
            entry = self._locks.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        try:
            with entry[0]:
                yield
        finally:
            with self._guard:
                entry[1] -= 1
                if entry[1] == 0:
                    del self._locks[key]
