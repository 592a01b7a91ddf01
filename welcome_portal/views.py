import hmac

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from . import metrics
from .health import broker_status, database_status
from .page_language import in_language, next_in_language, remember_language

LOOPBACK = {"127.0.0.1", "::1"}


class HomeView(TemplateView):
    template_name = "pages/home.html"


class PageView(TemplateView):
    """A static text page (accessibility statement, privacy notice, imprint)."""

    page = ""

    def get_template_names(self):
        # Legal texts are written per language rather than translated string by string.
        return [f"pages/{self.page}.{get_language()[:2]}.html", f"pages/{self.page}.de.html"]


@never_cache
@require_GET
def healthz(request):
    status = {"database": database_status(), "broker": broker_status()}
    return JsonResponse(status, status=200 if status["database"] == "ok" else 503)


@never_cache
@require_GET
def metrics_view(request):
    """Prometheus metrics: with METRICS_TOKEN set only for its bearer, else only on loopback."""
    token = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            refused = HttpResponse("A bearer token is required.\n", status=401)
            refused["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return refused
    elif not _direct_from_loopback(request):
        return HttpResponse("Metrics answer on loopback only.\n", status=403)
    return HttpResponse(metrics.render(), content_type="text/plain; version=0.0.4")


def _direct_from_loopback(request) -> bool:
    """Loopback and not forwarded: behind a proxy on the same host every visitor is loopback."""
    forwarded = "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_FORWARDED" in request.META
    return request.META.get("REMOTE_ADDR") in LOOPBACK and not forwarded


@require_GET
def switch_language(request, code):
    """Switch the language of a page outside the language prefix and remember it."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = f"/{code}/"
    response = HttpResponseRedirect(in_language(next_in_language(target, code), code))
    remember_language(response, code)
    return response


def csrf_failure(request, reason=""):
    """A form sent without its security cookie (cookies blocked, or the page open too long):
    the portal's page in the visitor's language with the way back, not Django's stock page."""
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    return render(request, "403_csrf.html", {"back": back}, status=403)
