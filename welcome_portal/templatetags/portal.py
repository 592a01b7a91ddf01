from django import template
from django.utils.html import format_html

register = template.Library()

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
