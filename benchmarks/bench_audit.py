"""Benchmark the audit log page and a person's data download on SQLite, with 50,000 events
in 20 organisations (2,500 each) and one person with 100 events about them.

Run: python benchmarks/bench_audit.py    Targets (p50): a log page < 50 ms, the download < 100 ms.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from _common import csrf, make_app, print_machine_reference, report, timed

PASSWORD = "Lapin-Bleu-Ciel-42"
RUNS = 100


def main() -> None:
    from roadmap.core.audit import AuditAction
    from roadmap.extensions import db
    from roadmap.models.audit import AuditEvent
    from roadmap.services import accounts, organisations

    print_machine_reference()
    app = make_app()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with app.app_context():
        orgs = [organisations.create_organisation(f"Organisation {n}").id for n in range(20)]
        boss = accounts.create("boss@example.org", password=PASSWORD)
        organisations.grant(boss.id, orgs[0], "manager")
        db.session.commit()
        rows = [
            {
                "at": start + timedelta(minutes=n),
                "action": AuditAction.MOVED.value,
                "organisation_id": orgs[n % 20],
                "actor_id": boss.id if n < 100 else 9_000 + n % 50,
                "actor_email": "boss@example.org" if n < 100 else f"p{n % 50}@example.org",
                "target_id": 10_000 + n % 500,
                "target_email": f"t{n % 500}@example.org",
                "detail": "Accueil → Jeunesse",
            }
            for n in range(50_000)
        ]
        db.session.execute(db.insert(AuditEvent), rows)
        db.session.commit()
        org = orgs[0]
    client = app.test_client()
    client.post(
        "/accounts/login",
        data={
            "csrf_token": csrf(client, "/accounts/login"),
            "email": "boss@example.org",
            "password": PASSWORD,
        },
    )
    first = f"/organisations/{org}/log"
    assert client.get(first).status_code == 200
    report("audit log, first page (2,500 events)", timed(lambda: client.get(first), RUNS, 5), 50)
    last = f"{first}?page=50"
    report("audit log, page 50", timed(lambda: client.get(last), RUNS, 5), 50)
    token = csrf(client, "/accounts/")

    def download():
        response = client.post("/accounts/data", data={"csrf_token": token})
        assert response.status_code == 200

    report("data download (100 events about the person)", timed(download, 30, 2), 100)


if __name__ == "__main__":
    main()
