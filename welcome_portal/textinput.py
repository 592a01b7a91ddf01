"""Free text from a visitor: cleaned where it comes in, and searches cut to a bounded size.

Search filters split their text into words and build one condition per word; without a cap a
request with a thousand words ties up a worker for a minute. Every free-text filter passes its
value through `bounded_terms` first, and its box reads the request through `SearchInput`, so
that the text shown again is the text searched.

Names and other text typed into forms lose the bidi embedding, override and isolate controls
(`plain_text`): one of them in a name reorders the words around the name wherever it is shown,
on organizer pages, in e-mails and in exports. So do the invisible characters that would make
a name of nothing (an e-mail saying "Dear ,"): control characters but tab, line breaks and NUL
(which the form refuses with its own message), the zero-width space, the word joiner and the
byte-order mark. The marks U+200E and U+200F and the zero-width (non-)joiners stay; scripts
need them. Which columns hold such text is one rule too (`is_plain_text`), for the public
forms, the admin (`PlainTextAdminMixin`) and the imports
(`welcome_portal.import_widgets.PlainTextWidget`).
"""

import re

from django import forms
from django.db import models

MAX_CHARS = 200
MAX_WORDS = 8

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
INVISIBLE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff]")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f]")


def plain_text(text: str) -> str:
    """`text` without the bidi embedding, override and isolate controls and the invisible
    characters (see the module's doc)."""
    return INVISIBLE.sub("", BIDI_CONTROLS.sub("", text))


def search_text(text: str | None) -> str:
    """A search box's text: control characters as spaces, no bidi controls."""
    return CONTROL_CHARACTERS.sub(" ", plain_text(text or ""))


def bounded_terms(
    text: str | None, *, max_chars: int = MAX_CHARS, max_words: int = MAX_WORDS
) -> str:
    """At most `max_chars` characters and `max_words` words, control characters as spaces."""
    return " ".join(search_text((text or "")[:max_chars]).split()[:max_words])


class SearchInput(forms.TextInput):
    """A search box that reads its text through `search_text`: a NUL or a line break in the
    query is neither an error nor shown back in the box."""

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return " ".join(search_text(value).split()) if isinstance(value, str) else value


class PlainTextField(forms.CharField):
    """A text field whose value has no bidi embedding, override or isolate controls."""

    def to_python(self, value):
        value = plain_text(super().to_python(value))
        return value.strip() if self.strip else value


def is_plain_text(db_field) -> bool:
    """Whether a model field holds free text: a plain CharField or TextField without choices
    (e-mail, URL, slug and choice columns have their own rules)."""
    return type(db_field) in (models.CharField, models.TextField) and not db_field.choices


def plain_text_formfield(db_field, **kwargs):
    """A ModelForm's `formfield_callback`: its plain text columns become PlainTextFields."""
    if is_plain_text(db_field):
        kwargs.setdefault("form_class", PlainTextField)
    return db_field.formfield(**kwargs)


class PlainTextAdminMixin:
    """For a ModelAdmin or an inline: the plain text columns of its forms become
    PlainTextFields, with the admin's own widgets."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if is_plain_text(db_field):
            kwargs.setdefault("form_class", PlainTextField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
