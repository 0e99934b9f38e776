"""The PDF report against a plain reference document with the same words, tables, SVG and
page count, rendered by the same WeasyPrint in the same process; then the first report of a new
render process against its warm ones.

The reference prints what the report prints: its body's words as plain paragraphs (list items
with their markers, "– " or "1. ", as text), its tables with plain cells, its SVG as they are,
and the report's running header and "Page n / N" footer in the page margins, in the same faces
(DejaVu Sans and DejaVu Sans Bold), at a font size that gives it the report's page count.

Run: python benchmarks/bench_report_reference.py [--pairs 20]
Targets: warm report <= 1.10x the reference (median of the ratios of A/B pairs, their order
alternated); first report after a start and after each render-process replacement <= 1.2x a
warm one. Ratios, not milliseconds: this machine runs up to 2x slower when it is shared. The warm
ratio is given in wall time and in CPU time; when the machine is shared, trust the CPU time.
"""

from __future__ import annotations

import argparse
import gc
import html as htmllib
import io
import os
import re
import statistics
import time

from _common import make_app, print_machine_reference, submitted_assessment
from pypdf import PdfReader
from weasyprint import CSS, HTML

from roadmap.report import documents, pdf
from roadmap.report.renderpool import RenderPool
from roadmap.services import assessments
from roadmap.services import reports as report_service
from roadmap.services import results as results_service

KEPT = re.compile(r"<svg\b.*?</svg>|<table\b.*?</table>", re.S)
BLOCK_END = re.compile(r"</(p|h[1-6]|li|dt|dd|div|blockquote|figcaption|section)>|<br\s*/?>")
TAG = re.compile(r"<[^>]+>")
ATTRS = re.compile(r"<(t[hdr]|caption|thead|tbody|table)\b[^>]*>")
REFERENCE_CSS = """@page {{ size: A4; margin: 20mm 17mm 18mm;
  @top-left {{ content: "{header}"; font-size: 8pt; }}
  @bottom-right {{ content: "{page} " counter(page) " / " counter(pages); font-size: 8pt; }} }}
@page :first {{ @top-left {{ content: none; }} }}
html {{ font-family: "DejaVu Sans", sans-serif; font-size: {size}pt; line-height: 1.4; }}
p {{ margin: 0 0 2mm; }} table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #999; padding: 1mm; text-align: left; vertical-align: top; }}
svg {{ width: 82mm; height: auto; }}"""


def report_and_app():
    app = make_app()
    token = submitted_assessment(app.test_client())
    with app.test_request_context():
        assessment, q = assessments.by_token(token, 365)
        results = results_service.analyse(assessment, q)
        meta = report_service.meta_of(assessment)
        return documents.report_html(results, meta, assessment.locale), app


LIST = re.compile(r"<(ul|ol)\b[^>]*>(.*?)</\1>", re.S)
MARGIN = re.compile(r'<span class="(running-title|page-label)">(.*?)</span>', re.S)


def _markers(match: re.Match) -> str:
    """A list's items with their markers as text, as the report prints them."""
    items = re.split(r"<li\b[^>]*>", match[2])[1:]
    if match[1] == "ol":
        return "".join(f"<li>{n}. {item}" for n, item in enumerate(items, 1))
    return "".join(f"<li>– {item}" for item in items)


def margin_texts(report: str) -> dict[str, str]:
    """The running header and page label the report prints in its margins, as CSS strings."""
    texts = {name: htmllib.unescape(text) for name, text in MARGIN.findall(report)}

    def css_string(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"')

    return {"header": css_string(texts["running-title"]), "page": css_string(texts["page-label"])}


def reference_html(report: str) -> str:
    """The report's words as plain paragraphs, its tables (plain cells) and SVG as they are; the
    margins' words are in the reference's stylesheet (margin_texts)."""
    head = report[: report.index("<body>")]
    body = report[report.index("<body>") + 6 : report.index("</body>")]
    body = MARGIN.sub("", body)
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        block = match[0]
        if block.startswith("<table"):
            block = ATTRS.sub(r"<\1>", re.sub(r"<colgroup>.*?</colgroup>", "", block, flags=re.S))
        kept.append(block)
        return f"\n\n\x00{len(kept) - 1}\x00\n\n"

    text = TAG.sub(" ", BLOCK_END.sub("\n\n", LIST.sub(_markers, KEPT.sub(keep, body))))
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = " ".join(chunk.split())
        if re.fullmatch(r"\x00\d+\x00", chunk):
            out.append(kept[int(chunk.strip("\x00"))])
        elif chunk:
            out.append(f"<p>{chunk}</p>")
    return f"{head}<body>{''.join(out)}</body></html>"


def render_reference(html: str, css: CSS) -> bytes:
    document = HTML(string=html, url_fetcher=pdf.StaticOnlyFetcher())
    rendered = document.render(
        pdf_variant="pdf/ua-1", stylesheets=[css], font_config=pdf._font_config()
    )
    return rendered.write_pdf(pdf_variant="pdf/ua-1")


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def matched_reference(report: str, target_pages: int) -> tuple[str, CSS, float]:
    """The reference and a font size that gives it the report's page count."""
    html = reference_html(report)
    margins = margin_texts(report)
    low, high = 6.0, 16.0
    for _ in range(12):
        size = (low + high) / 2
        css = CSS(
            string=REFERENCE_CSS.format(size=round(size, 2), **margins),
            font_config=pdf._font_config(),
        )
        count = pages(render_reference(html, css))
        if count == target_pages:
            return html, css, size
        low, high = (size, high) if count < target_pages else (low, size)
    raise SystemExit(f"no font size gives the reference {target_pages} pages")


def warm_ratio(report: str, pairs: int) -> None:
    report_pages = pages(pdf.render_pdf(report))
    html, css, size = matched_reference(report, report_pages)
    for _ in range(3):
        pdf.render_pdf(report), render_reference(html, css)
    gc.collect()
    gc.freeze()
    gc.disable()  # as in the render process: collections between renders, never during one

    def timed(fn) -> tuple[float, float]:
        """Wall time and this process's CPU time: the CPU time counts only the render's own
        work, so it is far less disturbed when other processes share the cores."""
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        elapsed = time.perf_counter() - wall, time.process_time() - cpu
        gc.collect()
        return elapsed

    runs: dict[str, list[tuple[float, float]]] = {"a": [], "b": []}
    for index in range(pairs):
        order = [("a", lambda: pdf.render_pdf(report)), ("b", lambda: render_reference(html, css))]
        for name, fn in order if index % 2 else order[::-1]:
            runs[name].append(timed(fn))
    gc.enable()
    gc.unfreeze()
    print(
        f"warm report against the reference ({report_pages} pages each, reference at "
        f"{size:.2f}pt), {pairs} A/B pairs"
    )
    for clock, label in ((0, "wall time"), (1, "CPU time ")):
        a = [run[clock] for run in runs["a"]]
        b = [run[clock] for run in runs["b"]]
        ratios = [x / y for x, y in zip(a, b, strict=True)]
        ratio = statistics.median(ratios)
        print(
            f"  {label}: report p50 {statistics.median(a) * 1000:.0f} ms, reference "
            f"{statistics.median(b) * 1000:.0f} ms; median of pair ratios {ratio:.3f} "
            f"(min {min(ratios):.3f}, max {max(ratios):.3f})   target <= 1.10: "
            f"{'ok' if ratio <= 1.10 else 'NOT MET'}"
        )


def first_ratios(report: str, app, samples: tuple[str, ...], label: str) -> None:
    """A render process's first report, after a start and after replacements, against the
    warm ones of the same process."""
    recycle = 8
    pool = RenderPool(1, 1, 60, 120, recycle)
    pool.samples = samples
    firsts, warm = [], []
    try:
        for _ in range(3):  # a start, then two replacements
            pool.call(os.getpid)  # waits for the new process's warm-up (a person is slower)
            for index in range(recycle - 1):
                start = time.perf_counter()
                pool.render(report)
                (warm if index else firsts).append(time.perf_counter() - start)
            # The next call's process was started after the last task: a replacement.
    finally:
        pool.close()
    p50 = statistics.median(warm)
    shown = ", ".join(f"{f / p50:.2f}x" for f in firsts)
    worst = max(firsts) / p50
    print(
        f"first report of a render process, {label}: {shown} a warm one (p50 {p50 * 1000:.0f}"
        f" ms)   target <= 1.2: {'ok' if worst <= 1.2 else 'NOT MET'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20)
    args = parser.parse_args()
    print_machine_reference()
    report, app = report_and_app()
    with app.test_request_context():
        from roadmap.report.warmup import sample_reports

        samples = sample_reports()
    warm_ratio(report, args.pairs)
    first_ratios(report, app, samples, "warmed up on real reports")
    first_ratios(report, app, (), "warmed up on the small document (before)")


if __name__ == "__main__":
    main()
