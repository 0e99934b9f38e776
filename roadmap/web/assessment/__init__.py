"""The self-assessment wizard blueprint: its views and forms."""

# Deletion lives in its own module; importing it registers its route on the blueprint.
from . import delete as delete  # noqa: F401
