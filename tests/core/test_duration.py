"""The completion-time estimate: computed from the questionnaire's own words and questions."""

from roadmap.core.duration import Duration, estimate, reading_words, words


def test_words_counts_elisions_and_hyphens_as_one():
    assert words("Nous n’écoutons guère les non-usagers.") == 5
    assert words("We go where people are.") == 5


def test_the_tiny_questionnaire_is_short(tiny):
    shown, help_words = reading_words(tiny, "en")
    # 2 titles, 9 statements and questions, 13 option labels, guidance, the scale per page.
    assert 60 < shown < 150 and help_words == 5
    result = estimate(tiny, "en")
    assert result == Duration(low=5, high=5, reflections=5, questions=9, words=result.words)


def test_more_to_read_takes_longer(tiny):
    longer_help = tiny.model_copy(
        update={
            "sections": tuple(
                s.model_copy(
                    update={
                        "items": tuple(
                            i.model_copy(
                                update={"text": i.text.model_copy(update={"en": "word " * 400})}
                            )
                            for i in s.items
                        )
                    }
                )
                for s in tiny.sections
            )
        }
    )
    before, after = estimate(tiny, "en"), estimate(longer_help, "en")
    assert after.words > before.words + 3000
    assert after.low > before.low and after.high >= after.low


def test_french_reads_slower_than_english(tiny):
    assert estimate(tiny, "fr").words > 0
    from roadmap.core.duration import READING_WPM

    assert READING_WPM["fr"][0] < READING_WPM["en"][0]
