"""Benchmark the pure core: scoring one assessment, aggregating 1,000 assessments of 50+ items.

Run: python benchmarks/bench_core.py    Targets: scoring < 1 ms, aggregation < 50 ms.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from _common import print_machine_reference, report, timed

from roadmap.content.loader import load_file
from roadmap.core.aggregate import aggregate
from roadmap.core.answers import AnswerSet, parse_answer_document
from roadmap.core.questionnaire import ItemKind
from roadmap.core.results import analyse
from roadmap.core.scoring import score

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    print_machine_reference()
    q, problems = load_file(ROOT / "questionnaires" / "cosie-readiness.yaml")
    assert not problems, problems
    doc = json.loads((ROOT / "examples" / "mixed-team.json").read_text())
    answer_set, _ = parse_answer_document(q, doc)
    rated = [i for i in q.items.values() if i.kind is ItemKind.RATED]
    print(
        f"questionnaire {q.id} v{q.version}: {len(rated)} rated items, "
        f"{len(q.dimensions)} dimensions, {len(q.recommendations)} recommendations"
    )

    report("score one assessment", timed(lambda: score(q, answer_set), 2000), 1)
    report(
        "score + recommend + highlights (analyse)", timed(lambda: analyse(q, answer_set), 2000), 1
    )

    rnd = random.Random(1)
    group = [
        AnswerSet(
            q.id,
            q.version,
            "fr",
            {i.id: rnd.choice([1, 2, 3, 4, 5, 3, 4, "dont_know", "not_applicable"]) for i in rated},
        )
        for _ in range(1000)
    ]
    report(
        f"aggregate 1,000 assessments of {len(rated)} items",
        timed(lambda: aggregate(q, group), 30),
        50,
    )


if __name__ == "__main__":
    main()
