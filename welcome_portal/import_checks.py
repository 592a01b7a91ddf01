"""What a spreadsheet must be before any of its rows is read into the database: at most
5 MB and 10,000 rows, an XLSX that is not a zip bomb, a key column, no key twice, no formulas,
UTF-8. Each problem is a message for staff (FileProblem), never a traceback.
"""

import csv
import io
import zipfile
from collections import defaultdict

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from import_export.formats.base_formats import XLSX
from openpyxl import load_workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # an XLSX is a zip; this stops a "zip bomb"
LISTED = 10


class FileProblem(Exception):
    pass


def _xlsx_rows(content: bytes):
    """The sheet's rows as values; refuses zip bombs and formula cells."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise FileProblem(
            _("This is not an XLSX file. Choose the format that matches the file.")
        ) from None
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise FileProblem(
            _("The spreadsheet is too large when unpacked. Split it into smaller files.")
        )
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=False).worksheets[0]
    except Exception:  # openpyxl raises many kinds of errors for damaged files
        raise FileProblem(_("The XLSX file could not be read. Save it again and retry.")) from None
    formulas, rows = [], []
    for row in sheet.iter_rows():
        if len(rows) > MAX_ROWS:
            break
        values = []
        for cell in row:
            if cell.data_type == "f" and len(formulas) < LISTED:
                formulas.append(cell.coordinate)
            values.append(cell.value)
        rows.append(values)
    if formulas:
        raise FileProblem(
            _(
                "The file contains formulas (%(cells)s). Import values only: copy the cells and "
                "paste them as values."
            )
            % {"cells": ", ".join(formulas)}
        )
    return rows


def _csv_rows(content: bytes):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and retry.")
        ) from None
    if "\x00" in text:
        raise FileProblem(_("The file contains a NUL character; it is probably not a CSV file."))
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise FileProblem(
            _("The CSV file could not be read: %(reason)s.") % {"reason": exc}
        ) from None
    formulas = [
        f"{_('row')} {number}"
        for number, row in enumerate(rows, 1)
        if any(c.startswith("=") for c in row)
    ]
    if formulas:
        raise FileProblem(
            _("Cells that start with “=” are formulas and are not imported (%(rows)s).")
            % {"rows": ", ".join(formulas[:LISTED])}
        )
    return rows


def check_file(content: bytes, file_format, key: str) -> None:
    """Raise FileProblem with a message for staff when the file cannot be imported as it is."""
    if len(content) > MAX_BYTES:
        raise FileProblem(
            _(
                "The file has %(size)s MB; at most %(max)d MB can be imported at once. Split it "
                "into smaller files."
            )
            % {
                "size": number_format(len(content) / 1024 / 1024, 1),
                "max": MAX_BYTES // 1024 // 1024,
            }
        )
    rows = _xlsx_rows(content) if file_format is XLSX else _csv_rows(content)
    if not rows:
        raise FileProblem(_("The file is empty."))
    if len(rows) - 1 > MAX_ROWS:
        raise FileProblem(
            _(
                "The file has more than %(max)s rows; at most %(max)s can be imported at once. "
                "Split it into smaller files."
            )
            % {"max": number_format(MAX_ROWS, force_grouping=True)}
        )
    header = [str(cell or "").strip() for cell in rows[0]]
    if key not in header:
        raise FileProblem(
            _(
                "The file has no “%(key)s” column. Its first row must name the columns, as an "
                "export does."
            )
            % {"key": key}
        )
    column = header.index(key)
    seen = defaultdict(list)
    for number, row in enumerate(rows[1:], 2):
        value = str(row[column] if column < len(row) and row[column] is not None else "").strip()
        if value:
            seen[value].append(number)
    repeated = {value: numbers for value, numbers in seen.items() if len(numbers) > 1}
    if repeated:
        listed = "; ".join(
            _("%(value)s (rows %(rows)s)") % {"value": value, "rows": ", ".join(map(str, numbers))}
            for value, numbers in list(repeated.items())[:LISTED]
        )
        raise FileProblem(
            _("Each %(key)s may appear only once in a file. Repeated: %(listed)s.")
            % {"key": key, "listed": listed}
        )
