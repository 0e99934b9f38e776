"""Paper forms typed in by the trainer, for participants without a phone: every item of the
workshop's sections on one page, checked like the wizard's pages."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms import SelectChoice

from ...core.permissions import Action
from ...services import workshop_results, workshops
from ...services.errors import Invalid
from ..assessment.views import form_errors
from ..locale import ui_locale
from ..permissions import requires
from .forms import paper_form_class
from .views import bp, with_workshop


@bp.route("/<int:organisation_id>/<int:workshop_id>/paper", methods=["GET", "POST"])
@requires(Action.RUN_WORKSHOP)
@with_workshop
def paper(organisation, workshop):
    q = workshops.questionnaire(workshop)
    form = paper_form_class(q, workshop.sections, ui_locale())()
    form.role.choices = [SelectChoice(t, t) for t in workshop.role_tags]
    page_errors: list[tuple[str, str]] = []
    if request.method == "POST" and form.validate_page(set(request.form)):
        try:
            workshop_results.type_in(workshop, ui_locale(), form.role.data, *form.answers())
        except Invalid as error:
            if "role" in error.problems:
                form.role.errors = [_("Choose the role written on the form.")]
            if workshop_results.NOTHING in error.problems:
                page_errors.append(("", _("This form has no answer: nothing was saved.")))
        else:
            flash(_("The paper form was saved and counts in the results."), "workshop")
            return redirect(
                url_for(".paper", organisation_id=organisation.id, workshop_id=workshop.id)
            )
    errors = form_errors(form) + page_errors
    errors += [("", message) for message in getattr(form, "page_errors", [])]
    page = render_template(
        "workshops/paper.html", organisation=organisation, workshop=workshop, q=q, form=form,
        errors=errors, typed_in=workshop_results.typed_in_count(workshop),
    )  # fmt: skip
    return page, 400 if request.method == "POST" else 200
