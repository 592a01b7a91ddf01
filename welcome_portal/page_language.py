"""The language of the pages outside the language prefix (/accounts/…): that of the page the
visitor came from.

The public pages carry their language in the path (/de/, /en/); the login and the other
allauth pages do not (the URL contract keeps them at /accounts/). Every link to them from a
page carries `next=<that page>`, so "Anmelden" on a German page opens the login in German,
whatever the browser's language, and the choice is remembered for the steps that follow (the
second factor, the password reset) as the language switcher remembers it.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path


def is_local_path(target: str) -> bool:
    """`/de/events/`, not `//elsewhere.example/de/` nor a full address."""
    return target.startswith("/") and not target.startswith("//")


def language_of_next(request) -> str | None:
    """The language prefix of `next` (de or en) on a page outside the language prefix."""
    if get_language_from_path(request.path_info):
        return None
    target = request.GET.get("next", "")
    if not target and request.method == "POST" and request.path_info.startswith("/accounts/"):
        target = request.POST.get("next", "")
    return get_language_from_path(urlsplit(target).path) if is_local_path(target) else None


def in_language(url: str, code: str) -> str:
    """The local `url` (a path, maybe with its query) in the language `code`.

    Under a language prefix only the prefix changes: no URL of the portal is translated, and
    an unknown page is the same unknown page in the other language (translate_url would leave
    it in its own). Other paths (/accounts/…) as Django's translate_url gives them."""
    for language, _name in settings.LANGUAGES:
        prefix = f"/{language}"
        if url == prefix or url.startswith((f"{prefix}/", f"{prefix}?")):
            return f"/{code}{url[len(prefix) :]}"
    return translate_url(url, code)


def next_in_language(target: str, code: str) -> str:
    """`target` with its own `next` (a prefixed page) in the language `code`: switching the
    login page to English also sends the person back to the English page."""
    parts = urlsplit(target)
    query = [
        (key, in_language(value, code) if key == "next" and is_local_path(value) else value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(query)))


def login_url(path: str) -> str:
    """The login, coming back to `path` when it is a page in a language."""
    url = reverse("account_login")
    return f"{url}?{urlencode({'next': path})}" if get_language_from_path(path) else url


def remember_language(response, code: str) -> None:
    """The language cookie that the pages outside the language prefix read."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )


class PageLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware; outside the language prefix, `next` names the language."""

    def process_request(self, request):
        super().process_request(request)
        language = language_of_next(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
            request.language_from_next = language

    def process_response(self, request, response):
        response = super().process_response(request, response)
        language = getattr(request, "language_from_next", None)
        chosen = settings.LANGUAGE_COOKIE_NAME in response.cookies  # the switch said it
        if (
            language
            and not chosen
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            remember_language(response, language)
        return response
