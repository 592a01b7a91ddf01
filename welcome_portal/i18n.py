"""Fields kept in German and English (`name_de`, `name_en`) read in the active language."""

from django.utils.translation import get_language


def localized(obj, field: str) -> str:
    """The value of `<field>_<lang>` for the active language, falling back to German."""
    lang = (get_language() or "de")[:2]
    value = getattr(obj, f"{field}_{lang}", "") or ""
    return value or getattr(obj, f"{field}_de", "") or ""


class LocalizedNameMixin:
    """Gives models with `name_de`/`name_en` a `name` in the active language."""

    @property
    def name(self) -> str:
        return localized(self, "name")
