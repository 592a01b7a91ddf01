"""Posting an admin change form as the browser would: every field as it stands, plus changes."""

from django.forms.widgets import DateTimeBaseInput


def _bound_value(field):
    value = field.value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(field.field.widget, DateTimeBaseInput):
        return field.field.widget.format_value(value)  # as the page shows it (09:00)
    return value


def change_form_data(client, url: str, **changes) -> dict:
    """The admin form at `url` (with its inlines' management forms) as POST data."""
    context = client.get(url).context
    data = {}
    for field in context["adminform"].form:
        value = _bound_value(field)
        if value != "":
            data[field.html_name] = value
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        for field in formset.management_form:
            if field.value() is not None:
                data[field.html_name] = field.value()
        for form in formset.forms:
            for field in form:
                value = _bound_value(field)
                if value != "":
                    data[field.html_name] = value
    data.update(changes)
    return data
