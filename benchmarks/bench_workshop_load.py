"""Workshop load: N simulated participants join a workshop by its code and answer its sections
through `roadmap serve --workers W` on loopback, while a facilitator view and a projector view
poll the live data (ETag) every 2.5 s; errors, lost answers (counted in the database
afterwards), answer POST p95 and live-data p95, beside the machine's load average.

    python benchmarks/bench_workshop_load.py                      # SQLite, 300 participants
    python benchmarks/bench_workshop_load.py --database postgresql+psycopg://postgres@127.0.0.1:5432/test_paper
    python benchmarks/bench_workshop_load.py --runs 3             # median of three runs

Targets (issue 17): all within 5 minutes, 0 errors, 0 lost answers, answer POST p95 < 300 ms,
live-data p95 < 100 ms. Rate limits are off for the served app (everyone is 127.0.0.1).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_load import (  # noqa: E402 (the load benchmark's client and server helpers)
    CSRF,
    Stats,
    lost_answers,
    page_answers,
    questionnaire,
    request,
    reset,
    start_server,
)

TOKEN = re.compile(r"/assessment/([\w-]+)")
POST_TARGET_MS, LIVE_TARGET_MS, WITHIN_S = 300, 100, 300
ROLES = ["front line", "manager", "partner"]
TRAINER, PASSWORD = "formatrice@example.org", "load-benchmark-password"


def make_workshop(url: str, sections: list[str]) -> tuple[int, int, str]:
    """An organisation, its trainer and an open workshop, written straight to the database
    the server has migrated: (organisation id, workshop id, join code)."""
    from roadmap import create_app
    from roadmap.content.catalogue import default_questionnaire
    from roadmap.core.permissions import Role
    from roadmap.extensions import db
    from roadmap.models.workshop import WorkshopState
    from roadmap.services import accounts, organisations, workshops

    app = create_app({"SECRET_KEY": "load-benchmark-secret", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        org = organisations.create_organisation("Ville de Laval")
        user = accounts.create(TRAINER, password=PASSWORD)
        organisations.grant(user.id, org.id, Role.TRAINER)
        made = workshops.create(
            org, user, title="Atelier de charge", q=default_questionnaire(), sections=sections,
            languages=["fr", "en"], k=5, role_tags=ROLES,
        )  # fmt: skip
        workshops.set_state(made, WorkshopState.OPEN)
        result = (org.id, made.id, made.code)
        db.session.remove()
        db.engine.dispose()
    return result


async def participant(base, code, sections, stats, rng, think):
    """One phone: join with the code, a language and a role, every section, then submit."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def pause():
            await asyncio.sleep(rng.uniform(*think))

        page = await request(client, stats, "join page", "GET", f"/join/{code}", 200)
        if page is None:
            return
        csrf = CSRF.search(page.text).group(1)
        await pause()
        form = {"csrf_token": csrf, "language": rng.choice(["fr", "en"]), "role": rng.choice(ROLES)}
        joined = await request(client, stats, "join POST", "POST", f"/join/{code}", 302, data=form)
        if joined is None:
            return
        token = TOKEN.search(joined.headers["Location"]).group(1)
        stats.tokens.append(token)
        for section in sections:
            url = f"/assessment/{token}/step/{section.id}"
            if not await request(client, stats, "page", "GET", url, 200):
                return
            await pause()
            answers = page_answers(section, rng)
            data = {"csrf_token": csrf, "action": "next", **answers}
            if not await request(client, stats, "answer POST", "POST", url, 302, data=data):
                return
            stats.confirmed[token] += len(answers)
        check = f"/assessment/{token}/check"
        if not await request(client, stats, "page", "GET", check, 200):
            return
        if await request(
            client, stats, "submit POST", "POST", check, 302, data={"csrf_token": csrf}
        ):
            stats.submitted.add(token)


async def poller(base, org, wid, view, stats, stop, every):
    """The trainer's laptop (facilitator) or the projector: signed in, polling with ETags."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        page = await client.get("/accounts/login")
        csrf = CSRF.search(page.text).group(1)
        form = {"csrf_token": csrf, "email": TRAINER, "password": PASSWORD}
        if (await client.post("/accounts/login", data=form)).status_code != 302:
            stats.errors.append("trainer could not sign in")
            return
        url = f"/workshops/{org}/{wid}/live" + ("?view=projector" if view == "projector" else "")
        etag = None
        while not stop.is_set():
            headers = {"If-None-Match": etag} if etag else {}
            start = time.perf_counter()
            try:
                response = await client.get(url, headers=headers)
            except httpx.HTTPError as exc:
                stats.errors.append(f"live: {type(exc).__name__}")
            else:
                kind = "live 304" if response.status_code == 304 else "live 200"
                stats.times[kind].append(time.perf_counter() - start)
                stats.times["live"].append(time.perf_counter() - start)
                if response.status_code not in (200, 304):
                    stats.errors.append(f"live: HTTP {response.status_code}")
                etag = response.headers.get("ETag", etag)
            await asyncio.sleep(every)


async def load(base, org, wid, code, sections, args):
    stats = Stats()
    rng = random.Random(args.seed)
    stop = asyncio.Event()
    think = (args.think_min, args.think_max)
    pollers = [
        asyncio.create_task(poller(base, org, wid, view, stats, stop, args.poll))
        for view in ("facilitator", "projector")
    ]

    async def person(i):
        await asyncio.sleep(args.ramp * i / args.users)  # the room joins over the ramp
        await participant(base, code, sections, stats, random.Random(rng.random()), think)

    await asyncio.gather(*(person(i) for i in range(args.users)))
    stop.set()
    await asyncio.gather(*pollers)
    return stats


def one_run(args, url) -> dict:
    reset(url)
    q = questionnaire()
    wanted = args.sections.split(",")
    sections = [s for s in q.sections if s.id in wanted]
    server, base = start_server(url, args.workers, args.threads, False)
    try:
        org, wid, code = make_workshop(url, wanted)
        load_before = os.getloadavg()[0]
        begin, cpu = time.perf_counter(), time.process_time()
        stats = asyncio.run(
            asyncio.wait_for(load(base, org, wid, code, sections, args), args.max_seconds)
        )
        elapsed = time.perf_counter() - begin
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    row = {
        "elapsed s": elapsed,
        "participants": len(stats.tokens),
        "submitted": len(stats.submitted),
        "errors": len(stats.errors),
        "lost answers": lost_answers(url, q, stats),
        "answer POST p50": stats.p("answer POST", 0.5),
        "answer POST p95": stats.p("answer POST", 0.95),
        "join POST p95": stats.p("join POST", 0.95),
        "live p50": stats.p("live", 0.5),
        "live p95": stats.p("live", 0.95),
        "live 200 p95": stats.p("live 200", 0.95),
        "live polls": len(stats.times["live"]),
        "load1 before": load_before,
        "load1 after": load_after[0],
        "load5 after": load_after[1],
        "client cpu s": time.process_time() - cpu,
    }
    if stats.errors:
        print("  errors:", sorted(set(stats.errors))[:10])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--sections", default="relations,compass")
    parser.add_argument(
        "--ramp", type=float, default=60.0, help="seconds over which the room joins"
    )
    parser.add_argument("--think-min", type=float, default=5.0, help="pause between pages, s")
    parser.add_argument("--think-max", type=float, default=20.0)
    parser.add_argument("--poll", type=float, default=2.5, help="live views poll every … s")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--max-seconds", type=float, default=600, help="stop a run after this")
    args = parser.parse_args()
    if args.users > 1000 or args.runs > 10:
        raise SystemExit("bounded: at most 1000 participants and 10 runs")
    url = args.database or "sqlite:///" + str(Path(tempfile.mkdtemp()) / "workshop-load.db")
    print(
        f"{args.users} participants, sections {args.sections}, {args.workers} workers x "
        f"{args.threads} threads, joining over {args.ramp:g} s, pauses "
        f"{args.think_min:g}-{args.think_max:g} s, live polls every {args.poll:g} s, "
        f"{url.split('://')[0]}, {os.cpu_count()} CPUs"
    )
    rows = []
    for number in range(args.runs):
        row = one_run(args, url)
        rows.append(row)
        print(f"run {number + 1}: " + ", ".join(f"{k} {v:.1f}" for k, v in row.items()))
    median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print("median: " + ", ".join(f"{k} {v:.1f}" for k, v in median.items()))
    ok = (
        median["errors"] == 0
        and median["lost answers"] == 0
        and median["submitted"] == args.users
        and median["elapsed s"] < WITHIN_S
        and median["answer POST p95"] < POST_TARGET_MS
        and median["live p95"] < LIVE_TARGET_MS
    )
    print(
        "verdict:", "ok" if ok else "TARGET MISSED",
        f"(all within {WITHIN_S} s, 0 errors, 0 lost, answer POST p95 < {POST_TARGET_MS} ms,"
        f" live p95 < {LIVE_TARGET_MS} ms)",
    )  # fmt: skip


if __name__ == "__main__":
    main()
