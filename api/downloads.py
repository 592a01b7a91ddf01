"""CSV and GeoJSON of the public directories: one flat row per center or partner."""

import csv
import io
import json

from rest_framework.renderers import BaseRenderer

from .fields import web_urls


def _joined(items, attr: str) -> str:
    return "|".join(getattr(item, attr) for item in items)


def _safe_cell(value):
    """Text that a spreadsheet would run as a formula starts with an apostrophe instead.

    Phone numbers ("+49 …") and negative numbers stay as they are.
    """
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "=@\t\r" or (value[0] in "+-" and not value[1:2].isdigit()):
        return "'" + value
    return value


CENTER_COLUMNS = [
    "id", "name", "kind", "status", "state", "host_organization", "address_1", "postal_code",
    "city", "latitude", "longitude", "email", "phone", "website", "services", "languages",
    "in_person", "by_phone", "by_video", "by_email", "step_free_access", "web_url_de",
    "web_url_en", "last_checked", "modified",
]  # fmt: skip
PARTNER_COLUMNS = [
    "id", "name", "kind", "location_type", "country", "city", "address", "latitude",
    "longitude", "email", "phone", "website", "topics", "parent", "web_url_de", "web_url_en",
    "last_checked", "modified",
]  # fmt: skip


def center_row(center, request) -> dict:
    return {
        "id": center.slug,
        "name": center.name,
        "kind": center.kind,
        "status": center.status,
        "state": center.state.code,
        "host_organization": center.host_organisation,
        "address_1": center.street,
        "postal_code": center.postal_code,
        "city": center.city,
        "latitude": center.latitude,
        "longitude": center.longitude,
        "email": center.email,
        "phone": center.phone,
        "website": center.website,
        "services": _joined(center.service_list, "slug"),
        "languages": _joined(center.language_list, "code"),
        "in_person": center.offers_in_person,
        "by_phone": center.offers_phone,
        "by_video": center.offers_video,
        "by_email": center.offers_email,
        "step_free_access": center.step_free_access,
        **_web_urls(center, request),
        "last_checked": center.last_verified_at.isoformat() if center.last_verified_at else "",
        "modified": center.updated_at.isoformat(),
    }


def partner_row(partner, request) -> dict:
    parent = partner.parent
    return {
        "id": partner.slug,
        "name": partner.name,
        "kind": partner.kind.slug,
        "location_type": partner.location_type,
        "country": partner.country.code or "",
        "city": partner.city,
        "address": partner.address,
        "latitude": float(partner.latitude) if partner.latitude is not None else None,
        "longitude": float(partner.longitude) if partner.longitude is not None else None,
        "email": partner.email,
        "phone": partner.phone,
        "website": partner.website,
        "topics": _joined(partner.topics.all(), "slug"),
        "parent": parent.slug if parent and parent.status == parent.Status.ACTIVE else "",
        **_web_urls(partner, request),
        "last_checked": partner.last_verified_at.isoformat() if partner.last_verified_at else "",
        "modified": partner.updated_at.isoformat(),
    }


def _web_urls(obj, request) -> dict:
    return {f"web_url_{lang}": url for lang, url in web_urls(obj, request).items()}


class CSVRenderer(BaseRenderer):
    """Rows (dicts with the same keys) as UTF-8 CSV with a header line."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        out = io.StringIO()
        columns = renderer_context["view"].columns  # the header line even when nothing matches
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for row in data:
            writer.writerow({key: _safe_cell(value) for key, value in row.items()})
        return out.getvalue().encode(self.charset)


class GeoJSONRenderer(BaseRenderer):
    """Rows with `latitude`/`longitude` as a FeatureCollection (RFC 7946); without a position,
    a feature's geometry is null."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, list):
            data = {"type": "FeatureCollection", "features": [_feature(row) for row in data]}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _feature(row: dict) -> dict:
    properties = dict(row)
    lat, lon = properties.pop("latitude"), properties.pop("longitude")
    geometry = None if lat is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": properties}
