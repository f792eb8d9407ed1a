"""Plain text of an analysis body, and how long it takes to read (pure functions)."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping

from django.utils.translation import ngettext, override

from .languages import words_per_minute

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def _strings(value) -> Iterable[str]:
    """The text inside a StreamField's raw data, skipping block ids, types and URLs."""
    if isinstance(value, str):
        if value and not value.startswith(("http://", "https://", "mailto:")):
            yield value
    elif isinstance(value, dict):
        if "type" in value and "value" in value:
            yield from _strings(value["value"])
        else:
            for key, item in value.items():
                if key not in ("id", "type", "format", "cell", "mergedCells"):
                    yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def plain_text(raw_stream) -> str:
    """Readable text of a StreamField's raw data, rich text tags removed."""
    parts = []
    for text in _strings(list(raw_stream or ())):
        if "<" in text:
            text = _TAG.sub(" ", text)
        parts.append(html.unescape(text))
    return "\n".join(parts)


def reading_minutes(text: str, language: str, speeds: Mapping[str, float] | None = None) -> int:
    """Whole minutes to read ``text`` (at least 1), at the language's reading speed
    (:func:`ankasam_pubs.languages.words_per_minute`: the host's ``speeds`` first, 200
    words a minute by default)."""
    return max(1, math.ceil(len(_WORD.findall(text)) / words_per_minute(language, speeds)))


def reading_time_label(minutes: int, language: str) -> str:
    """ "4 min read" in ``language``: the plural form its catalogue's plural rule picks.

    The count is an integer below a thousand, which Django's number formatting
    (``formats.number_format``) leaves as it is in every language (it only groups
    thousands; digits are never replaced), so it is interpolated directly."""
    with override(language):
        return ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {
            "minutes": minutes
        }


#: Longest search a reader may send (characters); longer ones are refused, not cut.
MAX_SEARCH_LENGTH = 200


#: Unicode's first-strong isolate and pop-directional isolate: plain text's <bdi>.
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` as a bidirectional isolate, for plain text (messages, feed titles,
    attributes) where a name or title sits inside other words: an Arabic name, or a
    right-to-left override (U+202E) typed into a title, cannot reorder what follows it.
    HTML uses ``<bdi>`` instead."""
    return f"{FSI}{text}{PDI}" if text else text


# Letters Unicode decomposition cannot bring to ASCII, Cyrillic and Arabic script
# (simplified scholarly transliteration, consonants only for Arabic: short vowels are
# not written), so an ASCII slug keeps the name readable.
_TO_ASCII = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdezijklmnoprstufye", strict=True)),
        **dict(zip("АБВГДЕЗИЙКЛМНОПРСТУФЫЭ", "ABVGDEZIJKLMNOPRSTUFYE", strict=True)),
        "ё": "e",
        "Ё": "E",
        "ж": "zh",
        "Ж": "Zh",
        "х": "kh",
        "Х": "Kh",
        "ц": "ts",
        "Ц": "Ts",
        "ч": "ch",
        "Ч": "Ch",
        "ш": "sh",
        "Ш": "Sh",
        "щ": "shch",
        "Щ": "Shch",
        "ъ": "",
        "Ъ": "",
        "ь": "",
        "Ь": "",
        "ю": "yu",
        "Ю": "Yu",
        "я": "ya",
        "Я": "Ya",
        **dict(zip("ابتجحدرزسصضطظفقكلمنهويىةأإآ", "abtjhdrzssdtzfqklmnhwyaaaia", strict=True)),
        **dict(zip("ثخذشغ", ["th", "kh", "dh", "sh", "gh"], strict=True)),
        **dict.fromkeys("ءعئؤ\u0640", ""),  # hamza, ain and tatweel: no Latin letter
        **dict(zip("پچژگکی", ["p", "ch", "zh", "g", "k", "y"], strict=True)),  # Persian
    }
)


#: Dashes of every kind ("Japan–South Korea") separate words in a slug, as a hyphen
#: does (a regular expression that Python and, through Wagtail, JavaScript both read).
DASHES = r"[\u2010-\u2015\u2212]"


def ascii_slug(value: str) -> str:
    """An ASCII slug of ``value``: "Ayşe Yılmaz" -> "ayse-yilmaz", "Рустам Каримов" ->
    "rustam-karimov"; dashes of any kind separate words ("Japan–Korea" -> "japan-korea")."""
    from django.utils.text import slugify

    value = re.sub(DASHES, "-", value or "")
    return slugify(value.translate(_TO_ASCII))
