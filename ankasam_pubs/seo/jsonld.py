"""JSON-LD serialisation safe inside ``<script>``, whatever editors type."""

from __future__ import annotations

import json


def jsonld(data: dict) -> str:
    """``<``, ``>`` and ``&`` are escaped, so a title containing ``</script>`` cannot end
    the script element; the result is still valid JSON with the same values."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
