"""Database models, one module per aggregate: data only, no behaviour."""

# Every model is known to the metadata (migrations, table clean-up) once this package loads.
from . import account, action, assessment, audit, ledger, organisation, workshop  # noqa: F401
