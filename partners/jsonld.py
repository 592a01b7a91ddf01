"""schema.org JSON-LD of a partner page, for search engines."""

from django.conf import settings
from django.utils.safestring import SafeString

from welcome_portal.structured_data import json_ld

GOVERNMENT_KINDS = {"federal-ministry", "federal-agency"}


def _address(partner) -> dict | None:
    if not (partner.address or partner.city):
        return None
    address = {"@type": "PostalAddress", "addressLocality": partner.display_city}
    if partner.address:
        address["streetAddress"] = ", ".join(partner.address.splitlines())
    if partner.country:
        address["addressCountry"] = partner.country.code
    return address


def partner_jsonld(partner) -> SafeString:
    """An Organization (GovernmentOrganization for ministries and agencies), ready for
    <script type="application/ld+json">."""
    kind = "GovernmentOrganization" if partner.kind.slug in GOVERNMENT_KINDS else "Organization"
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": partner.display_name,
        "alternateName": partner.display_short_name or None,
        "url": settings.SITE_URL + partner.get_absolute_url(),
        "sameAs": partner.website or None,
        "description": partner.description or None,
        "email": partner.email or None,
        "telephone": partner.phone or None,
        "address": _address(partner),
    }
    if partner.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(partner.latitude),
            "longitude": float(partner.longitude),
        }
    if partner.email or partner.phone:
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "email": partner.email or None,
            "telephone": partner.phone or None,
        }
    if partner.parent_id and partner.parent.status == "active":
        data["parentOrganization"] = {
            "@type": "Organization",
            "name": partner.parent.display_name,
            "url": settings.SITE_URL + partner.parent.get_absolute_url(),
        }
    return json_ld(data)
