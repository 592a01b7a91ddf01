"""Serializer fields shared by the open-data API: texts in both languages, public page links."""

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

LANGUAGES = ("de", "en")

TRANSLATED_SCHEMA = {
    "type": "object",
    "properties": {lang: {"type": "string"} for lang in LANGUAGES},
    "required": list(LANGUAGES),
}
WEB_URL_SCHEMA = {
    "type": "object",
    "properties": {lang: {"type": "string", "format": "uri"} for lang in LANGUAGES},
    "required": list(LANGUAGES),
}


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """`{"de": …, "en": …}` from the model's `<prefix>_de` and `<prefix>_en`."""

    def __init__(self, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return {lang: getattr(value, f"{self.prefix}_{lang}", "") or "" for lang in LANGUAGES}


@extend_schema_field(WEB_URL_SCHEMA)
class WebUrlField(serializers.Field):
    """The object's public page in each language, absolute when the request is known."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return web_urls(value, self.context.get("request"))


def web_urls(obj, request) -> dict[str, str]:
    urls = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            path = obj.get_absolute_url()
        urls[lang] = request.build_absolute_uri(path) if request else path
    return urls


def api_url(request, name: str, slug: str) -> str:
    path = reverse(f"api:{name}", args=[slug])
    return request.build_absolute_uri(path) if request else path
