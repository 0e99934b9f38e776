"""The organisation report PDF (200 teams, 2,000 assessments, as bench_ledger builds them)
against a plain reference document with the same words, tables, SVG and page count, rendered by
the same WeasyPrint in the same process: the individual report's comparison
(bench_report_reference.py) applied to the organisation report.

Run: python benchmarks/bench_organisation_reference.py [--database-url postgresql+psycopg://…]
     [--reuse] [--pairs 5] [--save FILE.html]
Target: warm report <= 1.10x the reference (median of the ratios of A/B pairs, order alternated),
in wall time and in CPU time; when the machine is shared, trust the CPU time. Also prints the
report's own render time against the render pool's limit (REPORT_TIMEOUT, 20 s).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from _common import print_machine_reference
from bench_ledger import _empty, build
from bench_report_reference import warm_ratio

from roadmap import create_app
from roadmap.report import pdf


def organisation_report(url: str, reuse: bool, locale: str) -> str:
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "REPORT_CACHE_DIR": str(folder / "report-cache"),
            "REPORT_PREFETCH": False,
        }
    )
    with app.app_context():
        from roadmap.extensions import db
        from roadmap.models.organisation import Organisation
        from roadmap.report.organisation import organisation_html
        from roadmap.services import ledger, organisations

        if reuse:
            org = db.session.scalar(
                sa.select(Organisation.id).where(Organisation.name.like("Ville de Banc%"))
            )
        else:
            org = build(app)
        with app.test_request_context():
            html = organisation_html(ledger.ledger(organisations.get(org)), locale)
        db.engine.dispose()
    return html


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--reuse", action="store_true", help="the organisation bench_ledger built")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--locale", default="fr")
    parser.add_argument("--save", help="write the report's print HTML there")
    parser.add_argument("--html", help="time this saved print HTML (from --save) instead")
    args = parser.parse_args()
    print_machine_reference()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    if args.html:
        html = Path(args.html).read_text()
    else:
        if args.database_url and not args.reuse:
            _empty(url)
        html = organisation_report(url, args.reuse, args.locale)
    if args.save:
        Path(args.save).write_text(html)
    pdf.render_pdf(html)
    wall, cpu = time.perf_counter(), time.process_time()
    pdf.render_pdf(html)
    print(
        f"organisation report (200 teams), one warm render: {time.perf_counter() - wall:.2f} s "
        f"wall, {time.process_time() - cpu:.2f} s CPU (render pool limit 20 s)"
    )
    warm_ratio(html, args.pairs)


if __name__ == "__main__":
    main()
