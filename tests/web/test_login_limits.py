"""Sign-in is rate-limited per account and per address, with its own translated 429 page."""

import pytest
from factories import PASSWORD

from tests.conftest import FAST_HASHING

from .variant_app import configured_app_fixture, post_page  # noqa: F401 (fixture)


def attempt(client, email, password="wrong-password-1", **kwargs):
    return post_page(client, "/accounts/login", {"email": email, "password": password}, **kwargs)


@pytest.fixture()
def limited(configured_app):
    def make(**limits):
        return configured_app(
            RATELIMIT_ENABLED=True,
            SERVER_NAME=None,
            PASSWORD_HASH_PARAMETERS=FAST_HASHING,
            TRUSTED_PROXIES=1,
            **limits,
        )

    return make


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "trop de tentatives de connexion à ce compte"),
        ("en", "too many attempts to sign in to this account"),
    ],
)
def test_one_account_is_paused_whatever_the_address(limited, create_user, lang, words):
    create_user("camille@example.org")
    app = limited(RATELIMIT_LOGIN_ACCOUNT="3 per minute", RATELIMIT_LOGIN="100 per minute")
    client = app.test_client()
    headers = {"Accept-Language": lang}
    for number in range(3):
        address = {"X-Forwarded-For": f"198.51.100.{number}", **headers}
        assert attempt(client, "camille@example.org", headers=address).status_code == 400
    refused = attempt(
        client,
        " CAMILLE@example.org",
        PASSWORD,
        headers={"X-Forwarded-For": "198.51.100.9", **headers},
    )
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) <= 60
    assert words in refused.get_data(as_text=True)
    # Another account from the same addresses still signs in.
    create_user("dominique@example.org")
    assert attempt(client, "dominique@example.org", PASSWORD, headers=headers).status_code == 302


def test_one_address_is_paused_whatever_the_account(limited):
    app = limited(RATELIMIT_LOGIN="2 per minute", RATELIMIT_LOGIN_ACCOUNT="100 per minute")
    client = app.test_client()
    here = {"X-Forwarded-For": "203.0.113.5"}
    assert attempt(client, "a@example.org", headers=here).status_code == 400
    assert attempt(client, "b@example.org", headers=here).status_code == 400
    assert attempt(client, "c@example.org", headers=here).status_code == 429
    assert (
        attempt(client, "c@example.org", headers={"X-Forwarded-For": "203.0.113.6"}).status_code
        == 400
    )
    assert client.get("/accounts/login", headers=here).status_code == 200  # reading is not limited
