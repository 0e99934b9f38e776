"""Database models, one module per aggregate: data only, no behaviour."""
