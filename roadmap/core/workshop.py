"""Workshop rules that need no database: join codes, and a questionnaire cut to the sections a
workshop covers (so the wizard, progress and scoring see only those)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .questionnaire import Questionnaire

# No 0/O, 1/I/L: a code read off a projector or typed on a phone cannot be misread.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def make_code(choice: Callable[[str], str]) -> str:
    """A join code, each character drawn by `choice` (secrets.choice in the service)."""
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """The code someone typed, in capitals without spaces or dashes; None if it cannot be one."""
    code = "".join(ch for ch in (text or "").upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


_NARROWED: dict[tuple[int, tuple[str, ...]], tuple[Questionnaire, Questionnaire]] = {}


def sections_only(q: Questionnaire, section_ids: Sequence[str]) -> Questionnaire:
    """`q` with only the sections listed (in questionnaire order); the same object when that
    is every section. Cached: the catalogue's questionnaires live as long as the app."""
    wanted = tuple(s.id for s in q.sections if s.id in set(section_ids))
    if len(wanted) == len(q.sections) or not wanted:
        return q
    key = (id(q), wanted)
    found = _NARROWED.get(key)
    if found is None or found[0] is not q:
        narrowed = q.model_copy(update={"sections": tuple(s for s in q.sections if s.id in wanted)})
        narrowed.model_post_init(None)  # rebuild the item indexes for the sections kept
        found = _NARROWED[key] = (q, narrowed)
    return found[1]
