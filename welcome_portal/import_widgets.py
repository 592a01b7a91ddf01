"""The cells of the directories' spreadsheets: widgets that name the valid values when a cell
is wrong, and exports that a spreadsheet cannot run (cells that start like a formula are
quoted, control characters removed). Used by `welcome_portal.imports`.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from import_export import widgets

from .textinput import plain_text

COUNTRY_EXAMPLES = ["DE", "FR", "MX", "US", "VN"]
LISTED_VALUES = 30  # name every valid value up to this many; beyond, give examples
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def valid_values_hint(values: list[str], examples: list[str] | None = None) -> str:
    values = sorted(values)
    if len(values) <= LISTED_VALUES:
        return _("Valid values: %(values)s.") % {"values": ", ".join(values)}
    return _("Valid values are %(count)d codes such as %(examples)s.") % {
        "count": len(values),
        "examples": ", ".join(examples or values[:5]),
    }


def inert(value):
    """A cell value that no spreadsheet evaluates: control characters go, a text that starts
    like a formula gets a leading apostrophe (numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    value = CONTROL.sub("", value)
    if value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def uninert(value):
    """Undo `inert` on import, so that an export re-imports to the same data."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


class PlainTextWidget(widgets.CharWidget):
    """A free-text cell (`textinput.is_plain_text`) without bidi controls, as the forms
    store it (`textinput.plain_text`)."""

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        return plain_text(value) if isinstance(value, str) else value


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as its slug or code; an unknown one makes the row invalid.

    Found objects are remembered for the rest of the import (`forget` empties the memory),
    so that 10,000 rows with the same kind cost one query, not 10,000.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.found = {}
        self.pending = {}

    def forget(self, pending=None):
        self.found = {}
        # The preview saves nothing: new rows earlier in the file, by their key.
        self.pending = pending if pending is not None else {}

    def clean(self, value, row=None, **kwargs):
        key = str(value).strip() if value not in (None, "") else None
        if key is None:
            return None
        if key in self.found:
            return self.found[key]
        if key in self.pending:
            return self.pending[key]
        try:
            self.found[key] = super().clean(value, row, **kwargs)
            return self.found[key]
        except self.model.DoesNotExist:
            known = list(self.model.objects.values_list(self.field, flat=True)[: LISTED_VALUES + 1])
            hint = (
                valid_values_hint(known)
                if len(known) <= LISTED_VALUES
                else _("Give the %(key)s of an existing entry or of a row earlier in the file.")
                % {"key": self.field}
            )
            raise ValueError(
                _("Unknown %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": value}
                + " "
                + hint
            ) from None


class NaturalKeysWidget(widgets.ManyToManyWidget):
    """Several slugs or codes separated by "|"; every one of them must exist.

    The few topics, services, languages or states are read once per import."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = None

    def forget(self, pending=None):
        self.known = None

    def clean(self, value, row=None, **kwargs):
        if self.known is None:
            self.known = {getattr(obj, self.field): obj for obj in self.model.objects.all()}
        wanted = [v.strip() for v in str(value or "").split(self.separator) if v.strip()]
        found = [self.known[v] for v in dict.fromkeys(wanted) if v in self.known]
        missing = set(wanted) - set(self.known)
        if missing:
            known = list(self.known)
            raise ValueError(
                _("Unknown %(model)s: %(values)s.")
                % {"model": self.model._meta.verbose_name, "values": ", ".join(sorted(missing))}
                + " "
                + valid_values_hint(known)
            )
        return found


class ChoicesWidget(widgets.Widget):
    """A value from a fixed list (stored value, as exports write it)."""

    def __init__(self, choices, examples=None, **kwargs):
        self.values = [str(value) for value, _label in choices if value != ""]
        self.examples = examples
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip()
        if text and text not in self.values:
            raise ValueError(
                _("“%(value)s” is not a valid value.") % {"value": text}
                + " "
                + valid_values_hint(self.values, self.examples)
            )
        return text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class CoordinateWidget(widgets.Widget):
    """A decimal degree, written with a point whatever the staff member's language
    (`number_type` float for a FloatField, so that an unchanged value compares equal)."""

    def __init__(self, number_type=Decimal, **kwargs):
        self.number_type = number_type
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().replace(",", ".")
        if not text:
            return None
        try:
            return self.number_type(Decimal(text))
        except InvalidOperation:
            raise ValueError(_("Enter a number such as 52.52.")) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)
