"""Turns the plain text of questionnaire files (headings, paragraphs, lists) into safe HTML."""

from __future__ import annotations

from markupsafe import Markup, escape

# "## " starts a heading one level below the page's title; "### " one level below that.
HEADINGS = {"## ": ("h2", "govuk-heading-m"), "### ": ("h3", "govuk-heading-s")}


def paragraphs(text: str) -> Markup:
    """Blank lines separate blocks; a line starting with "## " or "### " is a heading, and a
    block whose lines all start with "- " is a list; any other block is a paragraph."""
    html = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        while lines and lines[0].startswith(tuple(HEADINGS)):
            marker = "### " if lines[0].startswith("### ") else "## "
            tag, css = HEADINGS[marker]
            html.append(f'<{tag} class="{css}">{escape(lines.pop(0)[len(marker) :])}</{tag}>')
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:])}</li>" for line in lines)
            html.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        else:
            html.append(f'<p class="govuk-body">{escape(" ".join(lines))}</p>')
    return Markup("".join(html))
