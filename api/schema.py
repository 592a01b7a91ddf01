"""Additions to the generated OpenAPI description that hold for every operation.

The schema is generated at each request, so the allowed values of the vocabulary filters
(states, services, languages, partner kinds, topics) are read from the database then.
"""

from django.db import OperationalError, ProgrammingError
from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView

from centers.models import Language, Service, State
from partners.models import PartnerKind, Topic

ERROR_BODY = {"application/json": {"schema": {"type": "object", "additionalProperties": True}}}

ERRORS = {
    "400": "A filter value is not valid; the body names the parameter and says why.",
    "404": "No such object, or a page number past the last page.",
    "429": "Too many requests from this address; try again after `Retry-After` seconds.",
}

# Limits of the directories' own filter forms (centers/filters.py).
MAX_LENGTHS = {"q": 200, "near": 100}


def _vocabularies(path: str) -> dict[str, list[str]]:
    try:
        return _vocabularies_in_db(path)
    except (OperationalError, ProgrammingError):
        # `check --deploy` generates the schema too, possibly before any migration ran.
        return {}


def _vocabularies_in_db(path: str) -> dict[str, list[str]]:
    if path.startswith("/api/v1/centers"):
        return {
            "state": list(State.objects.values_list("code", flat=True)),
            "service": list(Service.objects.values_list("slug", flat=True)),
            "language": list(Language.objects.values_list("code", flat=True)),
        }
    if path.startswith("/api/v1/partners"):
        return {
            "kind": list(PartnerKind.objects.values_list("slug", flat=True)),
            "topic": list(Topic.objects.values_list("slug", flat=True)),
        }
    return {}


def describe_operations(result, generator, request, public):
    """drf-spectacular postprocessing hook: allowed values, limits and the errors of each
    operation."""
    for path, operations in result.get("paths", {}).items():
        vocabularies = _vocabularies(path)
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.setdefault("schema", {})
                if parameter["name"] in vocabularies and parameter["in"] == "query":
                    schema["enum"] = sorted(vocabularies[parameter["name"]])
                if parameter["name"] in MAX_LENGTHS and path.startswith("/api/v1/centers"):
                    schema["maxLength"] = MAX_LENGTHS[parameter["name"]]
                if parameter["name"] == "country":
                    schema["pattern"] = "^[A-Za-z]{2}$"
            _add_errors(operation.setdefault("responses", {}))
    return result


def _add_errors(responses: dict) -> None:
    for status, description in ERRORS.items():
        response = responses.setdefault(status, {"description": description})
        response.setdefault("content", ERROR_BODY)
    responses["429"]["headers"] = {
        "Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}
    }


class EnglishSchemaView(SpectacularAPIView):
    """The description in English unless `?lang=de` asks for German."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        lang = request.GET.get("lang")
        with translation.override(lang if lang in ("de", "en") else "en"):
            return super().get(request, *args, **kwargs)
