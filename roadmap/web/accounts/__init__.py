"""The accounts blueprint: sign in and out, sign up from an invitation, passwords, claiming,
and one's data rights (download, deletion)."""

# Data rights live in their own module; importing it registers its routes on the blueprint.
from . import rights as rights  # noqa: F401
