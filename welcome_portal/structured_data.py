"""schema.org JSON-LD for the body of a <script type="application/ld+json">, for centers and
partners alike: empty values left out, and nothing in the data can end the element early."""

import json

from django.utils.safestring import SafeString, mark_safe

# As json_script does: inside <script> only "<", ">" and "&" matter; JSON allows them escaped.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: dict) -> SafeString:
    """The data as safe script text: escaped (see _SCRIPT_SAFE), so marking it safe is sound."""
    text = json.dumps(_without_empty(data), ensure_ascii=False)
    return mark_safe(text.translate(_SCRIPT_SAFE))  # nosec B308 B703


def _without_empty(value):
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in (None, [], "")}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value
