"""Deleting an assessment from its private link, after a page that says what goes."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...services import actions, retention
from ..access import forget_results, with_assessment
from ..forms import ActionForm
from .views import bp


@bp.route("/<token>/delete", methods=["GET", "POST"])
@with_assessment()
def delete(assessment, q):
    form = ActionForm()
    if request.method == "GET":
        plan = len(actions.plan_of(assessment))
        page = "assessment/delete.html"
        return render_template(page, assessment=assessment, q=q, form=form, plan=plan)
    if not form.validate_on_submit():
        abort(400)
    forget_results(assessment.token)
    retention.delete(assessment, by=current_user.user)
    flash(_("Your assessment has been deleted. Its private link no longer works."), "deleted")
    return redirect(url_for("home.index"))
