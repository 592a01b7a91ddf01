"""What every answer of the open-data API carries: caching, ETag, CORS for reading only."""

from functools import wraps

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from rest_framework.negotiation import BaseContentNegotiation

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Retry-After",
    "Access-Control-Max-Age": "86400",
}


def _finish(request, response):
    if response.status_code == 200 and request.method in ("GET", "HEAD"):
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        set_response_etag(response)
        # 304 when the client's If-None-Match names this content (copies Cache-Control, ETag).
        response = get_conditional_response(request, etag=response.get("ETag"), response=response)
    elif response.status_code != 304:
        patch_cache_control(response, no_store=True)  # errors and 429s stay out of caches
    for header, value in CORS_HEADERS.items():
        response.headers[header] = value
    return response


def open_data_response(view):
    """Wrap an API view: public caching and a content ETag on 200, CORS headers on all."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(lambda rendered: _finish(request, rendered))
            return response
        return _finish(request, response)

    return wrapped


class FirstRenderer(BaseContentNegotiation):
    """Each endpoint has one format; an Accept header never turns a request into a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
