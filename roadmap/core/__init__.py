"""The pure domain: questionnaire, scoring, power-sharing, recommendations, aggregation, charts.

Nothing here imports Flask, SQLAlchemy or WeasyPrint; tests/core/test_purity.py checks it.
"""
