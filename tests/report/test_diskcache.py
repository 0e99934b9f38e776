"""The PDF cache shared by the web processes: files by owner and digest, evicted, forgotten."""

import os
import subprocess
import sys
import time

from roadmap.report.diskcache import DiskReportCache


def test_two_caches_on_one_folder_share_their_pdfs(tmp_path):
    folder = tmp_path / "cache"
    one, other = DiskReportCache(folder, 10, 3600), DiskReportCache(folder, 10, 3600)
    one.put("abc", b"%PDF-1", "7")
    assert other.get("abc", "7") == b"%PDF-1" and other.hits == 1
    assert other.get("abc", "8") is None  # another assessment's
    assert folder.stat().st_mode & 0o777 == 0o700  # the PDFs hold what people wrote


def test_oldest_and_stale_files_are_evicted(tmp_path):
    cache = DiskReportCache(tmp_path / "c", 2, 3600)
    for index, key in enumerate(("a", "b", "c")):
        cache.put(key, b"pdf", "1")
        os.utime(cache._path(key, "1"), (time.time() - 100 + index, time.time() - 100 + index))
    cache.evict()
    assert [cache.get(k, "1") for k in "abc"] == [None, b"pdf", b"pdf"]
    assert cache.evict(now=time.time() + 7200) == 2  # not served for two hours: gone
    assert not list((tmp_path / "c").iterdir())


def test_forget_removes_only_the_deleted_assessments_pdfs(tmp_path):
    cache = DiskReportCache(tmp_path, 10, 3600)
    for owner in ("1", "12", "2"):
        cache.put("k", b"pdf", owner)
    assert cache.forget(["1", "2"]) == 2
    assert cache.get("k", "12") == b"pdf" and cache.get("k", "1") is None


def test_a_render_in_flight_in_another_process_is_waited_for(tmp_path):
    """A second process asking for a PDF that a first one is rendering waits for its file."""
    folder = tmp_path / "cache"
    script = (
        "import sys, time\n"
        "from roadmap.report.diskcache import DiskReportCache\n"
        "cache = DiskReportCache(sys.argv[1], 10, 3600)\n"
        "with cache.rendering('k', '7') as held:\n"
        "    print(held, flush=True)\n"
        "    time.sleep(0.6)\n"
        "    cache.put('k', b'%PDF-other', '7')\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True
    ) as other:
        assert other.stdout.readline().strip() == "True"  # the other process holds the lock
        cache = DiskReportCache(folder, 10, 3600)
        start = time.monotonic()
        with cache.rendering("k", "7", timeout=30) as held:
            waited = time.monotonic() - start
            assert held and cache.get("k", "7") == b"%PDF-other"  # its file, no second render
        assert waited > 0.3
    assert not list(folder.glob("*.lock"))  # each holder removes its lock file


def test_a_lock_held_too_long_is_given_up_and_a_dead_holders_lock_is_free(tmp_path):
    one, other = DiskReportCache(tmp_path, 10, 3600), DiskReportCache(tmp_path, 10, 3600)
    with one.rendering("k", "1") as held:
        assert held
        start = time.monotonic()
        with other.rendering("k", "1", timeout=0.2) as also:
            assert also is False  # the caller renders anyway rather than wait for ever
        assert 0.15 < time.monotonic() - start < 5
        with other.rendering("j", "1", timeout=0.2) as different:
            assert different  # another report renders side by side
    # A process killed while rendering: the kernel drops its lock with its file descriptor.
    script = (
        "import os, sys\n"
        "from roadmap.report.diskcache import DiskReportCache\n"
        "with DiskReportCache(sys.argv[1], 10, 3600).rendering('d', '1'):\n"
        "    os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=False, timeout=60)
    assert (tmp_path / "1-d.lock").exists()  # its file stays behind, but not its lock
    with one.rendering("d", "1", timeout=0.2) as held:
        assert held
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=False, timeout=60)
    assert one.evict(now=time.time() + 7200) == 1  # an hour later, eviction removes the file
    assert not list(tmp_path.glob("*.lock"))
