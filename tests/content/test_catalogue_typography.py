"""Every French translation already carries French spacing: the web pages print it as is."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from roadmap.report.typography import french_spacing_text

CATALOGUE = Path(__file__).parent.parent.parent / "roadmap/translations/fr/LC_MESSAGES/messages.po"


def test_french_translations_have_no_breaking_space_before_punctuation():
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    wrong = []
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wrong += [s for s in strings if s and french_spacing_text(s) != s]
    assert wrong == [], "run french_spacing_text over these msgstr"
