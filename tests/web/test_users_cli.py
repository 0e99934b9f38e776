"""`roadmap users`: create the first administrator, list, disable, enable, reset."""

import re

from factories import PASSWORD

from roadmap.services import accounts

LINK = re.compile(r"https?://\S+/accounts/reset/([\w-]+)")


def test_create_an_administrator_prints_a_working_link(app, runner, client, post_form):
    result = runner.invoke(args=["users", "create", "--role", "admin", "Admin@Example.org"])
    assert result.exit_code == 0, result.output
    assert "created admin@example.org (administrator)" in result.output
    token = LINK.search(result.output).group(1)
    page = f"/accounts/reset/{token}"
    done = post_form(page, {"password": PASSWORD, "confirm": PASSWORD})
    assert done.status_code == 302
    with app.app_context():
        assert accounts.authenticate("admin@example.org", PASSWORD).admin


def test_create_with_a_typed_password(app, runner):
    typed = f"{PASSWORD}\n{PASSWORD}\n"
    result = runner.invoke(args=["users", "create", "--password", "b@example.org"], input=typed)
    assert result.exit_code == 0, result.output
    assert "/accounts/reset/" not in result.output
    with app.app_context():
        assert accounts.authenticate("b@example.org", PASSWORD)
    common = "motdepasse2024\nmotdepasse2024\n"
    refused = runner.invoke(args=["users", "create", "--password", "c@example.org"], input=common)
    assert refused.exit_code == 1 and "too common" in refused.output


def test_list_disable_enable_reset(app, runner, create_user):
    create_user("camille@example.org")
    assert "camille@example.org\t-\tactive" in runner.invoke(args=["users"]).output
    result = runner.invoke(args=["users", "disable", "CAMILLE@example.org"])
    assert result.exit_code == 0 and "disabled" in result.output
    assert "camille@example.org\t-\tdisabled" in runner.invoke(args=["users", "list"]).output
    assert runner.invoke(args=["users", "reset", "camille@example.org"]).exit_code == 1
    assert runner.invoke(args=["users", "enable", "camille@example.org"]).exit_code == 0
    reset = runner.invoke(args=["users", "reset", "camille@example.org"])
    assert reset.exit_code == 0 and LINK.search(reset.output)


def test_unknown_and_duplicate_addresses_are_errors(runner, create_user):
    create_user("camille@example.org")
    for args in (["reset", "nobody@example.org"], ["disable", "nobody@example.org"]):
        result = runner.invoke(args=["users", *args])
        assert result.exit_code == 1 and "No account" in result.output
    again = runner.invoke(args=["users", "create", "camille@example.org"])
    assert again.exit_code == 1 and "exists already" in again.output


def test_delete_an_account_keeps_or_deletes_its_assessments(app, runner, create_user):
    from roadmap.extensions import db
    from roadmap.models.account import User

    create_user("camille@example.org")
    create_user("admin@example.org", admin=True)
    asked = runner.invoke(args=["users", "delete", "camille@example.org"], input="n\n")
    assert asked.exit_code == 1 and "anonymised" in asked.output
    done = runner.invoke(args=["users", "delete", "--yes", "Camille@example.org"])
    assert done.exit_code == 0 and "deleted camille@example.org" in done.output
    last = runner.invoke(args=["users", "delete", "--yes", "admin@example.org"])
    assert last.exit_code == 1 and "only administrator" in last.output
    unknown = runner.invoke(args=["users", "delete", "--yes", "nobody@example.org"])
    assert unknown.exit_code == 1
    with app.app_context():
        assert [u.email for u in db.session.scalars(db.select(User))] == ["admin@example.org"]
