"""What each part of the PDF report costs: the render time saved by leaving one part out.

Run: python benchmarks/bench_report_parts.py
Renders the mixed-team report in this process as the render process does (no garbage collection
in the middle of a render), with each chapter left out in turn, the variants interleaved so that
a slow moment of the machine does not fall on one of them. No target: it tells where to cut or
tune when the warm render target is missed.
"""

from __future__ import annotations

import gc
import re
import statistics
import time

from _common import make_app, print_machine_reference, submitted_assessment

from roadmap.report import documents as reports
from roadmap.report import pdf
from roadmap.services import assessments
from roadmap.services import reports as report_service
from roadmap.services import results as results_service

ROUNDS = 10
CHAPTER = re.compile(
    r'<section class="(?P<cls>[^"]*)"(?: aria-labelledby="(?P<id>\w+)")?.*?</section>', re.S
)


def report_html() -> str:
    app = make_app()
    token = submitted_assessment(app.test_client())
    with app.test_request_context():
        assessment, q = assessments.by_token(token, 365)
        results = results_service.analyse(assessment, q)
        return reports.report_html(results, report_service.meta_of(assessment), assessment.locale)


def variants(html: str) -> dict[str, str]:
    """The whole report, then the report without each chapter."""
    out = {"whole report": html}
    for chapter in CHAPTER.finditer(html):
        out[f"without {chapter['id'] or chapter['cls']}"] = html.replace(chapter[0], "")
    return out


def main() -> None:
    print_machine_reference()
    documents = variants(report_html())
    for html in documents.values():
        pdf.render_pdf(html)
    gc.collect()
    gc.freeze()
    gc.disable()
    runs: dict[str, list[float]] = {name: [] for name in documents}
    for _ in range(ROUNDS):
        for name, html in documents.items():
            start = time.perf_counter()
            pdf.render_pdf(html)
            runs[name].append(time.perf_counter() - start)
            gc.collect()
    whole = statistics.median(runs["whole report"])
    print(f"render in-process, p50 of {ROUNDS} interleaved rounds")
    for name, times in runs.items():
        p50 = statistics.median(times)
        saved = "" if name == "whole report" else f"   saves {(whole - p50) * 1000:5.1f} ms"
        print(f"{name:<28} p50 {p50 * 1000:6.1f} ms{saved}")


if __name__ == "__main__":
    main()
