"""The web layer: blueprints, forms, access, locale, errors and security headers."""
