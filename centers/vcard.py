"""A center as a vCard 3.0 (RFC 2426), for the address book of a phone."""

from .models import Center


def _escape(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")  # a lone CR ends a line too
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def center_vcard(center: Center) -> str:
    name = _escape(center.display_name)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", f"N:{name};;;;", f"ORG:{name}"]
    if center.street or center.city:
        parts = ["", "", center.street, center.city, center.state.name_de, center.postal_code]
        address = ";".join(_escape(p) for p in parts)
        lines.append(f"ADR;TYPE=WORK:{address};Germany")
    if center.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(center.phone)}")
    if center.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{center.email}")
    if center.website:
        lines.append(f"URL:{center.website}")
    if center.has_coordinates:
        lines.append(f"GEO:{center.latitude:.6f};{center.longitude:.6f}")
    if center.description:
        lines.append(f"NOTE:{_escape(center.description)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
