"""The workshop group report against a plain reference document of the same size (words,
tables, SVG, page count), rendered by the same WeasyPrint in the same process: the speed rule
of the individual report, relative to its size (see bench_report_reference.py).

A workshop of the CoSIE questionnaire, every section, 60 participants in three roles, one
re-vote and agreed scores. Also writes the report and its pages as PNG to test-artifacts/.

Run: python benchmarks/bench_workshop_report.py [--pairs 20] [--people 60]
Target: report <= 1.10x the reference (median of the ratios of A/B pairs)."""

from __future__ import annotations

import argparse
import random
import subprocess

from _common import ROOT, make_app, print_machine_reference
from bench_report_reference import warm_ratio
from bench_workshop_live import answers


def build(people: int) -> str:
    from roadmap.extensions import db
    from roadmap.models.assessment import Answer, Assessment
    from roadmap.models.organisation import Organisation
    from roadmap.models.workshop import RevoteAnswer, WorkshopState
    from roadmap.report.workshop_report import workshop_html
    from roadmap.services import consensus, workshops

    app = make_app()
    rnd = random.Random(17)
    with app.test_request_context():
        q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
        organisation = Organisation(name="Bench")
        db.session.add(organisation)
        db.session.commit()
        workshop = workshops.create(
            organisation, None, title="Atelier de Laval, cohorte d’automne", q=q,
            sections=[s.id for s in q.sections], languages=["fr", "en"],
            role_tags=["front line", "manager", "partner"],
        )  # fmt: skip
        workshops.set_state(workshop, WorkshopState.OPEN)
        ids = []
        for n in range(people):
            a = Assessment(
                token=f"bench-{n}", questionnaire_id=q.id, questionnaire_version=q.version,
                locale="fr", workshop_id=workshop.id,
                workshop_role=rnd.choice(["front line", "manager", "partner"]),
            )  # fmt: skip
            db.session.add(a)
            db.session.flush()
            ids.append(a.id)
            db.session.add_all(
                Answer(assessment_id=a.id, item_id=k, value=str(v))
                for k, v in answers(q, rnd).items()
            )
        db.session.commit()
        _counts, version = workshops.counts_and_version(workshop)
        group = workshops.reading(workshop, version)
        item = group.agenda[0].item_id if group.agenda else next(iter(group.items))
        revote = consensus.open_revote(workshop, item)
        db.session.add_all(
            RevoteAnswer(revote_id=revote.id, assessment_id=i, value=rnd.choice("3445"))
            for i in ids
        )
        db.session.commit()
        consensus.close_revote(workshop)
        consensus.record_agreement(
            workshop, f"item:{item}", 4, "La salle s’accorde sur 4 après discussion.",
            "Quelques personnes restent à 2.",
        )  # fmt: skip
        first_dim = q.dimensions[0].id
        consensus.record_agreement(workshop, f"dimension:{first_dim}", 55, "Un bon départ.", None)
        _counts, version = workshops.counts_and_version(workshop)
        group = workshops.reading(workshop, version)
        import datetime

        return workshop_html(
            workshop, q, group, consensus.rounds(workshop), consensus.agreements(workshop),
            workshops.people_answers(workshop, version), "fr", datetime.date(2026, 12, 2),
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--people", type=int, default=60)
    args = parser.parse_args()
    print_machine_reference()
    html = build(args.people)
    from roadmap.report import pdf

    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "workshop-report-cosie.pdf").write_bytes(pdf.render_pdf(html))
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(out / "workshop-report-cosie.pdf"),
         str(out / "workshop-report-cosie")],
        check=True,
    )  # fmt: skip
    warm_ratio(html, args.pairs)


if __name__ == "__main__":
    main()
