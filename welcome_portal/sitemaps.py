"""/sitemap.xml: every public page in German and English, with hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from centers.models import Center, State
from events.models import Meeting
from partners.models import Partner


class PortalSitemap(Sitemap):
    i18n = True
    languages = ["de", "en"]
    alternates = True
    x_default = False

    # SITE_URL builds every absolute link, not the Host header of the request.
    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class PagesSitemap(PortalSitemap):
    priority = 0.8

    def items(self):
        return [
            "home",
            "centers:list",
            "regions:list",
            "partners:list",
            "events:list",
            "accessibility",
            "privacy",
            "imprint",
        ]

    def location(self, item):
        return reverse(item)


class CenterSitemap(PortalSitemap):
    priority = 0.7

    def items(self):
        return Center.objects.active().order_by("slug").only("slug", "last_verified_at")

    def lastmod(self, center):
        return center.last_verified_at


class StateSitemap(PortalSitemap):
    def items(self):
        return State.objects.order_by("code")


class PartnerSitemap(PortalSitemap):
    def items(self):
        return Partner.objects.active().order_by("slug").only("slug")


class MeetingSitemap(PortalSitemap):
    def items(self):
        return Meeting.objects.public().order_by("slug").only("slug")


SITEMAPS = {
    "pages": PagesSitemap,
    "centers": CenterSitemap,
    "regions": StateSitemap,
    "partners": PartnerSitemap,
    "events": MeetingSitemap,
}
