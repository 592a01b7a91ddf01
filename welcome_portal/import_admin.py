"""Spreadsheet import and export in the admin, for centers and partners alike.

One permission rule (agency staff with add and change permission), files checked before any
row is read into the database (size, rows, key column, repeated keys, formulas), the uploaded
file bound to the person who uploaded it, and a preview that starts with the summary and
shows only what changes. The resource side is `welcome_portal.imports`.
"""

import os.path
import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ImportForm

from accounts.permissions import is_agency_staff

from .import_checks import MAX_BYTES, MAX_ROWS, FileProblem, check_file

__all__ = ["MAX_ROWS", "DirectoryImportExportMixin", "can_export", "can_import"]

EMPTY = "\N{EN DASH}"
SESSION_KEY = "directory_import_files"
TMP_NAME = re.compile(r"[A-Za-z0-9_.-]{1,200}")


def can_import(request, model_admin) -> bool:
    """Agency staff only: an editor who may change one center must not import all of them."""
    return (
        is_agency_staff(request.user)
        and model_admin.has_add_permission(request)
        and model_admin.has_change_permission(request)
    )


def can_export(request, model_admin) -> bool:
    return is_agency_staff(request.user) and model_admin.has_view_permission(request)


class DirectoryImportForm(ImportForm):
    mark_verified = forms.BooleanField(
        label=gettext_lazy("I checked every row of this file: mark them as verified today"),
        required=False,
        help_text=gettext_lazy("Leave it unticked when the file only copies data from elsewhere."),
    )

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self._formats, self._resources = formats, resources

    def clean(self):
        data = super().clean()
        upload, index = data.get("import_file"), data.get("format")
        if upload is None or index in (None, ""):
            return data
        resource = self._resources[int(data.get("resource") or 0)]
        upload.seek(0)
        content = upload.read(MAX_BYTES + 1)
        if len(content) > MAX_BYTES:
            content = content + b"x"  # the size is all that matters now
        upload.seek(0)
        try:
            check_file(content, self._formats[int(index)], resource._meta.import_id_fields[0])
        except FileProblem as problem:
            self.add_error("import_file", str(problem))
        return data


class DirectoryConfirmForm(ConfirmImportForm):
    mark_verified = forms.BooleanField(required=False, widget=forms.HiddenInput)


NEW_VALUE = '<li class="import-changed"><strong>{}:</strong> {}</li>'
CHANGED_VALUE = (
    '<li class="import-changed"><strong>{}:</strong> <del><span class="visually-hidden">{}'
    ' </span>{}</del> \N{RIGHTWARDS ARROW} <ins><span class="visually-hidden">{} </span>'
    "{}</ins></li>"
)


def _changes_html(kind: str, changes: list) -> str:
    # Built here, not in a template loop: a preview of 10,000 new rows has 150,000 values.
    if kind == "new":
        return format_html_join("", NEW_VALUE, changes)
    old, new = _("old:"), _("new:")
    return format_html_join(
        "",
        CHANGED_VALUE,
        ((label, old, was or EMPTY, new, now or EMPTY) for label, was, now in changes),
    )


def import_preview(result, resource) -> dict:
    """What the preview shows: the summary, then new and changed rows with their changes."""
    fields = resource.get_import_fields()
    labels = {name: str(label) for name, label in resource.column_labels().items()}
    key = resource._meta.import_id_fields[0]
    new, changed, unchanged = [], [], []
    for number, row in enumerate(result.rows, 2):  # row 1 of the spreadsheet is the header
        if row.import_type not in ("new", "update", "skip"):
            continue
        cells = dict(zip((f.attribute for f in fields), row.diff or [], strict=False))
        entry = {
            "number": number,
            "key": str(cells[key]) if key in cells else row.object_repr,
            "name": row.object_repr,
        }
        if row.import_type == "new":
            values = [(labels[a], c.new) for a, c in cells.items() if str(c.new) != ""]
            entry["changes_html"] = _changes_html("new", values)
            new.append(entry)
        elif row.import_type == "update":
            values = [(labels[a], c.old, c.new) for a, c in cells.items() if c.changed]
            entry["changes"] = values
            entry["changes_html"] = _changes_html("update", values)
            changed.append(entry)
        else:
            unchanged.append(entry)
    invalid = []
    headers = getattr(result, "file_headers", [])
    for row in result.invalid_rows:
        values = dict(zip(headers, row.values, strict=False))
        errors = [
            {"label": labels.get(name, name), "messages": messages_}
            for name, messages_ in row.field_specific_errors.items()
        ] + [{"label": _("Row"), "messages": row.non_field_specific_errors}] * bool(
            row.non_field_specific_errors
        )
        invalid.append({"number": row.number + 1, "key": values.get(key, ""), "errors": errors})
    return {
        "summary": {
            "new": len(new),
            "changed": len(changed),
            "unchanged": len(unchanged),
            "invalid": len(invalid),
        },
        "new_rows": new,
        "changed_rows": changed,
        "unchanged_rows": unchanged,
        "invalid_rows": invalid,
        "columns": [(labels[f.attribute], f.column_name) for f in fields],
        "base_errors": [str(error.error) for error in result.base_errors],
    }


class DirectoryImportExportMixin(ImportExportMixin):
    """Import/Export for the admins of centers and partners."""

    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    import_form_class = DirectoryImportForm
    confirm_form_class = DirectoryConfirmForm
    import_template_name = "admin/backoffice/import.html"

    def has_import_permission(self, request):
        return can_import(request, self)

    def has_export_permission(self, request):
        return can_export(request, self)

    def add_data_read_fail_error_to_form(self, form, e):
        form.add_error(
            "import_file",
            _("The file could not be read. Check that you chose the format of the file."),
        )

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["mark_verified"] = import_form.cleaned_data.get("mark_verified", False)
            # Bind the uploaded file to this session: only its uploader may confirm it.
            files = request.session.get(SESSION_KEY, [])[-9:]
            request.session[SESSION_KEY] = [*files, os.path.basename(initial["import_file_name"])]
        return initial

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        mark = isinstance(form, DirectoryConfirmForm) and form.cleaned_data.get("mark_verified")
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["mark_verified"] = bool(mark)
        return kwargs

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if context.get("result") is not None:
            resource = self.get_import_resource_classes(request)[0](
                **self.get_import_resource_kwargs(request)
            )
            context["preview"] = import_preview(context["result"], resource)
        if "fields_list" in context:
            resource = self.get_import_resource_classes(request)[0]()
            labels = resource.column_labels()
            context["fields_list"] = [
                (
                    resource.get_display_name(),
                    [
                        f"{labels[f.attribute]} ({f.column_name})"
                        for f in resource.get_import_fields()
                    ],
                )
            ]
        return response

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        name = os.path.basename(request.POST.get("import_file_name", ""))
        files = request.session.get(SESSION_KEY, [])
        fmt = request.POST.get("format", "")
        if not (TMP_NAME.fullmatch(name) and name in files) or fmt not in {
            str(i) for i in range(len(self.get_import_formats()))
        }:
            messages.error(
                request, _("This import has expired or is not yours. Upload the file again.")
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        request.session[SESSION_KEY] = [f for f in files if f != name]
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            messages.error(
                request, _("This import has expired or is not yours. Upload the file again.")
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            _("Import finished: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.")
            % {"new": totals["new"], "changed": totals["update"], "unchanged": totals["skip"]},
        )
