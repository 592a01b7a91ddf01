"""schema.org JSON-LD of a center page, for search engines and assistants."""

from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import override

from welcome_portal.structured_data import json_ld

from .models import Center

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def center_structured_data(center: Center) -> SafeString:
    """A GovernmentOffice (centers for everyone) or Organization with address, geo, opening
    hours and contact point, as the body of a <script type="application/ld+json">.
    Uses the prefetched opening hours and languages of the center page."""
    with override("en"):
        english = center.display_name
    url = f"{settings.SITE_URL.rstrip('/')}{center.get_absolute_url()}"
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice" if center.serves_everyone else "Organization",
        "@id": url,
        "name": center.display_name,
        "alternateName": sorted(
            {center.name, english, center.short_name, center.short_name_en}
            - {center.display_name, ""}
        )
        or None,
        "url": url,
        "sameAs": center.website or None,
        "description": center.description or None,
        "telephone": center.phone or None,
        "email": center.email or None,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": center.street or None,
            "postalCode": center.postal_code or None,
            "addressLocality": center.city or None,
            "addressRegion": center.state.name,
            "addressCountry": "DE",
        },
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[h.weekday]}",
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in center.opening_hours.all()
        ],
    }
    if center.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": center.latitude,
            "longitude": center.longitude,
        }
    if center.phone or center.email:
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "telephone": center.phone or None,
            "email": center.email or None,
            "availableLanguage": [lang.name for lang in center.languages.all()],
        }
    return json_ld(data)
