"""Print typography: French no-break spaces (before : ; ? ! %, inside « »), quotes in quotes."""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, used before ; ? ! in French typesetting

_TEXT_NODE = re.compile(r">([^<]+)<")
_BEFORE_COLON = re.compile(r"[ \u00a0](?=:(?:\s|$|<))")
_BEFORE_PUNCT = re.compile(r"[ \u00a0](?=[;?!»])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0]")
_BEFORE_PERCENT = re.compile(r"(?<=\d) (?=%)")


def french_spacing_text(text: str) -> str:
    """Make the spaces French already has before : ; ? ! % » and after « unbreakable."""
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _BEFORE_PERCENT.sub(NBSP, text)
    text = _BEFORE_PUNCT.sub(NNBSP, text)
    return _AFTER_GUILLEMET.sub("«" + NNBSP, text)


def french_spacing_html(html: str) -> str:
    """Apply french_spacing_text to text between tags only (never to attributes or markup)."""
    return _TEXT_NODE.sub(lambda m: ">" + french_spacing_text(m.group(1)) + "<", html)


# Quotes inside a quoted label take the other kind, so that quotation marks never nest alike:
# « … “ … ” … » in French, “ … ‘ … ’ … ” in English.
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]*(.*?)[ \u00a0\u202f]*»")
_CURLY_DOUBLE = re.compile(r"“(.*?)”")
_STRAIGHT_DOUBLE = re.compile(r'"([^"]*)"')


def inner_quotes(text: str, locale: str) -> str:
    """A label to be quoted, its own quotation marks turned into the inner kind."""
    if locale == "fr":
        text = _GUILLEMETS.sub(r"“\1”", text)
        return _STRAIGHT_DOUBLE.sub(r"“\1”", text)
    text = _CURLY_DOUBLE.sub(r"‘\1’", _GUILLEMETS.sub(r"‘\1’", text))
    return _STRAIGHT_DOUBLE.sub(r"‘\1’", text)


def typeset(text: str, locale: str) -> str:
    """A finished sentence as the reader's language prints it (French spacing in French)."""
    return french_spacing_text(text) if locale == "fr" else text
