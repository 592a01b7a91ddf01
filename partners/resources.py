"""Spreadsheet import and export of partners (CSV, XLSX), matched on the slug."""

from django.db.models import F
from import_export import fields, resources

from welcome_portal.imports import (
    CachedInstanceLoader,
    CoordinateWidget,
    DirectoryResourceMixin,
    NaturalKeysWidget,
    NaturalKeyWidget,
)

from .models import Partner, PartnerKind, Topic


class PartnerResource(DirectoryResourceMixin, resources.ModelResource):
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
        instance_loader_class = CachedInstanceLoader  # one query for all rows of the file
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
