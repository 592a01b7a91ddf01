from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

# Parts of pages that depend only on the language (fixed_include), rendered once per process.
_FIXED: dict[tuple, str] = {}

_WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "radio": "kern-form-check__radio",
    "select": "kern-form-input__select",
}


@register.filter
def kern_choice(choice):
    """One radio button or checkbox of a group, with KERN's class: the group's widget renders
    its options bare, and a bare radio is 13 px, too small to hit."""
    choice.data["attrs"] = {**choice.data["attrs"], "class": _WIDGET_CLASSES[choice.data["type"]]}
    return choice.tag()


@register.filter
def kern_widget(field):
    """Render a bound field's widget with KERN classes and its hint/error ids for screen readers."""
    input_type = getattr(field.field.widget, "input_type", None) or (
        "select" if field.field.widget.__class__.__name__.endswith("Select") else "text"
    )
    css = _WIDGET_CLASSES.get(input_type, "kern-form-input__input")
    if field.errors:
        css += f" {css}--error"
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"class": css}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def bdi(text):
    """Text that someone typed (a participant's name, an organisation), isolated in `<bdi>`:
    a right-to-left name keeps its own direction and leaves the words around it in order."""
    return format_html("<bdi>{}</bdi>", text) if text else text


@register.simple_tag
def fixed_include(template_name: str, **values) -> str:
    """`template_name` rendered with the literal `values` alone, once per process and language:
    for a part that shows nothing of the request, the visitor, the time or the database (its
    words and links change only with a release, which restarts the processes). The footer and
    the open-data block were a tenth of a directory page's template time."""
    key = (template_name, get_language(), tuple(sorted(values.items())))
    if key not in _FIXED:
        _FIXED[key] = render_to_string(template_name, values)
    return _FIXED[key]
