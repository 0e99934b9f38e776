"""An export table as a file: CSV that French and English Excel open as they are, XLSX
(XlsxWriter), and the download's name."""

from __future__ import annotations

import csv
import io
from datetime import date

import xlsxwriter

from ..core.exports import Table, neutralise
from .cover import _slug_words

# Excel opens a CSV by double-click with the list separator of the system's region: a
# semicolon wherever the decimal separator is a comma (French, Belgian, most of Europe), a
# comma in English-speaking regions. A semicolon is chosen (the app's default language is
# French; every other tool asks for the separator), and the UTF-8 byte-order mark makes Excel
# read accents right.
CSV_SEPARATOR = ";"
BOM = "\ufeff"


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def csv_bytes(table: Table) -> bytes:
    """The table as CSV: UTF-8 with a byte-order mark, semicolons, CRLF line ends; every text
    cell that a spreadsheet would run as a formula is neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([_csv_cell(v) for v in row] for row in table.rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(table: Table, sheet: str) -> bytes:
    """The table as one XLSX sheet. Text is written as text cells, never as formulas or links
    (XlsxWriter's write_string), numbers as numbers, dates as dates (yyyy-mm-dd)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": True})
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    ws = book.add_worksheet(sheet[:31])
    for col, name in enumerate(table.columns):
        ws.write_string(0, col, name, bold)
    ws.freeze_panes(1, 1)
    write_string, write_number = ws.write_string, ws.write_number
    for r, row in enumerate(table.rows, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                write_string(r, c, value)
            elif isinstance(value, bool | int | float):
                write_number(r, c, value)
            else:
                ws.write_datetime(r, c, value, day)
    book.close()
    return out.getvalue()


def export_filename(organisation: str, kind: str, day: date, extension: str) -> str:
    """E.g. `cpas-de-liege-scores-2026-12-01.xlsx`: the organisation's name (accents folded,
    cut at 40 characters), what the file holds, the day it was made."""
    slug = ""
    for word in _slug_words(organisation):
        if len(f"{slug}-{word}") > 40:
            slug = slug or word[:40]
            break
        slug = f"{slug}-{word}" if slug else word
    return f"{slug or 'organisation'}-{kind}-{day.isoformat()}.{extension}"
