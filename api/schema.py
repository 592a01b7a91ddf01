"""Additions to the generated OpenAPI description that hold for every operation."""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView

ERROR_BODY = {"application/json": {"schema": {"type": "object", "additionalProperties": True}}}

ERRORS = {
    "400": "A filter value is not valid; the body names the parameter and says why.",
    "404": "No such object, or a page number past the last page.",
    "429": "Too many requests from this address; try again after `Retry-After` seconds.",
}


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the errors any API operation can answer with."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                response = responses.setdefault(status, {"description": description})
                response.setdefault("content", ERROR_BODY)
            responses["429"]["headers"] = {
                "Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}
            }
    return result


class EnglishSchemaView(SpectacularAPIView):
    """The description in English unless `?lang=de` asks for German."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        lang = request.GET.get("lang")
        with translation.override(lang if lang in ("de", "en") else "en"):
            return super().get(request, *args, **kwargs)
