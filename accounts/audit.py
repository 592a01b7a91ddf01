"""Logging every look at participants' personal data in the admin."""

from .models import PersonalDataAccess


def record_access(request, *, model, action: str, object_id: str = "") -> None:
    PersonalDataAccess.objects.create(
        user=request.user if request.user.is_authenticated else None,
        model=model._meta.label,
        object_id=object_id,
        action=action,
        path=request.get_full_path()[:500],
    )


class PersonalDataAdminMixin:
    """For ModelAdmins of models holding personal data: each list, view and change is logged."""

    def changelist_view(self, request, extra_context=None):
        record_access(request, model=self.model, action="list")
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        action = "change" if request.method == "POST" else "view"
        record_access(request, model=self.model, action=action, object_id=str(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def export_action(self, request, *args, **kwargs):
        record_access(request, model=self.model, action="export")
        return super().export_action(request, *args, **kwargs)
