"""One's data rights: download everything stored about oneself (JSON), delete one's account."""

from __future__ import annotations

import json

from flask import Response, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...core.permissions import Action
from ...services import rights
from ...services.errors import Conflict, Forbidden
from ..forms import ActionForm
from ..permissions import requires
from ..signin import sign_out
from .forms import DeleteAccountForm
from .views import _page, bp


@bp.post("/data")
@requires(Action.USE_ACCOUNT)
def data():
    if not ActionForm().validate_on_submit():
        abort(400)
    body = json.dumps(rights.export(current_user.user), ensure_ascii=False, indent=2)
    response = Response(body + "\n", mimetype="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="roadmap-my-data.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/delete", methods=["GET", "POST"])
@requires(Action.USE_ACCOUNT)
def delete():
    user = current_user.user
    form = DeleteAccountForm()
    context = {"owned": rights.owned(user), "last_admin": rights.last_admin(user)}
    if form.validate_on_submit():
        try:
            rights.delete_account(
                user, form.password.data, keep_assessments=form.assessments.data == "keep"
            )
        except Forbidden:
            form.password.errors = [_("Your password is not right.")]
            return _page("accounts/delete.html", form, **context)
        except Conflict:  # the page says why: the installation's only administrator
            return _page("accounts/delete.html", form, **context)[0], 409
        sign_out()
        flash(_("Your account has been deleted. You are signed out."), "deleted")
        return redirect(url_for("home.index"))
    return _page("accounts/delete.html", form, **context)
