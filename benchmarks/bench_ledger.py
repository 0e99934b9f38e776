"""Benchmark the manager's readiness ledger: an organisation of 200 teams and 2,000 submitted
assessments (10 per team, over three years), through the test client.

Run: python benchmarks/bench_ledger.py [--database-url postgresql+psycopg://…/db] [--runs 30]
Target (p50): the ledger page < 150 ms. The given database is emptied first (SQLite: a
temporary file). Also times a team page (trends) and the organisation PDF (once, warm).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from _common import print_machine_reference, report, timed

from roadmap import create_app
from roadmap.core.questionnaire import ItemKind

TEAMS, PER_TEAM = 200, 10
if "--small" in sys.argv:  # for profiling: the same teams, fewer assessments each
    PER_TEAM = 2
PASSWORD = "Lapin-Bleu-Ciel-42"


def _empty(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        meta = sa.MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
    engine.dispose()


def _answers(q, rng: random.Random) -> dict:
    answers = {}
    for item in q.items.values():
        if item.kind is ItemKind.RATED:
            answers[item.id] = rng.choice([1, 2, 3, 4, 5, 3, 4, "dont_know"])
        elif item.kind is ItemKind.CHOICE and item.options:
            answers[item.id] = rng.choice(item.options).id
    return answers


def build(app) -> int:
    """The organisation, its manager, 200 teams and 2,000 assessments; returns its id."""
    from roadmap.extensions import db
    from roadmap.models.assessment import Assessment
    from roadmap.services import accounts, assessments, organisations

    rng = random.Random(16)
    with app.app_context():
        q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
        org = organisations.create_organisation("Ville de Banc-d'Essai")
        manager = accounts.create("chef@example.org", password=PASSWORD)
        organisations.grant(manager.id, org.id, "manager")
        db.session.commit()
        start = datetime.now(UTC) - timedelta(days=3 * 365)
        for t in range(TEAMS):
            team = organisations.create_team(org, f"Équipe {t + 1:03d}")
            previous = None
            for n in range(PER_TEAM):
                a = assessments.create(q, "fr", f"Service {t}", "manager", previous=previous)
                assessments.save(a, _answers(q, rng))
                assessments.submit(a)
                a.team_id, a.owner_id = team.id, manager.id
                a.submitted_at = start + timedelta(days=n * 100 + rng.randint(0, 60))
                previous = a
            db.session.commit()
        total = db.session.scalar(sa.select(sa.func.count()).select_from(Assessment))
        assert total == TEAMS * PER_TEAM
        return org.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="cProfile one ledger page")
    parser.add_argument("--no-pdf", action="store_true", help="skip the organisation PDF")
    parser.add_argument("--small", action="store_true", help="2 assessments per team")
    parser.add_argument(
        "--reuse", action="store_true", help="time the organisation a previous run built there"
    )
    args = parser.parse_args()
    print_machine_reference()
    folder = Path(tempfile.mkdtemp())
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    if args.database_url and not args.reuse:
        _empty(url)
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "REPORT_CACHE_DIR": str(folder / "report-cache"),
            "REPORT_PREFETCH": False,
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
            "ACCESS_LOG": False,
            "REPORT_RECYCLE_AFTER": 0,  # render in this process, without the render timeout
            "PASSWORD_HASH_PARAMETERS": {"time_cost": 1, "memory_cost": 64, "parallelism": 1},
        }
    )
    began = time.perf_counter()
    if args.reuse:
        with app.app_context():
            from roadmap.extensions import db
            from roadmap.models.organisation import Organisation

            org = db.session.scalar(
                sa.select(Organisation.id).where(Organisation.name.like("Ville de Banc%"))
            )
    else:
        org = build(app)
    print(f"{url.split(':')[0]}: {TEAMS} teams, {TEAMS * PER_TEAM} assessments built in "
          f"{time.perf_counter() - began:.0f} s")  # fmt: skip
    client = app.test_client()
    response = client.post(
        "/accounts/login", data={"email": "chef@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302, response.status_code

    def ledger():
        assert client.get(f"/organisations/{org}/ledger").status_code == 200

    def team():
        assert client.get(f"/organisations/{org}/teams/{first_team}").status_code == 200

    with app.app_context():
        from roadmap.services import organisations

        first_team = organisations.get(org).teams[0].id
    if args.profile:
        import cProfile
        import pstats

        ledger()
        profile = cProfile.Profile()
        profile.runcall(ledger)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    cpu: list[float] = []

    def ledger_cpu():
        began = time.process_time()
        ledger()
        cpu.append(time.process_time() - began)

    report("ledger page (200 teams, 2,000 assessments)", timed(ledger_cpu, args.runs, 3), 150)
    # On a shared machine wall time moves with the others' load; this process's CPU time
    # (the page's own work; the database server's is not counted) moves far less.
    print(f"{'':<44} CPU p50 {statistics.median(cpu[3:]) * 1000:8.2f} ms")
    report("team page (10 assessments, trends)", timed(team, args.runs, 3), 150)

    def pdf():
        assert client.get(f"/organisations/{org}/ledger.pdf").status_code == 200

    if not args.no_pdf:
        report("organisation PDF (200 teams)", timed(pdf, 1, 0), 5000)
    with app.app_context():
        from roadmap.extensions import db

        db.engine.dispose()


if __name__ == "__main__":
    main()
