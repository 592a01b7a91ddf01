"""Spreadsheet import and export of Welcome Centers (CSV, XLSX), matched on the slug.

Same rules as the partners' import: a preview first, any invalid row imports nothing,
re-importing the same file changes nothing. The admin uses it through ImportExportMixin.
"""

from django.db.models import F
from import_export import fields, resources
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.results import RowResult

from accounts.permissions import is_agency_staff
from partners.resources import NaturalKeysWidget, NaturalKeyWidget, StrictImportMixin

from .models import Center, Language, Service, State
from .services import center_reindex


class CenterResource(StrictImportMixin, resources.ModelResource):
    state = fields.Field(
        attribute="state", column_name="state", widget=NaturalKeyWidget(State, "code")
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
        # Everything else the model has is exported and imported as it is.
        exclude = (
            "id",
            "editors",
            "last_verified_at",
            "updated_at",  # set by every save; the API's harvesters read it
            "search_document",
            "search_vector",
        )
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
        written = (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
        changed = [row.object_id for row in result.rows if row.import_type in written]
        center_reindex(center_ids=changed)


class CenterImportExportMixin(ImportExportMixin):
    """Import/Export buttons for CenterAdmin: `class CenterAdmin(CenterImportExportMixin, ...)`."""

    resource_classes = [CenterResource]
    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]

    def has_import_permission(self, request):
        # Agency staff only: an editor who may change one center must not import all of them.
        return (
            is_agency_staff(request.user)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request):
        return is_agency_staff(request.user) and self.has_view_permission(request)
