"""Load: N simulated people do the whole journey (home, start, every wizard step, check,
results) at once against `roadmap serve --workers W` on loopback; errors, lost answers
(counted in the database) and p50/p95 per kind of request.

    python benchmarks/bench_load.py                       # SQLite, 300 users, 2 workers
    python benchmarks/bench_load.py --database postgresql+psycopg://postgres@127.0.0.1:5432/test_sec
    python benchmarks/bench_load.py --runs 3              # median of three runs

Rate limits are switched off for the served app (every simulated user comes from 127.0.0.1).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TOKEN = re.compile(r"/assessment/([\w-]+)/created")
REFLECTION = "Nous voulons associer les familles dès la conception du service."
TARGET_MS = 500


def questionnaire():
    from roadmap.content.loader import load_directory
    from roadmap.paths import QUESTIONNAIRES

    return next(q for q in load_directory(QUESTIONNAIRES) if q.id == "cosie-readiness")


def page_answers(section, rng: random.Random) -> dict[str, str]:
    """What one person posts on one wizard page: every question answered."""
    from roadmap.core.questionnaire import ItemKind

    data = {}
    for item in section.items:
        if item.kind is ItemKind.RATED:
            data[item.id] = str(rng.randint(1, 5))
        elif item.kind is ItemKind.CHOICE:
            data[item.id] = rng.choice(item.options).id
        else:
            data[item.id] = REFLECTION
    return data


class Stats:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.tokens: list[str] = []
        self.confirmed: dict[str, int] = defaultdict(int)  # answers the server said it saved
        self.submitted: set[str] = set()

    def p(self, kind: str, q: float) -> float:
        runs = sorted(self.times[kind])
        return runs[min(len(runs) - 1, int(len(runs) * q))] * 1000 if runs else float("nan")


async def request(client, stats, kind, method, url, expect, **kwargs):
    start = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        stats.errors.append(f"{kind}: {type(exc).__name__}")
        return None
    stats.times[kind].append(time.perf_counter() - start)
    if response.status_code != expect:
        stats.errors.append(f"{kind}: HTTP {response.status_code}")
        return None
    return response


async def journey(base, q, stats, rng, think, limits):
    """One person, in their own browser (cookies), with pauses between pages."""
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def pause():
            await asyncio.sleep(rng.uniform(*think))

        if not await request(client, stats, "first page", "GET", "/", 200):
            return
        page = await request(client, stats, "page", "GET", "/assessment/start", 200)
        if page is None:
            return
        csrf = CSRF.search(page.text).group(1)
        await pause()
        form = {"csrf_token": csrf, "service_name": "Charge", "role": "manager", "language": "fr"}
        created = await request(
            client, stats, "start POST", "POST", "/assessment/start", 302, data=form
        )
        if created is None:
            return
        token = TOKEN.search(created.headers["Location"]).group(1)
        stats.tokens.append(token)
        for section in q.sections:
            url = f"/assessment/{token}/step/{section.id}"
            if not await request(client, stats, "page", "GET", url, 200):
                return
            await pause()
            answers = page_answers(section, rng)
            data = {"csrf_token": csrf, "action": "next", **answers}
            if not await request(client, stats, "step POST", "POST", url, 302, data=data):
                return
            stats.confirmed[token] += len(answers)
        check = f"/assessment/{token}/check"
        if not await request(client, stats, "page", "GET", check, 200):
            return
        await pause()
        submit = {"csrf_token": csrf}
        if not await request(client, stats, "check POST", "POST", check, 302, data=submit):
            return
        stats.submitted.add(token)
        await request(client, stats, "results", "GET", f"/results/{token}", 200)


async def load(base, users, ramp, think, seed):
    q = questionnaire()
    stats = Stats()
    rng = random.Random(seed)
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    async def person(i):
        await asyncio.sleep(ramp * i / users)  # arrivals spread over the ramp
        await journey(base, q, stats, random.Random(rng.random()), think, limits)

    await asyncio.gather(*(person(i) for i in range(users)))
    return q, stats


def lost_answers(url, q, stats) -> int:
    """Answers and reflections (and submissions) the server confirmed (302) but that are
    missing from the database. A refused page (an error) is counted as an error, not here."""
    from roadmap.models.assessment import Answer, Assessment, Reflection

    engine = sa.create_engine(url)
    missing = 0
    stored = {}
    with engine.connect() as conn:
        for model in (Answer, Reflection):
            query = (
                sa.select(Assessment.token, sa.func.count())
                .join(model, model.assessment_id == Assessment.id)
                .group_by(Assessment.token)
            )
            for token, count in conn.execute(query):
                stored[token] = stored.get(token, 0) + count
        submitted = set(
            conn.scalars(sa.select(Assessment.token).where(Assessment.status == "submitted"))
        )
    for token, confirmed in stats.confirmed.items():
        missing += max(0, confirmed - stored.get(token, 0))
    missing += len(stats.submitted - submitted)  # a confirmed "submit" that did not stick
    engine.dispose()
    return missing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url, workers, threads, prefetch) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "ROADMAP_DATABASE_URL": url,
        "ROADMAP_SECRET_KEY": "load-benchmark-secret",
        "ROADMAP_RATELIMIT_ENABLED": "false",
        "ROADMAP_REPORT_PREFETCH": "true" if prefetch else "false",
    }
    command = [sys.executable, "-m", "roadmap.cli", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def reset(url: str) -> None:
    """Start from an empty schema (the server migrates it at start-up)."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        meta = sa.MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def one_run(args, url) -> dict:
    reset(url)
    server, base = start_server(url, args.workers, args.threads, args.prefetch)
    try:
        begin = time.perf_counter()
        q, stats = asyncio.run(
            asyncio.wait_for(
                load(base, args.users, args.ramp, (args.think_min, args.think_max), args.seed),
                timeout=args.max_seconds,
            )
        )
        elapsed = time.perf_counter() - begin
    finally:
        server.terminate()
        server.wait(timeout=30)
    lost = lost_answers(url, q, stats)
    requests = sum(len(v) for v in stats.times.values())
    row = {
        # What else loads the machine: the figures mean little above the number of cores.
        "load average x100": os.getloadavg()[0] * 100,
        "elapsed s": elapsed,
        "requests": requests,
        "errors": len(stats.errors),
        "lost answers": lost,
        "finished": len(stats.tokens),
    }
    for kind in ("first page", "page", "start POST", "step POST", "check POST", "results"):
        row[f"{kind} p50"] = stats.p(kind, 0.5)
        row[f"{kind} p95"] = stats.p(kind, 0.95)
    if stats.errors:
        print("  errors:", sorted(set(stats.errors))[:10])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--ramp", type=float, default=30.0, help="seconds over which users arrive")
    parser.add_argument("--think-min", type=float, default=3.0, help="pause between pages, s")
    parser.add_argument("--think-max", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-prefetch", dest="prefetch", action="store_false")
    parser.add_argument("--max-seconds", type=float, default=600, help="stop a run after this")
    args = parser.parse_args()
    if args.users > 1000 or args.runs > 10:
        raise SystemExit("bounded: at most 1000 users and 10 runs")
    url = args.database or "sqlite:///" + str(Path(tempfile.mkdtemp()) / "load.db")
    print(
        f"{args.users} users, {args.workers} workers x {args.threads} threads, "
        f"arrivals over {args.ramp:g} s, pauses {args.think_min:g}-{args.think_max:g} s, "
        f"prefetch {'on' if args.prefetch else 'off'}, {url.split('://')[0]}"
    )
    rows = []
    for number in range(args.runs):
        row = one_run(args, url)
        rows.append(row)
        print(f"run {number + 1}: " + ", ".join(f"{k} {v:.0f}" for k, v in row.items()))
    median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print("median: " + ", ".join(f"{k} {v:.0f}" for k, v in median.items()))
    # Errors and lost answers count in every run, not in the median one.
    ok = (
        max(r["errors"] for r in rows) == 0
        and max(r["lost answers"] for r in rows) == 0
        and median["first page p95"] < TARGET_MS
        and median["step POST p95"] < TARGET_MS
    )
    print(
        "verdict:",
        "ok" if ok else "TARGET MISSED",
        f"(0 errors and 0 lost in every run, median p95 < {TARGET_MS} ms)",
    )


if __name__ == "__main__":
    main()
