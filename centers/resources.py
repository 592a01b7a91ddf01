"""Spreadsheet import and export of Welcome Centers (CSV, XLSX), matched on the slug.

Same rules as the partners' import (welcome_portal.imports): a preview first, any invalid row
imports nothing, re-importing the same file changes nothing.
"""

from django.db.models import F
from import_export import fields, resources

from welcome_portal.imports import (
    CachedInstanceLoader,
    CoordinateWidget,
    DirectoryResourceMixin,
    NaturalKeysWidget,
    NaturalKeyWidget,
)

from .models import Center, Language, Service, State
from .services import center_reindex


class CenterResource(DirectoryResourceMixin, resources.ModelResource):
    state = fields.Field(
        attribute="state", column_name="state", widget=NaturalKeyWidget(State, "code")
    )
    latitude = fields.Field(
        attribute="latitude", column_name="latitude", widget=CoordinateWidget(float)
    )
    longitude = fields.Field(
        attribute="longitude", column_name="longitude", widget=CoordinateWidget(float)
    )
    served_states = fields.Field(
        attribute="served_states",
        column_name="served_states",
        widget=NaturalKeysWidget(State, field="code", separator="|"),
    )
    services = fields.Field(
        attribute="services",
        column_name="services",
        widget=NaturalKeysWidget(Service, field="slug", separator="|"),
    )
    languages = fields.Field(
        attribute="languages",
        column_name="languages",
        widget=NaturalKeysWidget(Language, field="code", separator="|"),
    )

    class Meta:
        model = Center
        import_id_fields = ("slug",)
        instance_loader_class = CachedInstanceLoader  # one query for all rows of the file
        # Everything else the model has is exported and imported as it is.
        # updated_at is set by every save (the API's harvesters read it), not imported.
        exclude = ("id", "editors", "last_verified_at", "verified_by", "updated_at")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def filter_export(self, queryset, **kwargs):
        return (
            queryset.select_related("state")
            .prefetch_related("served_states", "services", "languages")
            .order_by(F("name").asc())
        )

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        center_reindex(center_ids=self.written_ids(result))
