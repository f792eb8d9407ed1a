"""Per-language rules in one place: reading speed, quotation marks, the date patterns a
citation style demands, OpenGraph regions and Snowball's language names.

Every table here is an exception list: a language missing from it gets a documented
default, so a host may run the app in any language Django knows. Month names, day
names and number formats always come from Django's own locale data (under
``translation.override(language)``), never from these tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import formats
from django.utils.translation import to_locale


def base_language(code: str) -> str:
    """``"pt"`` for ``"pt-br"``, ``"pt_BR"`` or ``"PT"``."""
    return (code or "").replace("_", "-").split("-")[0].lower()


# -- reading time ---------------------------------------------------------------------------

#: Words read per minute. Turkish and Russian words are longer than English ones
#: (agglutination, inflection), so fewer of them are read in a minute.
WORDS_PER_MINUTE = {"en": 230, "tr": 180, "ru": 180}

#: Reading speed of a language missing from :data:`WORDS_PER_MINUTE`: a middle value
#: between short-word and long-word languages.
DEFAULT_WORDS_PER_MINUTE = 200


def words_per_minute(language: str, host: Mapping[str, float] | None = None) -> float:
    """The reading speed of ``language``: the host's own (setting ``WORDS_PER_MINUTE``,
    keyed by language code; ``pt-br``, else ``pt``) before the app's table, then the
    default."""
    wanted = ((language or "").replace("_", "-").lower(), base_language(language))
    for speeds in (host or {}), WORDS_PER_MINUTE:
        known = {key.replace("_", "-").lower(): speed for key, speed in speeds.items()}
        for code in wanted:
            if code in known:
                return known[code]
    return DEFAULT_WORDS_PER_MINUTE


# -- quotation marks ------------------------------------------------------------------------

#: (opening, closing, whether a following comma or full stop goes inside the marks), as
#: Unicode CLDR gives each language's primary quotation marks. French sets its
#: guillemets apart with a no-break space. Arabic uses guillemets rather than CLDR's
#: ”…“: guillemets are mirrored by the bidirectional algorithm, so they point the right
#: way whatever the direction of the text around them.
QUOTES: dict[str, tuple[str, str, bool]] = {
    "en": ("\u201c", "\u201d", True),
    "tr": ("\u201c", "\u201d", False),
    "ru": ("\u00ab", "\u00bb", False),
    "uk": ("\u00ab", "\u00bb", False),
    "de": ("\u201e", "\u201c", False),
    "pl": ("\u201e", "\u201d", False),
    "fr": ("\u00ab\u00a0", "\u00a0\u00bb", False),
    "es": ("\u00ab", "\u00bb", False),
    "it": ("\u00ab", "\u00bb", False),
    "pt": ("\u201c", "\u201d", False),
    "ar": ("\u00ab", "\u00bb", False),
    "fa": ("\u00ab", "\u00bb", False),
}

#: Quotation marks of a language missing from :data:`QUOTES`: curly double quotes, the
#: punctuation after them (the English habit of putting it inside is English only).
DEFAULT_QUOTES = ("\u201c", "\u201d", False)


def quotes(language: str) -> tuple[str, str, bool]:
    return QUOTES.get(base_language(language), DEFAULT_QUOTES)


# -- dates in citations ------------------------------------------------------------------------
#
# Patterns are Django date format strings ("F" month name, "E" the genitive month
# "15 марта"); the names come from Django's locale data for the active language. A
# language listed here has a pattern a citation style demands; any other language uses
# its own Django formats, and a language Django has no formats for uses ISO 8601.

#: (full date, year and month) of Chicago notes and bibliography entries.
LONG_DATE_FORMATS: dict[str, tuple[str, str]] = {
    "en": ("F j, Y", "F Y"),  # Chicago: month name first, no abbreviation
    "tr": ("j F Y", "F Y"),  # Django's Turkish pads the day ("05 Mart")
    "ru": ("j E Y", "F Y"),  # Django's Russian adds "г."
}

#: APA's "(year, month day)" date, where the language's own order needs a pattern.
APA_DATE_FORMATS: dict[str, str] = {"en": "Y, F j", "tr": "Y, j F", "ru": "Y, j E"}

ISO_DATE, ISO_YEAR_MONTH = "Y-m-d", "Y-m"


def has_django_formats(language: str) -> bool:
    """Whether Django ships date and number formats for ``language``."""
    return any(True for _module in formats.iter_format_modules(to_locale(language)))


def long_date_formats(language: str) -> tuple[str, str]:
    """(full date, year and month) patterns for Chicago; call under ``override``."""
    key = base_language(language)
    if key in LONG_DATE_FORMATS:
        return LONG_DATE_FORMATS[key]
    if has_django_formats(language):
        return formats.get_format("DATE_FORMAT"), formats.get_format("YEAR_MONTH_FORMAT")
    return ISO_DATE, ISO_YEAR_MONTH


def apa_date_format(language: str) -> str:
    """The APA pattern: year first, then the language's own month and day."""
    key = base_language(language)
    if key in APA_DATE_FORMATS:
        return APA_DATE_FORMATS[key]
    if has_django_formats(language):
        return "Y, " + formats.get_format("MONTH_DAY_FORMAT")
    return ISO_DATE


# -- OpenGraph ---------------------------------------------------------------------------------

#: Region of an ``og:locale`` for a bare language code whose upper-cased code is not
#: the region to name (OpenGraph wants ``language_TERRITORY``): the country where most
#: of its speakers live (Unicode CLDR's likely region), for every language Django lists
#: whose code differs from that country's. Any other language gets its own code
#: upper-cased: ``de_DE``, ``tr_TR``, ``ar_AR`` (the form Facebook reads for Arabic,
#: spoken in many countries). A language code with a region (``pt-br``) keeps it.
OG_REGIONS = {
    "af": "ZA",
    "ast": "ES",
    "be": "BY",
    "bn": "BD",
    "br": "FR",
    "bs": "BA",
    "ca": "ES",
    "ckb": "IQ",
    "cs": "CZ",
    "cy": "GB",
    "da": "DK",
    "dsb": "DE",
    "el": "GR",
    "en": "GB",
    "et": "EE",
    "eu": "ES",
    "fa": "IR",
    "fy": "NL",
    "ga": "IE",
    "gd": "GB",
    "gl": "ES",
    "he": "IL",
    "hi": "IN",
    "hsb": "DE",
    "hy": "AM",
    "ig": "NG",
    "ja": "JP",
    "ka": "GE",
    "kab": "DZ",
    "kk": "KZ",
    "km": "KH",
    "kn": "IN",
    "ko": "KR",
    "ky": "KG",
    "lb": "LU",
    "ml": "IN",
    "mr": "IN",
    "ms": "MY",
    "my": "MM",
    "nb": "NO",
    "ne": "NP",
    "nn": "NO",
    "os": "RU",
    "pa": "IN",
    "sl": "SI",
    "sq": "AL",
    "sr": "RS",
    "sv": "SE",
    "sw": "KE",
    "ta": "IN",
    "te": "IN",
    "tg": "TJ",
    "tk": "TM",
    "tt": "RU",
    "udm": "RU",
    "ug": "CN",
    "uk": "UA",
    "ur": "PK",
    "vi": "VN",
    "zh": "CN",
    "zh_Hans": "CN",
    "zh_Hant": "TW",
}


def og_locale(language_code: str) -> str:
    """``language_TERRITORY`` for any language code: ``en`` -> ``en_GB``,
    ``pt-br`` -> ``pt_BR``, ``zh-hant`` -> ``zh_TW``, ``de`` -> ``de_DE``."""
    locale = to_locale((language_code or "en").replace("_", "-"))  # "pt_BR", "zh_Hant"
    language, _, rest = locale.partition("_")
    if len(rest) == 2 and rest.isalpha():
        return f"{language}_{rest.upper()}"
    region = OG_REGIONS.get(locale) or OG_REGIONS.get(language) or language.upper()
    return f"{language}_{region}"


# -- Snowball ----------------------------------------------------------------------------------

#: ISO 639-1 code of each language snowballstemmer names; the installed version's
#: ``algorithms()`` decides which of them are used. "porter" and "dutch_porter" are
#: older variants of English and Dutch, not languages.
SNOWBALL_LANGUAGES = {
    "arabic": "ar",
    "armenian": "hy",
    "basque": "eu",
    "catalan": "ca",
    "czech": "cs",
    "danish": "da",
    "dutch": "nl",
    "english": "en",
    "esperanto": "eo",
    "estonian": "et",
    "finnish": "fi",
    "french": "fr",
    "german": "de",
    "greek": "el",
    "hindi": "hi",
    "hungarian": "hu",
    "indonesian": "id",
    "irish": "ga",
    "italian": "it",
    "lithuanian": "lt",
    "nepali": "ne",
    "norwegian": "no",
    "persian": "fa",
    "polish": "pl",
    "portuguese": "pt",
    "romanian": "ro",
    "russian": "ru",
    "serbian": "sr",
    "sesotho": "st",
    "spanish": "es",
    "swedish": "sv",
    "tamil": "ta",
    "turkish": "tr",
    "yiddish": "yi",
}

#: Other codes of a language Snowball has under one name (Norwegian Bokmål, Nynorsk).
SNOWBALL_ALIASES = {"nb": "no", "nn": "no"}
