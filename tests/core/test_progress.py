"""Progress rules on the tiny questionnaire: section status and the share answered."""

from roadmap.core.answers import AnswerSet
from roadmap.core.progress import progress, section_status
from roadmap.core.status import SectionStatus


def answers(values=None, notes=None) -> AnswerSet:
    return AnswerSet("tiny", 2, "fr", dict(values or {}), dict(notes or {}))


def test_nothing_answered(tiny):
    assert set(section_status(tiny, answers()).values()) == {SectionStatus.NOT_STARTED}
    assert progress(tiny, answers()) == 0


def test_a_section_is_completed_without_its_optional_reflection(tiny):
    status = section_status(tiny, answers({"r1": 1, "r2": "dont_know", "r3": 5}))
    assert status["start"] is SectionStatus.COMPLETED
    assert status["compass"] is SectionStatus.NOT_STARTED


def test_a_reflection_alone_starts_a_section(tiny):
    status = section_status(tiny, answers(notes={"purpose_text": "Aller vers"}))
    assert status["start"] is SectionStatus.IN_PROGRESS


def test_blank_reflections_do_not_count(tiny):
    assert progress(tiny, answers(notes={"purpose_text": "   "})) == 0


def test_progress_counts_reflections_and_answers_alike(tiny):
    total = len(tiny.items)
    done = answers({"r1": 1, "e1": 2}, {"purpose_text": "x"})
    assert progress(tiny, done) == round(100 * 3 / total)
