"""Spreadsheet import and export of the directories (centers and partners), the resource side.

The all-or-nothing rule, a diff that marks the changed fields, human column labels, a preview
that writes nothing, and inert exports; the cells' widgets are `welcome_portal.import_widgets`,
the admin side (forms, limits, the preview page) is `welcome_portal.import_admin`.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries.fields import CountryField
from import_export import widgets
from import_export.instance_loaders import CachedInstanceLoader
from import_export.results import RowResult

from .import_widgets import (
    COUNTRY_EXAMPLES,
    ChoicesWidget,
    CoordinateWidget,
    NaturalKeysWidget,
    NaturalKeyWidget,
    PlainTextWidget,
    inert,
    uninert,
)
from .textinput import is_plain_text
from .verification import entries_mark_verified

# Imported from here by the resources of both apps.
__all__ = [
    "CachedInstanceLoader",
    "CoordinateWidget",
    "DirectoryResourceMixin",
    "NaturalKeyWidget",
    "NaturalKeysWidget",
]


class ChangedCell:
    """One cell of the preview: the value in the database, the value in the file."""

    __slots__ = ("changed", "new", "old")

    def __init__(self, old, new, changed):
        self.old, self.new, self.changed = old, new, changed

    def __str__(self):
        return str(self.new)


class FieldDiff:
    """The preview's diff: per column the old and new value and whether it changed
    (instead of django-import-export's HTML diff, which the preview does not show)."""

    def __init__(self, resource, instance, new):
        self.new = new
        self.left = [] if new else self._values(resource, instance)
        self.right = []

    @staticmethod
    def _values(resource, instance):
        unsaved = getattr(instance, "_import_m2m", None)
        values = []
        for field in resource.get_import_fields():
            if unsaved is not None and field.attribute in unsaved:
                widget = field.widget
                keys = [str(getattr(obj, widget.field)) for obj in unsaved[field.attribute]]
                values.append(widget.separator.join(keys))
            else:
                values.append(field.export(instance))
        return values

    def compare_with(self, resource, instance):
        self.right = self._values(resource, instance) if instance is not None else []

    def as_html(self):
        left = self.left or [""] * len(self.right)
        return [
            ChangedCell(old, new, changed=self.new or old != new)
            for old, new in zip(left, self.right, strict=False)
        ]


class DirectoryResourceMixin:
    """For the ModelResources of the directories: all or nothing, the diff the preview shows,
    human labels, errors that name the valid values, free text without bidi controls, inert
    exports."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for field in self.fields.values():
            model_field = self._model_field(field)
            if model_field is None or type(field.widget) not in (
                widgets.Widget,
                widgets.CharWidget,
            ):
                continue
            if model_field.choices:
                examples = COUNTRY_EXAMPLES if isinstance(model_field, CountryField) else None
                field.widget = ChoicesWidget(model_field.choices, examples=examples)
            elif is_plain_text(model_field):
                field.widget = PlainTextWidget()

    def _model_field(self, field):
        try:
            return self._meta.model._meta.get_field(field.attribute or "")
        except FieldDoesNotExist:
            return None

    def column_label(self, field) -> str:
        """The field's name in the page's language (the column's name is shown beside it)."""
        model_field = self._model_field(field)
        return capfirst(model_field.verbose_name) if model_field else field.column_name

    def column_labels(self) -> dict:
        return {field.attribute: self.column_label(field) for field in self.get_import_fields()}

    def get_diff_class(self):
        return FieldDiff

    def get_queryset(self):
        model = self._meta.model
        relations = [f.name for f in model._meta.concrete_fields if f.is_relation]
        many = [f.name for f in model._meta.many_to_many]
        return model.objects.select_related(*relations).prefetch_related(*many)

    def before_import(self, dataset, **kwargs):
        self.pending = {}
        for field in self.fields.values():
            if (
                isinstance(field.widget, NaturalKeyWidget)
                and field.widget.model is self._meta.model
            ):
                field.widget.forget(self.pending)
            elif hasattr(field.widget, "forget"):
                field.widget.forget()
        super().before_import(dataset, **kwargs)

    def save_instance(self, instance, is_create, row, **kwargs):
        # The preview (a dry run) writes nothing: a whole file of new rows would otherwise be
        # inserted, with history and relations, only to be rolled back.
        if not self._is_dry_run(kwargs):
            return super().save_instance(instance, is_create, row, **kwargs)
        self.before_save_instance(instance, row, **kwargs)
        key = self._meta.import_id_fields[0]
        if is_create:
            self.pending[getattr(instance, key)] = instance
        return None

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_dry_run(kwargs):
            super().save_m2m(instance, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's field and `clean()` rules; uniqueness holds by the key (and repeated
        keys are refused before), the foreign keys were found by their widgets, and the check
        constraints are checked here in Python, all without a query per row."""
        errors = dict(import_validation_errors or {})
        checked = [  # foreign keys found by their widgets, choices checked by theirs
            f.name
            for f in instance._meta.concrete_fields
            if (f.is_relation and getattr(instance, f.name, None) is not None)
            or isinstance(getattr(self.fields.get(f.name), "widget", None), ChoicesWidget)
        ]
        try:
            instance.full_clean(
                exclude=[*errors, *checked], validate_unique=False, validate_constraints=False
            )
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if (getattr(instance, "latitude", None) is None) != (
            getattr(instance, "longitude", None) is None
        ):
            errors.setdefault("longitude", []).append(_("Give both coordinates or neither."))
        if getattr(instance, "parent_id", None) and instance.parent_id == instance.pk:
            errors.setdefault("parent", []).append(_("An entry cannot be its own parent."))
        if errors:
            raise ValidationError(errors)

    def import_data(self, dataset, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        self.dry_run = bool(kwargs.get("dry_run"))
        result = super().import_data(dataset, **kwargs)
        result.file_headers = list(dataset.headers or [])
        return result

    def import_data_inner(self, dataset, dry_run, raise_errors, using_transactions, *args, **kw):
        # The preview writes nothing (save_instance), so it needs no savepoint per row; the
        # whole preview still runs in one transaction that is rolled back.
        using_transactions = using_transactions and not dry_run
        return super().import_data_inner(
            dataset, dry_run, raise_errors, using_transactions, *args, **kw
        )

    def before_import_row(self, row, **kwargs):
        for key, value in row.items():
            # Empty spreadsheet cells arrive as None; the text columns store them as "".
            row[key] = "" if value is None else uninert(value)
        super().before_import_row(row, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.message_dict
        # Check the many-to-many values too, so that a bad one is an invalid row, not a crash;
        # the preview shows them from here, as it does not save them.
        instance._import_m2m = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    instance._import_m2m[field.attribute] = field.clean(row, **kwargs)
                except ValueError as exc:
                    errors[field.attribute] = str(exc)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = _("Imported from %(file)s") % {
            "file": kwargs.get("file_name") or _("a file")
        }
        super().before_save_instance(instance, row, **kwargs)

    def export_field(self, field, instance, **kwargs):
        return inert(super().export_field(field, instance, **kwargs))

    def written_ids(self, result) -> list:
        """The rows this import stored (none in the preview, which stores nothing)."""
        if getattr(self, "dry_run", False):
            return []
        written = (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
        return [row.object_id for row in result.rows if row.import_type in written]

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # Only when the person confirmed they checked every row (a checkbox on the import form).
        # The preview runs in a transaction that is rolled back, so this only sticks on confirm.
        if kwargs.get("mark_verified") and not result.has_validation_errors():
            key = self._meta.import_id_fields[0]
            keys = [row[key] for row in dataset.dict if row.get(key)]
            entries_mark_verified(
                queryset=self._meta.model.objects.filter(**{f"{key}__in": keys}),
                user=kwargs.get("user"),
                reason=_("Verified with an import"),
            )
