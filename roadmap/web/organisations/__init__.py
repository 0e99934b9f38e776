"""The organisations blueprint: a manager's teams, people and invitations, the audit log."""

# People and the log live in their own modules; importing them registers their routes.
from . import log as log  # noqa: F401
from . import people as people  # noqa: F401
