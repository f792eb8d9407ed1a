"""Any language: dates, quotation marks, conjunctions, reading time, og:locale, stop
words and stems for languages beyond English, Turkish and Russian (German, French and
Arabic at least), and the documented fallbacks for a language the app knows nothing of.

Our own strings are compared with what gettext gives for the same message id and
context under ``translation.override``, so the tests hold before and after the
catalogues of these languages exist; month names are Django's and asserted literally.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess

import pytest
import snowballstemmer
from django.conf import global_settings
from django.utils import translation
from django.utils.translation import ngettext, pgettext

from ankasam_pubs.footnotes.citations import format_citation
from ankasam_pubs.footnotes.sources import Name, PartialDate, Source, SourceType
from ankasam_pubs.languages import (
    DEFAULT_WORDS_PER_MINUTE,
    og_locale,
    words_per_minute,
)
from ankasam_pubs.pages.citation import analysis_source, apa, chicago
from ankasam_pubs.search.text import query_terms, snippet
from ankasam_pubs.stems import STEMMERS, STOP_WORDS, stop_words, terms, words
from ankasam_pubs.text import reading_minutes, reading_time_label

ANALYSIS = analysis_source(
    title="Gas",
    authors=[Name(family="Schmidt", given="Anna"), Name(family="Martin", given="Pierre")],
    date=datetime.date(2026, 11, 20),
    url="https://example.org/gas/",
    publisher="Centre",
)

WEB_PAGE = Source(
    type=SourceType.WEB_PAGE,
    authors=(Name(literal="Ayşe Demir"), Name(literal="Mehmet Kaya")),
    title="Grain in Transit",
    container_title="Example Outlet",
    issued=PartialDate(2026, 11, 20),
    url="https://example.org/grain",
)


def _ours(language: str, message: str) -> str:
    with translation.override(language):
        return pgettext("citation author list", message)


# -- citations: dates from Django, conjunctions from our catalogue ---------------------------


@pytest.mark.parametrize(
    ("language", "chicago_date", "apa_date"),
    [
        ("de", "20. November 2026", "(2026, 20. November)."),
        ("fr", "20 novembre 2026", "(2026, 20 novembre)."),
        ("ar", "20 نوفمبر، 2026", "(2026, 20 نوفمبر)."),
    ],
)
def test_analysis_citation_dates_and_conjunction_in_one_language(language, chicago_date, apa_date):
    """The German page once read "Schmidt, Anna und Pierre Martin… November 20, 2026":
    the conjunction from another package's catalogue, the date in English."""
    and_ = _ours(language, "and")
    ampersand = _ours(language, "&")
    chicago_html = str(chicago(ANALYSIS, language))
    assert f"<bdi>Schmidt, Anna</bdi> {and_} <bdi>Pierre Martin</bdi>." in chicago_html
    assert f"<bdi>Centre</bdi>, {chicago_date}." in chicago_html
    apa_html = str(apa(ANALYSIS, language))
    assert f"<bdi>Schmidt, A.</bdi>, {ampersand.replace('&', '&amp;')} <bdi>Martin, P.</bdi>" in (
        apa_html
    )
    assert apa_date in apa_html
    assert "November 20," not in chicago_html + apa_html  # the English order


def test_the_conjunction_is_not_taken_from_another_packages_catalogue():
    """Django's own German catalogue translates a bare "and"; ours is asked with a
    context, so until our German catalogue says otherwise the msgid itself is shown."""
    with translation.override("de"):
        other = translation.gettext("and")
    ours = _ours("de", "and")
    html = str(chicago(ANALYSIS, "de"))
    assert f" {ours} " in html
    if other != ours:  # true while our German catalogue has no translation of its own
        assert f" {other} " not in html


def test_english_citations_are_unchanged():
    assert "<bdi>Schmidt, Anna</bdi>, and <bdi>Pierre Martin</bdi>." in str(chicago(ANALYSIS, "en"))
    assert "Centre</bdi>, November 20, 2026." in str(chicago(ANALYSIS, "en"))
    assert "(2026, November 20)." in str(apa(ANALYSIS, "en"))


def test_a_language_django_has_no_formats_for_gets_iso_dates():
    assert "<bdi>Centre</bdi>, 2026-11-20." in str(chicago(ANALYSIS, "yo"))
    assert "(2026-11-20)." in str(apa(ANALYSIS, "yo"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Ayşe Demir {and} Mehmet Kaya, „Grain in Transit“, Example Outlet, "
         "20. November 2026"),
        ("fr", "Ayşe Demir {and} Mehmet Kaya, «\u00a0Grain in Transit\u00a0», Example Outlet, "
         "20 novembre 2026"),
        ("ar", "Ayşe Demir {and} Mehmet Kaya, «Grain in Transit», Example Outlet, 20 نوفمبر، 2026"),
        ("es", "Ayşe Demir {and} Mehmet Kaya, «Grain in Transit», Example Outlet, "
         "20 de noviembre de 2026"),
    ],
)  # fmt: skip
def test_chicago_note_quotes_dates_and_conjunction(language, expected):
    html = str(format_citation(WEB_PAGE, style="chicago", language=language))
    assert html.startswith(expected.format(**{"and": _ours(language, "and")}))


def test_a_language_without_a_quotation_table_puts_punctuation_outside_curly_quotes():
    html = str(format_citation(WEB_PAGE, style="chicago", language="nl"))
    assert "“Grain in Transit”, Example Outlet" in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "листопад 2026"), ("pl", "listopad 2026"), ("de", "November 2026")],
)
def test_month_and_year_lower_case_where_django_writes_months_in_lower_case(language, expected):
    source = Source(type=SourceType.WEB_PAGE, title="T", issued=PartialDate(2026, 11))
    assert expected in str(format_citation(source, style="chicago", language=language))


# -- reading time ------------------------------------------------------------------------------


def test_reading_speed_has_a_default_for_other_languages():
    assert words_per_minute("de") == words_per_minute("ar") == DEFAULT_WORDS_PER_MINUTE == 200
    assert words_per_minute("tr") == 180
    assert reading_minutes("Wort " * 400, "de") == 2
    assert reading_minutes("Wort " * 401, "de") == 3


def test_the_host_sets_reading_speeds_before_the_apps():
    host = {"de": 100, "pt_BR": 150, "PT": 120, "tr": 90}
    assert words_per_minute("de", host) == 100
    assert words_per_minute("de-at", host) == 100  # a region falls back to its language
    assert words_per_minute("pt-br", host) == 150  # the region's own entry first
    assert words_per_minute("pt-pt", host) == 120
    assert words_per_minute("tr", host) == 90  # over the app's 180
    assert words_per_minute("ru", host) == 180  # the app's, where the host says nothing
    assert words_per_minute("fr", host) == DEFAULT_WORDS_PER_MINUTE
    assert reading_minutes("Wort " * 401, "de", host) == 5


@pytest.mark.django_db
def test_an_analysis_reads_the_hosts_reading_speed(settings, client):
    from tests.factories import analysis, paragraphs, site_tree

    page = analysis(
        site_tree()["index"]["en"], "Speed", body=paragraphs("<p>" + "word " * 700 + "</p>")
    )
    assert "4 min read" in client.get(page.url).content.decode()  # 230 a minute
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "WORDS_PER_MINUTE": {"en": 100}}
    assert "7 min read" in client.get(page.url).content.decode()


def test_reading_speeds_must_be_positive_numbers():
    from ankasam_pubs.conf import validate

    assert validate({"WORDS_PER_MINUTE": {"de": 210, "pt-br": 180.5}}) == []
    (problem,) = validate({"WORDS_PER_MINUTE": {"de": 0, "fr": "fast", "en": 200}})
    assert "must map to numbers of at least 1" in problem and "'de', 'fr'" in problem


@pytest.mark.parametrize("language", ["de", "fr", "ar"])
def test_reading_time_label_is_our_plural_message(language):
    for minutes in (1, 2, 3, 11, 100):
        with translation.override(language):
            expected = ngettext("%(minutes)d min read", "%(minutes)d min read", minutes)
        assert reading_time_label(minutes, language) == expected % {"minutes": minutes}


# -- OpenGraph ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "en_GB"),
        ("de", "de_DE"),
        ("fr", "fr_FR"),
        ("ar", "ar_AR"),
        ("tr", "tr_TR"),
        ("uk", "uk_UA"),
        ("ja", "ja_JP"),
        ("pt-br", "pt_BR"),
        ("en_US", "en_US"),
        ("zh-hans", "zh_CN"),
        ("zh-hant", "zh_TW"),
        ("sr-latn", "sr_RS"),
    ],
)
def test_og_locale(code, expected):
    assert og_locale(code) == expected


def test_every_language_django_knows_gets_a_language_territory_og_locale():
    for code, _name in global_settings.LANGUAGES:
        locale = og_locale(code)
        assert re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}", locale), code


# -- stop words and stems ----------------------------------------------------------------------


def test_every_snowball_language_has_a_stemmer():
    for algorithm in snowballstemmer.algorithms():
        if algorithm not in ("porter", "dutch_porter"):  # variants, not languages
            assert algorithm in STEMMERS.values(), algorithm
    assert STEMMERS["de"] == "german" and STEMMERS["ar"] == "arabic" and STEMMERS["nb"]


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("de", ["Pipelines", "Pipeline"]),
        ("fr", ["gazoducs", "gazoduc"]),
        # "the book", "book", "his book", vowelled, stretched with tatweel, "their book"
        ("ar", ["الكتاب", "كتاب", "كتابه", "الكِتَابُ", "كـتـاب", "كتابهم"]),
    ],
)
def test_word_forms_conflate(language, forms):
    stems = {tuple(terms(form, language)) for form in forms}
    assert len(stems) == 1 and len(next(iter(stems))) == 1, stems


@pytest.mark.parametrize(
    ("language", "text", "kept"),
    [
        ("de", "Die Pipeline und der Hafen", 2),
        ("fr", "Le gazoduc et les ports", 2),
        ("ar", "الكتاب في المكتبة", 2),
        ("ar", "الكتاب فِي المكتبة", 2),  # a vowelled stop word is still one
    ],
)
def test_stop_words_of_other_languages(language, text, kept):
    assert len(terms(text, language)) == kept


def test_english_turkish_russian_keep_the_apps_own_lists():
    for language in ("en", "tr", "ru"):
        assert stop_words(language) is STOP_WORDS[language]
    assert "und" in stop_words("de") and "les" in stop_words("fr") and "في" in stop_words("ar")


def test_words_keep_their_combining_marks():
    """Python's \\w has no combining marks: a Hindi word must not fall apart."""
    assert words("हिन्दी भाषा", "hi") == ["हिन्दी", "भाषा"]
    assert terms("हिन्दी भाषा", "hi")


def test_a_language_the_app_knows_nothing_of_is_whole_lower_cased_words():
    assert terms("Maneno MAKUBWA", "xx") == ["maneno", "makubwa"]


def test_vowelled_arabic_word_is_marked_whole_in_a_snippet():
    html = str(snippet("قرأتُ الكِتَابَ أمس", query_terms("كتاب", "ar"), "ar"))
    assert "<mark>الكِتَابَ</mark>" in html


# -- a language the app does not ship, added by the host (docs/how-to/add-a-language.md) ------

HOST_CATALOGUE = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgctxt "citation author list"
msgid "and"
msgstr "na"

msgctxt "citation author list"
msgid "&"
msgstr "na"

msgid "%(minutes)d min read"
msgid_plural "%(minutes)d min read"
msgstr[0] "dakika %(minutes)d ya kusoma"
msgstr[1] "dakika %(minutes)d za kusoma"
"""


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")
def test_a_host_catalogue_adds_a_language_the_app_does_not_ship(settings, tmp_path):
    """Swahili: no catalogue of ours, and no Django date formats (so ISO dates)."""
    directory = tmp_path / "sw" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    (directory / "django.po").write_text(HOST_CATALOGUE, encoding="utf-8")
    subprocess.run(
        ["msgfmt", "-o", str(directory / "django.mo"), str(directory / "django.po")], check=True
    )
    assert "<bdi>Schmidt, Anna</bdi> and <bdi>Pierre Martin</bdi>" in str(chicago(ANALYSIS, "sw"))
    settings.LOCALE_PATHS = [str(tmp_path)]  # Django drops its loaded catalogues
    chicago_html = str(chicago(ANALYSIS, "sw"))
    assert "<bdi>Schmidt, Anna</bdi> na <bdi>Pierre Martin</bdi>." in chicago_html
    assert "<bdi>Centre</bdi>, 2026-11-20." in chicago_html
    assert "<bdi>Schmidt, A.</bdi>, na <bdi>Martin, P.</bdi> (2026-11-20)." in str(
        apa(ANALYSIS, "sw")
    )
    assert reading_time_label(1, "sw") == "dakika 1 ya kusoma"
    assert reading_time_label(3, "sw") == "dakika 3 za kusoma"
