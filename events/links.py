"""Absolute links, always from SITE_URL: e-mails, calendar files and QR codes are read far
from the request that made them, so the request's Host header never goes into them."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def site_host() -> str:
    """SITE_URL's host name without a port: the domain of Message-IDs and calendar UIDs."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"
