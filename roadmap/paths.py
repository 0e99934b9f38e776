"""Where the content folders are: inside the package when installed from a wheel, else the repo."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def content_dir(name: str) -> Path:
    """`templates`, `static` or `questionnaires`, wherever this install keeps them."""
    bundled = PACKAGE_DIR / name
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / name


TEMPLATES = content_dir("templates")
STATIC = content_dir("static")
QUESTIONNAIRES = content_dir("questionnaires")
MIGRATIONS = PACKAGE_DIR / "migrations"
TRANSLATIONS = PACKAGE_DIR / "translations"
