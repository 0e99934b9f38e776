"""The system libraries and fonts the PDF engine needs, checked before WeasyPrint is imported so
that a missing one is named by its Debian package, not by a traceback."""

from __future__ import annotations

import ctypes
import logging
import sys
from dataclasses import dataclass

log = logging.getLogger(__name__)
INSTALL_HINT = "deploy/install-system-packages.sh installs them all"


@dataclass(frozen=True)
class Need:
    """A shared library (by soname) or a font family, and the Debian package that provides it."""

    name: str
    package: str
    without: str = ""  # what goes wrong without an optional one


# What WeasyPrint opens at import (weasyprint/text/ffi.py); Debian 12 and Ubuntu package names.
LIBRARIES = (
    Need("libgobject-2.0.so.0", "libglib2.0-0"),
    Need("libpango-1.0.so.0", "libpango-1.0-0"),
    Need("libharfbuzz.so.0", "libharfbuzz0b"),
    Need("libfontconfig.so.1", "libfontconfig1"),
    Need("libpangoft2-1.0.so.0", "libpangoft2-1.0-0"),
)
OPTIONAL_LIBRARIES = (
    Need(
        "libharfbuzz-subset.so.0",
        "libharfbuzz-subset0",
        "fonts are subset with fontTools instead, about 0.1 s more per PDF report",
    ),
)
FONTS = (
    Need("DejaVu Sans", "fonts-dejavu-core", "PDF reports are set in another font"),
    Need(
        "Noto Color Emoji",
        "fonts-noto-color-emoji",
        "emoji typed into an assessment print as empty boxes in PDF reports",
    ),
)


class MissingSystemLibrary(Exception):
    """A library WeasyPrint cannot work without is not installed."""


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(needs: tuple[Need, ...] | None = None) -> list[Need]:
    """The libraries of `needs` (by default the required ones) that the loader cannot open."""
    return [need for need in (LIBRARIES if needs is None else needs) if not _loads(need.name)]


def require() -> None:
    """Raise MissingSystemLibrary, with a one-line message naming the Debian packages to
    install, if a library WeasyPrint needs is missing. Checked on Linux only, where the
    library names are known; elsewhere WeasyPrint's own message is left to speak."""
    if not sys.platform.startswith("linux"):
        return
    missing = missing_libraries()
    if missing:
        names = ", ".join(need.name for need in missing)
        packages = " ".join(dict.fromkeys(need.package for need in missing))
        raise MissingSystemLibrary(
            f"Roadmap cannot start: missing system library {names}; "
            f"install the Debian package(s): apt-get install {packages} ({INSTALL_HINT})"
        )


class _FontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.c_void_p)]


def font_families_present(families: list[str]) -> set[str]:
    """Which of `families` fontconfig (what WeasyPrint uses to find fonts) knows."""
    fc = ctypes.CDLL("libfontconfig.so.1")
    fc.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fc.FcNameParse.restype = ctypes.c_void_p
    fc.FcNameParse.argtypes = [ctypes.c_char_p]
    fc.FcObjectSetCreate.restype = ctypes.c_void_p
    fc.FcObjectSetAdd.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    fc.FcFontList.restype = ctypes.POINTER(_FontSet)
    fc.FcFontList.argtypes = [ctypes.c_void_p] * 3
    for name in ("FcFontSetDestroy", "FcPatternDestroy", "FcObjectSetDestroy", "FcConfigDestroy"):
        getattr(fc, name).argtypes = [ctypes.c_void_p]
    config = fc.FcInitLoadConfigAndFonts()
    objects = fc.FcObjectSetCreate()
    fc.FcObjectSetAdd(objects, b"family")
    present = set()
    for family in families:
        pattern = fc.FcNameParse(family.encode())
        fonts = fc.FcFontList(config, pattern, objects)
        if fonts and fonts.contents.nfont > 0:
            present.add(family)
        fc.FcFontSetDestroy(fonts)
        fc.FcPatternDestroy(pattern)
    fc.FcObjectSetDestroy(objects)
    fc.FcConfigDestroy(config)
    return present


def optional_problems() -> list[str]:
    """One sentence per missing optional library or font: what to install, what it changes."""
    if not sys.platform.startswith("linux"):
        return []
    problems = [
        f"optional system library {need.name} not found (Debian package {need.package}): "
        f"{need.without}"
        for need in missing_libraries(OPTIONAL_LIBRARIES)
    ]
    if _loads("libfontconfig.so.1"):
        present = font_families_present([need.name for need in FONTS])
        problems += [
            f"font {need.name!r} not found (Debian package {need.package}): {need.without}"
            for need in FONTS
            if need.name not in present
        ]
    return problems


def warn_optional() -> list[str]:
    """Log a start-up warning for each missing optional library or font; return them."""
    problems = optional_problems()
    for problem in problems:
        log.warning(problem)
    return problems
