"""Links go by e-mail through a real SMTP conversation on loopback, else back to the caller."""

from roadmap.services import accounts

from .smtp import smtp_server  # noqa: F401 (fixture)
from .test_accounts import link


def smtp_settings(app, host, port, **more):
    app.config.update(SMTP_HOST=host, SMTP_PORT=port, SMTP_SECURITY="none", **more)


def test_reset_link_is_emailed_in_both_languages(app, create_user, smtp_server):  # noqa: F811
    host, port, inbox = smtp_server
    user_id = create_user("camille@example.org")
    smtp_settings(app, host, port, SMTP_FROM="roadmap@ville.example")
    try:
        with app.app_context(), app.test_request_context():
            delivery = accounts.start_reset(accounts.get(user_id), link)
    finally:
        app.config.update(SMTP_HOST=None, SMTP_FROM=None)
    assert delivery.emailed and delivery.link is None
    (message,) = inbox.messages
    assert message["To"] == "camille@example.org"
    assert message["From"] == "roadmap@ville.example"
    body = message.get_content()
    assert "http://roadmap.test/reset/" in body
    assert "nouveau mot de passe" in message["Subject"] and "new password" in message["Subject"]
    assert "24" in body


def test_self_service_reset_mails_only_existing_accounts(app, create_user, smtp_server):  # noqa: F811
    host, port, inbox = smtp_server
    create_user("camille@example.org")
    smtp_settings(app, host, port)
    try:
        with app.app_context(), app.test_request_context():
            accounts.request_reset("nobody@example.org", link)
            accounts.request_reset("Camille@example.org", link)
    finally:
        app.config.update(SMTP_HOST=None)
    assert [m["To"] for m in inbox.messages] == ["camille@example.org"]


def test_an_unreachable_server_hands_the_link_back(app, create_user, caplog):
    user_id = create_user("camille@example.org")
    smtp_settings(app, "127.0.0.1", 9, SMTP_TIMEOUT=2)  # the discard port: nobody listens
    try:
        with app.app_context(), app.test_request_context():
            delivery = accounts.start_reset(accounts.get(user_id), link)
    finally:
        app.config.update(SMTP_HOST=None)
    assert not delivery.emailed and delivery.link.startswith("http://roadmap.test/reset/")
    token = delivery.link.rsplit("/", 1)[1]
    assert all(token not in record.getMessage() for record in caplog.records)
