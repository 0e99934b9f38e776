"""The PDF cache shared by the web processes: files by owner and digest, evicted, forgotten."""

import os
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
