"""Questionnaire files <-> core: loading, validation messages, the catalogue of versions."""
