"""One reader for lists of people, pasted or uploaded: participants to add and people to invite.

A list is what people paste from a spreadsheet or save from one, or put together from several:
one person a line, the cells separated by tabs, semicolons or commas, with or without a header
line. Each line is read with the separator that finds its e-mail address, so a list that mixes
"Name, e-mail" lines with "Name; e-mail" lines reads as meant; the separator of the first line
wins where both would do. A line that mixes them itself ("Anna Beispiel, anna@example.org;
Welcome Center Hamburg") is cut around its address: what comes before it is the name ("Beispiel,
Anna" stays one name), what follows it is read with the separator right after the address.
Every problem is a message about one line; nothing here touches the database.
"""

import csv
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from welcome_portal.textinput import plain_text

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_LINE = 2000  # characters; a person's line is far shorter
MAX_EMAIL = 254  # what the e-mail columns hold (RFC 5321's path limit)
SEPARATOR = re.compile(r"([\t;,])")


@dataclass
class Line:
    number: int
    cells: list[str]
    errors: list[str] = field(default_factory=list)

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""


def read_upload(upload) -> str:
    """The text of an uploaded list; a message the user understands if it is not one."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 2 MB."))
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Please save the file as UTF-8 text (CSV UTF-8).")) from None


def _delimiter(first_line: str) -> str:
    if "\t" in first_line:
        return "\t"
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _delimiters(raw: str, preferred: str) -> list[str]:
    """The separators to try on one line, the list's own first; a tab is always one."""
    if "\t" in raw:
        return ["\t"]
    return sorted((";", ","), key=lambda delimiter: delimiter != preferred)


def _email_cell(cells: list[str], email_column: int) -> str:
    return cells[email_column] if email_column < len(cells) else ""


def _is_header(cells: list[str], email_column: int) -> bool:
    """A first line whose e-mail cell names the column instead of holding an address."""
    value = _email_cell(cells, email_column)
    return "@" not in value and "mail" in value.casefold()


def _is_address(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return len(value) <= MAX_EMAIL


def _names_an_address(cells: list[str], email_column: int) -> bool:
    """Whether the e-mail cell holds an address, or names the column in a header line."""
    return _is_address(_email_cell(cells, email_column)) or _is_header(cells, email_column)


def _cells(text: str, delimiter: str) -> list[str]:
    row = next(csv.reader([text], delimiter=delimiter), [])
    return [plain_text(cell).strip() for cell in row]


def _around_address(raw: str, email_column: int) -> list[str] | None:
    """The cells of a line with different separators before and after its address: the
    `email_column` cells before it, the address, the rest read with the separator after it."""
    parts = SEPARATOR.split(raw)  # text, separator, text, ...
    for index in range(2, len(parts), 2):
        email = plain_text(parts[index]).strip()
        if not _is_address(email):
            continue
        before_separator, before = parts[index - 1], "".join(parts[: index - 1])
        before_cells = _cells(before, before_separator)
        if len(before_cells) != email_column:  # "Beispiel, Anna" before the address: one name
            before_cells = [
                plain_text(cell).strip()
                for cell in before.rsplit(before_separator, email_column - 1)
            ]
        if len(before_cells) != email_column:
            return None
        rest = "".join(parts[index + 2 :])
        after = _cells(rest, parts[index + 1]) if index + 1 < len(parts) else []
        return [*before_cells, email, *after]
    return None


def read_people(text: str, *, email_column: int = 1) -> tuple[list[Line], list[str]]:
    """(lines with their cells, messages about the whole list). Blank lines and a header line
    are skipped; a line that cannot be read carries its message in `errors`. The e-mail cell is
    checked here, for both kinds of list alike."""
    if len(text.encode()) > MAX_BYTES:
        return [], [_("The list is larger than 2 MB.")]
    raw_lines = text.splitlines()
    first = next((line for line in raw_lines if line.strip()), "")
    delimiter = _delimiter(first)
    lines: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        line = _read_line(number, raw, delimiter, email_column)
        if not lines and not line.errors and _is_header(line.cells, email_column):
            continue
        if not line.errors:
            _check_email(line, email_column)
        lines.append(line)
        if len(lines) > MAX_ROWS:
            return lines[:MAX_ROWS], [_("At most %(n)d people at once.") % {"n": MAX_ROWS}]
    return lines, []


def _read_line(number: int, raw: str, preferred: str, email_column: int) -> Line:
    if "\0" in raw:
        return Line(number, [], [_("This line contains a character that is not allowed.")])
    if len(raw) > MAX_LINE:
        return Line(number, [], [_("This line is too long.")])
    readings = []
    for delimiter in _delimiters(raw, preferred):
        try:
            cells = _cells(raw, delimiter)
        except csv.Error:
            continue
        if _names_an_address(cells, email_column):
            return Line(number, cells)
        readings.append(cells)
    try:
        cells = _around_address(raw, email_column)
    except csv.Error:
        cells = None
    if cells is not None:
        return Line(number, cells)
    if not readings:
        return Line(number, [], [_("This line cannot be read.")])
    # No reading finds an address: the one whose e-mail cell comes closest names it in the error.
    with_at = [cells for cells in readings if "@" in _email_cell(cells, email_column)]
    return Line(number, (with_at or readings)[0])


def _check_email(line: Line, column: int) -> None:
    email = line.cell(column)
    if not email:
        line.errors.append(
            _("The e-mail address is missing; separate the cells with commas, semicolons or tabs.")
        )
        return
    if not _is_address(email):
        line.errors.append(_("“%(value)s” is not an e-mail address.") % {"value": email[:100]})


def line_message(line: Line) -> str:
    """One line's problems as one sentence that names the line."""
    return _("Line %(n)d: %(errors)s") % {"n": line.number, "errors": " ".join(line.errors)}
