"""The project's URLs plus `/bare/`, a one-line view: the yardstick of bench_pages."""

from django.http import HttpResponse
from django.urls import path

from welcome_portal.urls import urlpatterns as portal


def bare(request):
    return HttpResponse(b"ok")


urlpatterns = [path("bare/", bare), *portal]
