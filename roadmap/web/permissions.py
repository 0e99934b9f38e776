"""Access per route: `@requires(Action.X)` loads the route's organisation and team, and asks
the core's permissions table whether the person signed in may do X to them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user

from ..core.permissions import Action, Resource, allowed, knows_of
from ..extensions import login_manager
from ..services import organisations

MARK = "roadmap_requires"


def requires(action: Action) -> Callable:
    """Declare what a view needs. Nobody signed in is sent to sign in; a resource of an
    organisation the person has nothing to do with is 404 (as if it did not exist), anything
    else refused is 403. The view gets `organisation` and `team` instead of their ids."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(**kwargs: Any):
            if action is not Action.PUBLIC and not current_user.is_authenticated:
                return login_manager.unauthorized()
            grants = current_user.grants
            resource = Resource()
            if "organisation_id" in kwargs:
                organisation_id = kwargs.pop("organisation_id")
                if not knows_of(grants, organisation_id):
                    abort(404)
                organisation = organisations.get(organisation_id)
                kwargs["organisation"] = organisation
                resource = Resource(organisation.id)
                if "team_id" in kwargs:
                    team = organisations.get_team(organisation, kwargs.pop("team_id"))
                    kwargs["team"] = team
                    resource = Resource(organisation.id, team.id)
            if not allowed(grants, action, resource):
                abort(403)
            return view(**kwargs)

        setattr(wrapper, MARK, action)
        return wrapper

    return decorate
