"""Blueprints, one per user-facing area: thin views that parse, call a service, render."""
