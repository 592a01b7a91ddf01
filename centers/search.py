"""Search text for centers: one folding rule for the stored document and the visitor's query.

German umlauts fold to their two-letter spelling (ü -> ue) so that "Thüringen" and "Thueringen"
meet; other accents are dropped (é -> e); everything is lower case.
"""

import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, umlauts spelled out, accents removed, whitespace collapsed."""
    text = text.lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def collation_key(text: str) -> str:
    """Alphabetical as German lists sort (DIN 5007-1: "Ä" with "A"), fine for English too."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return text.casefold()


def center_document(center) -> str:
    """The folded text a center is found by (a center from `Center.objects.for_listing()`)."""
    parts = [
        center.name,
        center.name_en,
        center.short_name,
        center.short_name_en,
        center.city,
        center.postal_code,
        center.host_organisation,
        center.state.name_de,
        center.state.name_en,
        center.region_served_de,
        center.region_served_en,
        center.served_districts,
        center.target_groups_de,
        center.target_groups_en,
        center.description_de,
        center.description_en,
    ]
    parts += [f"{s.name_de} {s.name_en}" for s in center.service_list]
    parts += [f"{lang.name_de} {lang.name_en}" for lang in center.language_list]
    return fold(" ".join(p for p in parts if p))


def center_areas(center) -> str:
    """The towns, districts and postal-code prefixes of `served_districts`, folded, each
    between bars ("|jena|weimar|07|"), so that one `contains` lookup finds a place."""
    lines = [fold(line) for line in center.served_districts.splitlines()]
    lines = [line for line in lines if line]
    return f"|{'|'.join(lines)}|" if lines else ""
