"""The service layer: database reads and writes for the views and the CLI; the only place that commits."""
