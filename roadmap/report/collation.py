"""Sorting titles as a reader looks them up: without leading articles, accents or case."""

from __future__ import annotations

import re
import unicodedata

# Articles a title may start with, per language; "l’" and "l'" are written without a space.
ARTICLES = {
    "fr": ("le ", "la ", "les ", "l’", "l'", "un ", "une ", "des "),
    "en": ("the ", "a ", "an "),
}
_PUNCTUATION = re.compile(r"^[\s«»“”‘’\"'(]+")


def title_key(title: str, locale: str) -> str:
    """The key a title sorts under: "Un jury citoyen" under "jury citoyen", "Évaluer" under E."""
    text = _PUNCTUATION.sub("", title.strip().casefold())
    for article in ARTICLES.get(locale, ()):
        if text.startswith(article) and len(text) > len(article):
            text = _PUNCTUATION.sub("", text[len(article) :])
            break
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))
