"""Benchmark a workshop's live data for 1,000 responses to the whole CoSIE questionnaire.

Run: python benchmarks/bench_workshop_live.py    Target: the group reading < 100 ms (p50).

Measured: (1) the pure group reading (every person read by the honest-reading rules, then
bands, distributions, agenda, roles); (2) what a live poll that finds something new costs on
a SQLite database: the counts-and-version query, loading the answers, the reading and the
panel's HTML; (3) a poll that finds nothing new (the version query only, answered 304)."""

from __future__ import annotations

import random
import time

from _common import (
    ROOT,  # noqa: E402  (after the roadmap imports, like the other benchmarks)
    make_app,
    print_machine_reference,
    report,
    timed,
)

from roadmap.content.loader import load_file
from roadmap.core.answers import AnswerSet
from roadmap.core.group import group_reading
from roadmap.core.questionnaire import ItemKind

PEOPLE = 1000
ROLES = ("front line", "manager", "partner", None)


def cpu_timed(fn, repeat: int) -> list[float]:
    """CPU seconds of this process per call: on a machine shared with other jobs, wall time
    also counts the time spent waiting for a core."""
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        runs.append(time.process_time() - start)
    return runs


def answers(q, rnd: random.Random) -> dict:
    values = {}
    for item in q.items.values():
        if item.kind is ItemKind.RATED:
            values[item.id] = rnd.choice([1, 2, 3, 4, 5, 3, 4, "dont_know", "not_applicable"])
            if item.precondition and values[item.id] == "not_applicable":
                values[item.id] = 3
        elif item.kind is ItemKind.CHOICE:
            values[item.id] = rnd.choice([o.id for o in item.options] + ["dont_know"])
    return values


def main() -> None:
    print_machine_reference()
    q, problems = load_file(ROOT / "questionnaires" / "cosie-readiness.yaml")
    assert not problems, problems
    rnd = random.Random(17)
    people = [
        (AnswerSet(q.id, q.version, "fr", answers(q, rnd)), rnd.choice(ROLES))
        for _ in range(PEOPLE)
    ]
    report(
        f"group reading, {PEOPLE:,} people x {len(q.items)} items",
        timed(lambda: group_reading(q, people, 5), 30, 2),
        100,
    )
    # CPU time of the same work: on a machine shared with other jobs, wall time also counts
    # the time spent waiting for a core.
    report(
        "  the same, CPU time of this process",
        cpu_timed(lambda: group_reading(q, people, 5), 30),
        100,
    )
    _through_the_app(people)


def _through_the_app(people) -> None:
    from flask import render_template

    from roadmap.extensions import db
    from roadmap.models.assessment import Answer, Assessment, utcnow
    from roadmap.models.organisation import Organisation
    from roadmap.report.workshop import live_context
    from roadmap.services import workshops

    app = make_app()
    with app.test_request_context():
        q = app.extensions["roadmap.catalogue"].get("cosie-readiness")
        organisation = Organisation(name="Bench")
        db.session.add(organisation)
        db.session.commit()
        workshop = workshops.create(
            organisation, None, title="Bench", q=q, sections=[s.id for s in q.sections],
            languages=["fr", "en"], role_tags=["front line", "manager", "partner"],
        )  # fmt: skip
        for n, (answer_set, role) in enumerate(people):
            a = Assessment(
                token=f"bench-{n}", questionnaire_id=q.id, questionnaire_version=q.version,
                locale="fr", workshop_id=workshop.id, workshop_role=role,
            )  # fmt: skip
            db.session.add(a)
            db.session.flush()
            db.session.add_all(
                Answer(assessment_id=a.id, item_id=k, value=str(v))
                for k, v in answer_set.answers.items()
            )
        db.session.commit()

        def fresh_poll():
            workshops._READINGS.clear()  # as after a new answer: nothing cached
            _counts, version = workshops.counts_and_version(workshop)
            group = workshops.reading(workshop, version)
            context = live_context(workshop, q, group, "fr", projector=False)
            render_template("workshops/_live.html", counts=_counts, **context)

        def cold_poll():
            workshops._ANSWERS.clear()  # a process that has loaded nothing yet
            fresh_poll()

        def one_new_answer():
            # One participant saves a page: only that person's answers are loaded again.
            a = db.session.get(Assessment, 1)
            a.updated_at = utcnow()
            db.session.commit()
            fresh_poll()

        report("first poll of a process: all answers (SQLite)", timed(cold_poll, 5, 1), 300)
        report("poll after one new answer (SQLite)", timed(one_new_answer, 10, 1), 300)
        report("  the same, CPU time of this process", cpu_timed(one_new_answer, 10), 300)
        report(
            "poll with no news: the version query (SQLite)",
            timed(lambda: workshops.counts_and_version(workshop), 50, 2),
            10,
        )


if __name__ == "__main__":
    main()
