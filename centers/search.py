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


def center_document(center) -> str:
    """The folded text a center is found by (a center from `Center.objects.for_listing()`)."""
    parts = [
        center.name,
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
