from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from accounts.tools import tools_for

from .page_language import in_language, login_url


def portal(request):
    """The current page in each language, for the switcher and the hreflang alternates.

    Pages under a language prefix switch by link (no cookie); the others (/accounts/) go
    through the language view, which remembers the choice in a cookie.
    """
    path = request.get_full_path()
    alternates = []
    for code, name in settings.LANGUAGES:
        url = in_language(path, code)
        prefixed = url != path or path.startswith(f"/{code}/")
        if not prefixed:
            url = reverse("switch_language", args=[code]) + "?" + urlencode({"next": path})
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "prefixed": prefixed,
                "switch_label": switch_label(code),
            }
        )
    return {
        "language_alternates": alternates,
        "login_url": login_url(request.path),
        "SITE_URL": settings.SITE_URL,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
    }


@cache
def switch_label(code: str) -> str:
    """The switcher's words for screen readers, in the language it switches to; the same for
    every page, so translated once per process (switching the language costs every page)."""
    with translation.override(code):
        return gettext("Show this page in English")


def tools(request):
    """The logged-in person's tools for the header, looked up only when a page shows them."""
    return {"tools": SimpleLazyObject(lambda: tools_for(request.user))}
