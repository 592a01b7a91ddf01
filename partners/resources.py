"""Spreadsheet import and export of partners (CSV, XLSX), matched on the slug."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from .models import Partner, PartnerKind, Topic


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as its slug or code; an unknown one makes the row invalid."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("Unknown %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": value}
            ) from None


class CoordinateWidget(widgets.Widget):
    """A decimal degree, written with a point whatever the staff member's language."""

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().replace(",", ".")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(_("Enter a number such as 52.52.")) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class NaturalKeysWidget(widgets.ManyToManyWidget):
    """Several slugs separated by "|"; every one of them must exist."""

    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        wanted = {v.strip() for v in str(value or "").split(self.separator) if v.strip()}
        missing = wanted - {getattr(obj, self.field) for obj in found}
        if missing:
            raise ValueError(
                _("Unknown %(model)s: %(values)s.")
                % {"model": self.model._meta.verbose_name, "values": ", ".join(sorted(missing))}
            )
        return found


class StrictImportMixin:
    """Any invalid row rolls the whole file back: nothing or everything is imported."""

    def import_data(self, dataset, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        # Empty spreadsheet cells arrive as None; the text columns store them as "".
        for key, value in row.items():
            if value is None:
                row[key] = ""
        super().before_import_row(row, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # Check the many-to-many values too, so that a bad one is an invalid row, not a crash.
        errors = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as exc:
                    errors[field.attribute] = str(exc)
        if errors:
            raise ValidationError(errors)


class PartnerResource(StrictImportMixin, resources.ModelResource):
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=NaturalKeyWidget(PartnerKind, "slug")
    )
    parent = fields.Field(
        attribute="parent", column_name="parent", widget=NaturalKeyWidget(Partner, "slug")
    )
    latitude = fields.Field(attribute="latitude", column_name="latitude", widget=CoordinateWidget())
    longitude = fields.Field(
        attribute="longitude", column_name="longitude", widget=CoordinateWidget()
    )
    topics = fields.Field(
        attribute="topics",
        column_name="topics",
        widget=NaturalKeysWidget(Topic, field="slug", separator="|"),
    )

    class Meta:
        model = Partner
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "name",
            "name_en",
            "short_name",
            "short_name_en",
            "kind",
            "parent",
            "location_type",
            "country",
            "city",
            "city_en",
            "address",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "description_de",
            "description_en",
            "topics",
            "status",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def filter_export(self, queryset, **kwargs):
        # Parents before their branches, so that the file imports into an empty database.
        return (
            queryset.select_related("kind", "parent")
            .prefetch_related("topics")
            .order_by(F("parent").asc(nulls_first=True), "name")
        )
