"""Turns the plain text of questionnaire files (paragraphs, "- " lists) into safe HTML."""

from __future__ import annotations

from markupsafe import Markup, escape


def paragraphs(text: str) -> Markup:
    """Blank lines separate paragraphs; a block whose lines all start with "- " is a list."""
    html = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:])}</li>" for line in lines)
            html.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        else:
            html.append(f'<p class="govuk-body">{escape(" ".join(lines))}</p>')
    return Markup("".join(html))
