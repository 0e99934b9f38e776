"""The password policy: length, the shipped list of common passwords, the e-mail address."""

import pytest

from roadmap.core.passwords import MIN_LENGTH, PasswordProblem, common_words, password_problems


def test_the_shipped_list_is_read_and_lower_case():
    words = common_words()
    assert len(words) > 1000
    assert {"password", "motdepasse", "azerty", "123456"} <= words
    assert all(word == word.lower() for word in words)


@pytest.mark.parametrize(
    "password",
    [
        "password1234",
        "MotDePasse2024!",
        "Soleil!!123456",
        "azertyuiop12",
        "qwertyuiopasdf",
        "123456789012",
        "abcabcabcabc",
        "zzzzzzzzzzzz",
        "!!!!!!!!!!!!",
        "0987654321098",
    ],
)
def test_common_passwords_are_refused(password):
    assert password_problems(password) == [PasswordProblem.COMMON]


@pytest.mark.parametrize(
    "password", ["Lapin-Bleu-Ciel-42", "correct horse battery", "MonChatEstRoux"]
)
def test_long_uncommon_passwords_pass(password):
    assert password_problems(password, "camille@example.org") == []


def test_length_limits():
    assert password_problems("x7#Kq" * 2) == [PasswordProblem.TOO_SHORT]
    assert len("x7#Kq" * 2) < MIN_LENGTH
    assert password_problems("x7#Kq" * 60) == [PasswordProblem.TOO_LONG]


def test_the_email_address_is_not_a_password():
    assert PasswordProblem.LIKE_EMAIL in password_problems(
        "jean.dupont-secret", "Jean.Dupont@example.org"
    )
    assert password_problems("camille@example.org", "camille@example.org") == [
        PasswordProblem.LIKE_EMAIL
    ]
