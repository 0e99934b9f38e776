"""What the report says about an assessment besides its results: the date in the reader's
language, the service name shortened at a word, and the download's file name."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from babel.dates import format_date

# The app's English is international: day, month, year ("1 December 2026"), not the US order
# that Babel's plain "en" gives ("December 1, 2026").
DATE_LOCALES = {"en": "en_GB", "fr": "fr_FR"}
ELLIPSIS = "…"


def long_date(value: date | datetime | None, locale: str) -> str:
    """The date as the reader's language writes it in full: "1 décembre 2026", "1 December 2026"."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, "long", locale=DATE_LOCALES.get(locale, locale))


def clip_words(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with an ellipsis when cut.

    A first word longer than the limit (a name typed without spaces) is cut inside it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = room.rsplit(" ", 1)[0] if " " in room else room[:-1]
    return cut.rstrip(" ,;:.-–—·") + ELLIPSIS


def _slug_words(text: str) -> list[str]:
    # Accents are folded ("à" → "a") rather than dropped, so French names stay readable.
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [word for word in re.split(r"[^a-z0-9]+", folded) if word]


def report_filename(
    service_name: str | None, locale: str, day: date | datetime | None, limit: int = 40
) -> str:
    """The download's name: report, service name cut at a word, ISO date, e.g.
    `rapport-cocreation-soutien-a-domicile-2026-12-01.pdf`."""
    parts = ["rapport-cocreation" if locale == "fr" else "co-creation-report"]
    slug = ""
    for word in _slug_words(service_name or ""):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > limit:
            slug = slug or word[:limit]  # one very long word: cut inside it
            break
        slug = longer
    if slug:
        parts.append(slug)
    if day is not None:
        parts.append((day.date() if isinstance(day, datetime) else day).isoformat())
    return "-".join(parts) + ".pdf"
