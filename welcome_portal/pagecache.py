"""A shared page cache in front of the expensive middleware, for anonymous visitors.

The directories, detail pages and meeting pages are the same for every anonymous visitor of
one language, so `PageCacheMiddleware` (early in MIDDLEWARE) answers a repeated GET from the
shared cache before sessions, CSRF, authentication and messages run. It serves and stores only
when that is safe: a request without cookies that could change the page (session, messages) and
without credentials; a 200 for an anonymous user that sets no cookie and shows no form error.

Pages are invalidated by versions: each entry remembers the versions of its scopes
("directory", "events") at the time the view began, and an entry whose versions are no longer
current is a miss. `page_cache_bump` raises a version; the signal handlers in `apps.py` call it
when a center, partner, meeting, session or registration is saved or deleted, the services
call it for their bulk writes (which send no signals).

The same versions key the pieces a page is built from (`per_version`): the directory's option
lists and facet counts, the centers' cards. A page rendered without the page cache still reuses
them, and a save that makes the page stale makes them stale with it.
"""

import hashlib
import logging
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import http_date

from . import metrics

DIRECTORY, EVENTS = "directory", "events"
# A meeting's own row, kept for its registration and link forms: raised only when a meeting is
# saved, not with every seat taken (as "events" is).
MEETINGS = "meetings"
# Which public pages are cached, with the scopes they depend on and how long at most: a minute,
# because some of what they show changes with the clock alone ("open now" on a center,
# whether a meeting's registration is still open).
PAGES = [
    (re.compile(r"^/(?P<lang>de|en)/(centers|regions|partners)/([\w-]+/)?$"), (DIRECTORY,), 60),
    (re.compile(r"^/(?P<lang>de|en)/events/([\w-]+/)?$"), (DIRECTORY, EVENTS), 60),
    (re.compile(r"^/(?P<lang>de|en)/$"), (DIRECTORY, EVENTS), 60),
]
# Cookies that never change a public page: anything else (session, messages) bypasses the cache.
HARMLESS_COOKIES = {"csrftoken", "django_language"}
MAX_QUERY = 512
# Pieces of pages (per_version) are good while their version is; an hour bounds how long the
# ones of a rare search (every typed text has its own) take room on the cache.
PART_TTL = 60 * 60
logger = logging.getLogger(__name__)


def _version_key(scope: str) -> str:
    return f"page:v:{scope}"


def page_cache_bump(*scopes: str) -> None:
    """Make every cached page of these scopes stale, now and again when the transaction
    commits (a page rendered from the old rows in between must not stay current); outside a
    transaction once (one Redis round trip)."""
    scopes = scopes or (DIRECTORY, EVENTS, MEETINGS)
    if transaction.get_connection().in_atomic_block:
        _bump(scopes)
    transaction.on_commit(lambda: _bump(scopes))  # at once outside a transaction


def _bump(scopes) -> None:
    try:
        for scope in scopes:
            try:
                cache.incr(_version_key(scope))
            except ValueError:  # evicted or never set: start from the clock, never reuse one
                cache.add(_version_key(scope), time.time_ns(), timeout=None)
    except Exception:  # Redis down: a save must not fail for the cache; its pages expire soon
        logger.warning("page cache unreachable: version of %s not raised", ",".join(scopes))


def per_version(scope: str, names: dict[str, object], compute) -> dict[str, object]:
    """The values of `names` ({name: argument}) as of the current version of `scope`, from the
    shared cache; `compute(missing)` builds the missing ones ({name: value}), which are stored.
    One round trip when all are there; computed every time while the cache is unreachable."""
    version_key = _version_key(scope)
    keys = {name: f"part:{scope}:{name}" for name in names}
    try:
        found = cache.get_many([version_key, *keys.values()])
    except Exception:  # Redis down: build the page from the database
        return compute(names)
    version = found.get(version_key)
    values, missing = {}, {}
    for name, argument in names.items():
        entry = found.get(keys[name])
        if version is not None and entry is not None and entry[0] == version:
            values[name] = entry[1]
        else:
            missing[name] = argument
    if missing:
        computed = compute(missing)
        values.update(computed)
        if version is None:
            _bump((scope,))
        else:  # stored with the version read before computing: a save meanwhile makes it stale
            stored = {keys[name]: (version, value) for name, value in computed.items()}
            try:
                cache.set_many(stored, PART_TTL)
            except Exception:
                logger.warning("page cache unreachable: parts of %s not stored", scope)
    return values


def part_name(prefix: str, *values) -> str:
    """A name for per_version: `prefix` and a digest of what the part depends on (a page's
    language, its filters as chosen), short and safe as a cache key whatever was typed."""
    return f"{prefix}:" + hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


def per_version_value(scope: str, name: str, build):
    """One value (`build()`) as of the current version of `scope` (see per_version)."""
    return per_version(scope, {name: None}, lambda missing: {name: build()})[name]


def _page_for(path: str):
    for pattern, scopes, ttl in PAGES:
        if pattern.match(path):
            return scopes, ttl
    return None


def _cache_key(request) -> str | None:
    """Path (it carries the language) + sorted query + htmx target; None when too odd."""
    query = sorted((key, value) for key, values in request.GET.lists() for value in values)
    normalized = urlencode(query)
    if len(normalized) > MAX_QUERY:
        return None
    htmx = request.headers.get("HX-Request", "") + "|" + request.headers.get("HX-Target", "")
    raw = f"{request.path}?{normalized}#{htmx}"
    return "page:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _may_serve(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.COOKIES) <= HARMLESS_COOKIES


def _shows_form_error(response) -> bool:
    for value in (getattr(response, "context_data", None) or {}).values():
        form = getattr(value, "form", value)  # a FilterSet carries its form
        if isinstance(form, BaseForm | BaseFormSet) and form.is_bound and form.errors:
            return True
    return False


def _may_store(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and (user is None or not user.is_authenticated)
        and not _shows_form_error(response)
    )


class PageCacheMiddleware:
    """Serve and store anonymous public pages on the shared cache (see the module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = getattr(settings, "PAGE_CACHE_ENABLED", True)

    def __call__(self, request):
        page = _page_for(request.path) if self.enabled else None
        key = _cache_key(request) if page and _may_serve(request) else None
        if key is None:
            if page:
                metrics.PAGE_CACHE.labels("bypass").inc()
            return self.get_response(request)
        scopes, ttl = page
        version_keys = [_version_key(scope) for scope in scopes]
        try:
            found = cache.get_many([key, *version_keys])
        except Exception:  # Redis down: the pages are still served, only slower
            metrics.PAGE_CACHE.labels("bypass").inc()
            return self.get_response(request)
        versions = tuple(found.get(k) for k in version_keys)
        entry = found.get(key)
        if entry is not None and None not in versions and entry[0] == versions:
            metrics.PAGE_CACHE.labels("hit").inc()
            return _from_entry(request, entry)
        metrics.PAGE_CACHE.labels("miss").inc()
        response = self.get_response(request)
        if None in versions or not _may_store(request, response):
            if None in versions:
                _bump(tuple(s for s, v in zip(scopes, versions, strict=True) if v is None))
            return response
        etag = '"' + hashlib.blake2b(response.content, digest_size=12).hexdigest() + '"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date()
        headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
        try:
            cache.set(key, (versions, response.status_code, headers, response.content), ttl)
        except Exception:
            logger.warning("page cache unreachable: %s not stored", request.path)
        return response


def _from_entry(request, entry) -> HttpResponse:
    _versions, status, headers, content = entry
    response = HttpResponse(content, status=status, headers=dict(headers))
    if request.headers.get("If-None-Match") == response["ETag"]:
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Last-Modified", "Vary", "Cache-Control", "Content-Language"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response
