"""The bounded PDF render pool: recycled processes, a time limit, a bounded waiting line."""

from __future__ import annotations

import gc
import os
import threading
import time

import pytest

from roadmap.report.pdf import WARM_UP_HTML
from roadmap.report.renderpool import (
    KeyedLocks,
    RenderBusy,
    RenderPool,
    RenderTimeout,
    pool_for,
    renderers_for_machine,
)


def test_reports_render_in_a_recycled_child_process():
    pool = RenderPool(size=1, waiting=0, wait=5, timeout=60, recycle_after=2)
    try:
        first_child = pool.call(os.getpid)
        assert first_child != os.getpid()
        assert pool.render(WARM_UP_HTML).startswith(b"%PDF")  # its 2nd task: it is replaced
        second_child = pool.call(os.getpid)
        assert second_child not in (first_child, os.getpid())
        # Collections run between reports, never in the middle of one.
        assert pool.call(gc.isenabled) is False
    finally:
        pool.close()
    assert pool.pids() == []


def test_a_render_over_the_time_limit_is_stopped_and_its_process_replaced():
    # The limit also covers a new process's warm-up, which takes longer on a loaded machine.
    pool = RenderPool(size=1, waiting=0, wait=5, timeout=3, recycle_after=50, func=time.sleep)
    try:
        stuck = pool.call(os.getpid)
        start = time.monotonic()
        with pytest.raises(RenderTimeout):
            pool.render(60)
        assert time.monotonic() - start < 10
        time.sleep(0.2)
        with pytest.raises(ProcessLookupError):
            os.kill(stuck, 0)  # the stuck process is gone
        assert pool.call(os.getpid) != stuck  # and the slot works again
    finally:
        pool.close()


def test_a_long_document_may_be_given_more_time_than_the_pool_limit():
    # The default covers a new process's start on a loaded machine (as above).
    pool = RenderPool(size=1, waiting=0, wait=5, timeout=3, recycle_after=50, func=time.sleep)
    try:
        pool.call(os.getpid)  # started and warm
        assert pool.render(4, timeout=30) is None  # slept 4 s, past the 3 s default
        with pytest.raises(RenderTimeout):
            pool.render(30)
    finally:
        pool.close()


def _blocking_pool(waiting: int, wait: float):
    release = threading.Event()
    started = threading.Event()

    def slow(_html):
        started.set()
        release.wait(10)
        return b"%PDF"

    # recycle_after=0 renders in the calling thread: any callable will do.
    return RenderPool(1, waiting, wait, 10, 0, func=slow), started, release


def test_a_full_pool_answers_busy_at_once_instead_of_queueing_without_end():
    pool, started, release = _blocking_pool(waiting=0, wait=5)
    holder = threading.Thread(target=pool.render, args=("a",))
    holder.start()
    assert started.wait(5)
    start = time.monotonic()
    with pytest.raises(RenderBusy) as busy:
        pool.render("b")
    assert time.monotonic() - start < 0.5
    assert busy.value.retry_after > 0
    release.set()
    holder.join(5)
    assert pool.render("c") == b"%PDF"


def test_a_waiting_request_gives_up_after_the_wait():
    pool, started, release = _blocking_pool(waiting=1, wait=0.3)
    holder = threading.Thread(target=pool.render, args=("a",))
    holder.start()
    assert started.wait(5)
    start = time.monotonic()
    with pytest.raises(RenderBusy):
        pool.render("b")
    assert 0.25 < time.monotonic() - start < 2
    release.set()
    holder.join(5)


def test_the_pool_is_sized_to_the_machine_and_the_settings():
    cores = os.cpu_count() or 1
    assert renderers_for_machine(1) == max(1, min(4, cores))
    assert renderers_for_machine(64) == 1
    pool = pool_for({"REPORT_RENDERERS": 3, "REPORT_RECYCLE_AFTER": 0})
    assert pool.size == 3
    assert pool_for({"REPORT_RENDERERS": 3, "REPORT_RECYCLE_AFTER": 0}) is pool


def test_keyed_locks_serialise_one_key_only():
    locks = KeyedLocks()
    done = []

    def take(key: str) -> None:
        with locks.hold(key):
            done.append(key)

    with locks.hold("a"):
        same, other = (
            threading.Thread(target=take, args=("a",)),
            threading.Thread(target=take, args=("b",)),
        )
        same.start()
        other.start()
        other.join(2)
        same.join(0.2)
        assert done == ["b"]  # another report is not held up; the same one waits
    same.join(2)
    assert done == ["b", "a"]
    assert locks._locks == {}  # nothing kept once no one holds a key


def test_harfbuzz_subset_is_installed_in_ci():
    """roadmap.syslibs warns at start-up when it is missing (tests/web/test_serve.py); CI, which
    installs it, must have it: without it every report costs about 0.1 s more."""
    import os

    import pytest

    from roadmap import syslibs

    if os.environ.get("CI") != "true":
        pytest.skip("checked in CI, where .ci/run installs libharfbuzz-subset0")
    assert not [p for p in syslibs.optional_problems() if "libharfbuzz-subset0" in p]


def test_closing_stops_a_render_in_flight_as_server_stopping_and_starts_no_more():
    from roadmap.report.renderpool import ServerStopping

    pool = RenderPool(size=1, waiting=1, wait=5, timeout=60, recycle_after=50, func=time.sleep)
    pool.call(os.getpid)  # the process is up
    raised = []

    def render():
        try:
            pool.render(30)
        except Exception as exc:  # noqa: BLE001 - the kind is what is checked
            raised.append(exc)

    thread = threading.Thread(target=render)
    thread.start()
    time.sleep(0.5)
    pool.close()
    thread.join(timeout=10)
    # Not a failed report: the server is stopping (a 503 "busy, try again", logged as nothing).
    assert [type(exc) for exc in raised] == [ServerStopping]
    with pytest.raises(ServerStopping):
        pool.call(os.getpid)
    assert pool.pids() == []
