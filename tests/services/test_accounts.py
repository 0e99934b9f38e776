"""Account use cases on the database: create, sign in, change and reset passwords, disable."""

from datetime import timedelta

import pytest
from factories import PASSWORD

from roadmap.core.passwords import PasswordProblem
from roadmap.extensions import db
from roadmap.models.account import PasswordReset, User
from roadmap.services import accounts
from roadmap.services.errors import Conflict, Forbidden, Invalid, NotFound

NEW = "Une-Autre-Phrase-77"


def link(token: str) -> str:
    return f"http://roadmap.test/reset/{token}"


def test_addresses_are_stored_in_lower_case_and_unique(app):
    with app.app_context():
        user = accounts.create("  Camille.Roy@Example.ORG ", password=PASSWORD)
        assert user.email == "camille.roy@example.org"
        assert user.password_hash.startswith("$argon2id$")
        with pytest.raises(Conflict):
            accounts.create("camille.roy@example.org")
        with pytest.raises(Invalid):
            accounts.create("not an address")


def test_a_refused_password_creates_nothing(app):
    with app.app_context():
        with pytest.raises(Invalid) as refused:
            accounts.create("a@example.org", password="motdepasse2024")
        assert refused.value.problems == [PasswordProblem.COMMON]
        db.session.rollback()
        assert accounts.everyone() == []


def test_authenticate_refuses_alike_and_records_the_sign_in(app, create_user):
    create_user("camille@example.org")
    create_user("off@example.org", active=False)
    with app.app_context():
        for email, password in [
            ("camille@example.org", "wrong-password-123"),
            ("nobody@example.org", PASSWORD),
            ("off@example.org", PASSWORD),
            ("", ""),
        ]:
            with pytest.raises(Forbidden):
                accounts.authenticate(email, password)
        user = accounts.authenticate("CAMILLE@example.org", PASSWORD)
        assert user.last_login_at is not None


def test_session_ids_end_with_a_password_change(app, create_user):
    user_id = create_user("camille@example.org")
    with app.app_context():
        user = accounts.get(user_id)
        session_id = f"{user.id}.{user.session_epoch}"
        assert accounts.session_user(session_id) is user
        with pytest.raises(Forbidden):
            accounts.change_password(user, "wrong-password-123", NEW)
        with pytest.raises(Invalid):
            accounts.change_password(user, PASSWORD, "short")
        db.session.rollback()
        accounts.change_password(user, PASSWORD, NEW)
        assert accounts.session_user(session_id) is None
        assert accounts.authenticate(user.email, NEW) == user
        for bad in ("", "x", "1", "1.x", f"{user.id}", "999.0"):
            assert accounts.session_user(bad) is None


def test_reset_links_work_once_and_only_the_newest(app, create_user):
    user_id = create_user("camille@example.org")
    with app.app_context():
        user = accounts.get(user_id)
        first = accounts.start_reset(user, link)
        second = accounts.start_reset(user, link)
        assert not first.emailed and first.link.startswith("http://roadmap.test/reset/")
        old, token = first.link.rsplit("/", 1)[1], second.link.rsplit("/", 1)[1]
        with pytest.raises(NotFound):
            accounts.reset_target(old)
        stored = db.session.scalar(db.select(PasswordReset))
        assert stored.token_hash == accounts.token_hash(token) and token not in stored.token_hash
        assert accounts.reset_target(token) is user
        with pytest.raises(Invalid):
            accounts.reset_password(token, "password12345")
        db.session.rollback()
        accounts.reset_password(token, NEW)
        with pytest.raises(NotFound):
            accounts.reset_password(token, "Encore-Une-Phrase-88")
        assert accounts.authenticate("camille@example.org", NEW)


def test_lapsed_and_guessed_reset_links_are_not_found(app, create_user):
    user_id = create_user("camille@example.org")
    with app.app_context():
        delivery = accounts.start_reset(accounts.get(user_id), link)
        token = delivery.link.rsplit("/", 1)[1]
        stored = db.session.scalar(db.select(PasswordReset))
        stored.expires_at = stored.created_at - timedelta(seconds=1)
        db.session.commit()
        for guess in (token, accounts.new_token(), "", "x" * 500, "\x00"):
            with pytest.raises(NotFound):
                accounts.reset_target(guess)


def test_disabling_ends_sessions_and_sign_in(app, create_user):
    user_id = create_user("camille@example.org")
    with app.app_context():
        user = accounts.get(user_id)
        session_id = f"{user.id}.{user.session_epoch}"
        accounts.set_active("camille@example.org", False)
        assert accounts.session_user(session_id) is None
        with pytest.raises(Forbidden):
            accounts.authenticate("camille@example.org", PASSWORD)
        with pytest.raises(Conflict):
            accounts.start_reset(user, link)
        accounts.set_active("camille@example.org", True)
        assert accounts.authenticate("camille@example.org", PASSWORD)


def test_self_service_reset_without_smtp_makes_no_link(app, create_user):
    create_user("camille@example.org")
    with app.app_context():
        accounts.request_reset("camille@example.org", link)
        accounts.request_reset("nobody@example.org", link)
        assert db.session.scalar(db.select(db.func.count(PasswordReset.id))) == 0
        assert db.session.scalar(db.select(db.func.count(User.id))) == 1
