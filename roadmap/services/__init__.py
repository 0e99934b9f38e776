"""The service layer: database reads and writes for views and CLI; the only code that commits."""
