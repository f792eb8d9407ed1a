"""Footnote citations as HTML: house style, Chicago notes and "Ibid.", in three languages.

Tests whose expected text contains a Turkish or Russian label (for instance "Erişim
Tarihi", "A.g.e.", "Там же", "vd.", "и др.") need those labels in the app's catalogues.
"""

import datetime
import re

import pytest
from django.utils.safestring import SafeString

from ankasam_pubs.footnotes.citations import STYLES, bare_doi, format_citation, format_ibid
from ankasam_pubs.footnotes.sources import LocatorLabel, Name, PartialDate, Source, SourceType

AYSE = Name(family="Demir", given="Ayşe")
MEHMET = Name(family="Kaya", given="Mehmet")
IVAN = Name(family="Иванов", given="Иван")
BANK = Name(literal="World Bank")

LINK = '<a href="https://example.org/grain/">example.org/grain</a>'
FULL_LINK = '<a href="https://example.org/grain/">https://example.org/grain/</a>'
DOI_LINK = '<a href="https://doi.org/10.1234/emr.3">https://doi.org/10.1234/emr.3</a>'

WEB = Source(
    type=SourceType.WEB_PAGE,
    authors=(AYSE,),
    title="Grain in Transit",
    container_title="Example Maritime Review",
    url="https://example.org/grain/",
    accessed=datetime.date(2023, 3, 15),
)
JOURNAL = Source(
    type=SourceType.JOURNAL_ARTICLE,
    authors=(AYSE, MEHMET),
    title="Grain in Transit",
    container_title="Example Maritime Review",
    issued=PartialDate(2023, 3),
    volume="12",
    issue="3",
    pages="45-67",
    doi="10.1234/emr.3",
)
BOOK = Source(
    type=SourceType.BOOK,
    authors=(AYSE,),
    title="Ports of the Black Sea",
    publisher="Example Press",
    issued=PartialDate(2020),
)


def house(source, language="en"):
    return format_citation(source, style="house", language=language)


def chicago(source, language="en"):
    return format_citation(source, style="chicago", language=language)


def with_(source, **changes):
    return Source(**{**source.__dict__, **changes})


# -- house style ------------------------------------------------------------------------------


def test_house_web_page_english():
    assert house(WEB) == (
        'Ayşe Demir, "Grain in Transit", Example Maritime Review, '
        f"{LINK}, (Date of Accession: 15.03.2023)."
    )


def test_house_web_page_turkish():
    assert house(WEB, "tr") == (
        'Ayşe Demir, "Grain in Transit", Example Maritime Review, '
        f"{LINK}, (Erişim Tarihi: 15.03.2023)."
    )


def test_house_web_page_russian():
    assert house(WEB, "ru") == (
        'Ayşe Demir, "Grain in Transit", Example Maritime Review, '
        f"{LINK}, (Дата обращения: 15.03.2023)."
    )


def test_house_returns_safe_html():
    assert isinstance(house(WEB), SafeString)
    assert isinstance(chicago(WEB), SafeString)


def test_house_authors_are_all_listed_given_name_first_without_and():
    source = with_(WEB, authors=(AYSE, MEHMET, BANK, IVAN))
    assert house(source).startswith("Ayşe Demir, Mehmet Kaya, World Bank, Иван Иванов, ")
    assert " and " not in house(source)


def test_house_outlet_falls_back_to_publisher():
    source = with_(WEB, container_title="", publisher="Example Institute")
    assert house(source) == (
        f'Ayşe Demir, "Grain in Transit", Example Institute, {LINK}, '
        "(Date of Accession: 15.03.2023)."
    )


def test_house_plain_http_url_and_no_trailing_slash():
    source = with_(WEB, url="http://example.org/a/b?x=1&y=2")
    assert '<a href="http://example.org/a/b?x=1&amp;y=2">example.org/a/b?x=1&amp;y=2</a>' in house(
        source
    )


def test_house_journal_parts():
    source = with_(JOURNAL, url="https://example.org/grain/", accessed=datetime.date(2023, 3, 5))
    assert house(source) == (
        'Ayşe Demir, Mehmet Kaya, "Grain in Transit", Example Maritime Review, '
        f"Vol. 12, No. 3, 2023, pp. 45-67, doi:10.1234/emr.3, {LINK}, "
        "(Date of Accession: 05.03.2023)."
    )


def test_house_journal_parts_turkish():
    assert house(JOURNAL, "tr") == (
        'Ayşe Demir, Mehmet Kaya, "Grain in Transit", Example Maritime Review, '
        "C. 12, S. 3, 2023, ss. 45-67, doi:10.1234/emr.3."
    )


def test_house_journal_parts_russian():
    assert house(JOURNAL, "ru") == (
        'Ayşe Demir, Mehmet Kaya, "Grain in Transit", Example Maritime Review, '
        "Т. 12, № 3, 2023, с. 45-67, doi:10.1234/emr.3."
    )


def test_house_doi_written_as_url_is_shown_bare():
    source = with_(JOURNAL, doi="https://doi.org/10.1234/emr.3")
    assert "doi:10.1234/emr.3." in house(source)


def test_house_single_page():
    source = with_(JOURNAL, volume="", issue="", pages="45", doi="")
    assert house(source).endswith("Example Maritime Review, 2023, p. 45.")


@pytest.mark.parametrize(
    ("locator", "label", "expected"),
    [
        ("12", LocatorLabel.PAGE, "p. 12"),
        ("12-14", LocatorLabel.PAGE, "pp. 12-14"),
        ("3", LocatorLabel.PARAGRAPH, "para. 3"),
        ("2.1", LocatorLabel.SECTION, "sec. 2.1"),
        ("4", LocatorLabel.CHAPTER, "ch. 4"),
    ],
)
def test_house_locator(locator, label, expected):
    """The place cited comes with the work's own numbers, before the address and the
    accession date (not after them)."""
    source = with_(WEB, locator=locator, locator_label=label)
    assert house(source) == (
        'Ayşe Demir, "Grain in Transit", Example Maritime Review, '
        f"{expected}, {LINK}, (Date of Accession: 15.03.2023)."
    )


def test_house_locator_turkish_and_russian():
    source = with_(BOOK, locator="12")
    assert (
        house(source, "tr") == 'Ayşe Demir, "Ports of the Black Sea", Example Press, 2020, s. 12.'
    )
    assert (
        house(source, "ru") == 'Ayşe Demir, "Ports of the Black Sea", Example Press, 2020, с. 12.'
    )


def test_house_books_reports_and_articles_keep_their_year_web_pages_do_not():
    for kind in (SourceType.BOOK, SourceType.REPORT, SourceType.CHAPTER):
        assert ", 2020" in house(with_(BOOK, type=kind)), kind
    assert ", 2023," in house(JOURNAL)
    web = with_(WEB, issued=PartialDate(2023, 3, 1))
    assert "2023," not in house(web) and "(Date of Accession: 15.03.2023)" in house(web)


@pytest.mark.parametrize("language", ["en", "tr", "ru"])
@pytest.mark.parametrize("style", ["house", "chicago"])
def test_a_title_ending_in_a_question_mark_takes_no_extra_stop(style, language):
    for source in (
        Source(type=SourceType.WEB_PAGE, title="Who Pays for the Pipeline?"),
        Source(type=SourceType.BOOK, title="Who Pays for the Pipeline?"),
        with_(BOOK, title="Who Pays for the Pipeline?", publisher=""),
    ):
        html = format_citation(source, style=style, language=language)
        text = re.sub(r"<[^>]+>", "", str(html))
        assert "?." not in text, (style, text)


def test_house_title_only():
    assert house(Source(title="Grain in Transit")) == '"Grain in Transit".'


def test_house_skips_empty_parts():
    source = Source(title="Grain in Transit", url="https://example.org/grain/")
    assert house(source) == f'"Grain in Transit", {LINK}.'


def test_house_ends_with_exactly_one_full_stop():
    source = Source(authors=(AYSE,), publisher="Example Co.")
    assert house(source) == "Ayşe Demir, Example Co."
    source = with_(BOOK, locator="12 ff.")
    assert house(source).endswith("p. 12 ff.")
    assert ".." not in house(source)


def test_empty_source_gives_empty_text():
    assert house(Source()) == ""
    assert chicago(Source()) == ""


# -- escaping ---------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="x'


@pytest.mark.parametrize("style", STYLES)
def test_text_fields_are_escaped(style):
    source = Source(
        type=SourceType.JOURNAL_ARTICLE,
        authors=(Name(literal=SCRIPT), Name(family=ATTRIBUTE, given="A")),
        title=SCRIPT,
        container_title=ATTRIBUTE,
        publisher=SCRIPT,
        volume=SCRIPT,
        issue=ATTRIBUTE,
        pages=SCRIPT,
        doi=SCRIPT,
        locator=SCRIPT,
    )
    html = format_citation(source, style=style, language="en")
    assert "<script" not in html
    assert 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot; onmouseover=&quot;x" in html


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x"],
)
def test_only_http_urls_are_linked(style, url):
    source = Source(title="Grain", url=url)
    html = format_citation(source, style=style, language="en")
    assert "<a" not in html
    assert "href" not in html
    assert url.split(":")[0] in html


def test_javascript_url_shown_as_text():
    source = Source(title="Grain", url="javascript:alert(1)")
    assert house(source) == '"Grain", javascript:alert(1).'
    assert chicago(source) == "“Grain,” javascript:alert(1)."


def test_quotes_in_a_url_cannot_break_out_of_the_attribute():
    source = Source(title="Grain", url='https://example.org/"onmouseover="alert(1)')
    html = house(source)
    assert '<a href="https://example.org/&quot;onmouseover=&quot;alert(1)">' in html
    assert html.count('"') == 4  # the two quotes round the title, the two of href


@pytest.mark.parametrize("style", STYLES)
def test_ibid_locator_is_escaped(style):
    source = with_(BOOK, locator=SCRIPT)
    html = format_ibid(source, BOOK, style=style, language="en")
    assert html == "Ibid., &lt;script&gt;alert(1)&lt;/script&gt;."


def test_translated_labels_are_escaped(monkeypatch):
    from ankasam_pubs.footnotes import citations

    monkeypatch.setattr(citations, "gettext", lambda message: "<b>" + message)
    assert "&lt;b&gt;Date of Accession" in house(WEB)
    assert "<b>" not in format_ibid(with_(BOOK, locator="3"), BOOK, style="house", language="en")


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError, match="unknown citation style"):
        format_citation(WEB, style="apa", language="en")
    with pytest.raises(ValueError, match="unknown citation style"):
        format_ibid(WEB, WEB, style="apa", language="en")


# -- Chicago, English ------------------------------------------------------------------------


def test_chicago_web_page_with_issued_date():
    source = with_(WEB, issued=PartialDate(2023, 3, 1))
    assert chicago(source) == (
        f"Ayşe Demir, “Grain in Transit,” Example Maritime Review, March 1, 2023, {FULL_LINK}."
    )


def test_chicago_web_page_accessed_when_no_issued_date():
    assert chicago(WEB) == (
        "Ayşe Demir, “Grain in Transit,” Example Maritime Review, accessed March 15, 2023, "
        f"{FULL_LINK}."
    )


def test_chicago_web_page_partial_dates():
    assert "Review, March 2023, <a" in chicago(with_(WEB, issued=PartialDate(2023, 3)))
    assert "Review, 2023, <a" in chicago(with_(WEB, issued=PartialDate(2023)))


def test_chicago_news_article():
    source = Source(
        type=SourceType.NEWS_ARTICLE,
        authors=(MEHMET,),
        title="Ships Wait at the Straits",
        container_title="Daily Example",
        issued=PartialDate(2024, 1, 9),
        url="https://news.example.com/ships",
    )
    assert chicago(source) == (
        "Mehmet Kaya, “Ships Wait at the Straits,” <i>Daily Example</i>, January 9, 2024, "
        '<a href="https://news.example.com/ships">https://news.example.com/ships</a>.'
    )


def test_chicago_journal_article_prefers_doi_link():
    source = with_(JOURNAL, url="https://example.org/grain/")
    assert chicago(source) == (
        "Ayşe Demir and Mehmet Kaya, “Grain in Transit,” <i>Example Maritime Review</i> 12, "
        f"no. 3 (2023): 45–67, {DOI_LINK}."
    )


def test_chicago_journal_article_without_doi_links_url():
    source = with_(JOURNAL, doi="", url="https://example.org/grain/")
    assert chicago(source).endswith(f"(2023): 45–67, {FULL_LINK}.")


def test_chicago_book_with_locator():
    source = with_(BOOK, locator="12")
    assert chicago(source) == "Ayşe Demir, <i>Ports of the Black Sea</i> (Example Press, 2020), 12."


def test_chicago_book_without_date():
    source = with_(BOOK, issued=None)
    assert chicago(source) == "Ayşe Demir, <i>Ports of the Black Sea</i> (Example Press, n.d.)."


def test_chicago_chapter():
    source = Source(
        type=SourceType.CHAPTER,
        authors=(AYSE,),
        title="Grain and Empire",
        container_title="The Black Sea Economy",
        publisher="Example Press",
        issued=PartialDate(2021),
        pages="10-20",
    )
    assert chicago(source) == (
        "Ayşe Demir, “Grain and Empire,” in <i>The Black Sea Economy</i> "
        "(Example Press, 2021), 10–20."
    )


def test_chicago_report():
    source = Source(
        type=SourceType.REPORT,
        authors=(BANK,),
        title="Commodity Markets Outlook",
        publisher="World Bank",
        issued=PartialDate(2023, 4),
        url="https://example.org/cmo",
    )
    assert chicago(source) == (
        "World Bank, <i>Commodity Markets Outlook</i> (World Bank, 2023), "
        '<a href="https://example.org/cmo">https://example.org/cmo</a>.'
    )


def test_chicago_interview():
    source = Source(
        type=SourceType.INTERVIEW,
        authors=(IVAN,),
        title="On the Grain Deal",
        container_title="Example Radio",
        issued=PartialDate(2022, 7, 23),
    )
    assert chicago(source) == "Иван Иванов, “On the Grain Deal,” Example Radio, July 23, 2022."


def test_chicago_other_is_like_a_web_page():
    source = with_(WEB, type=SourceType.OTHER)
    assert chicago(source) == chicago(WEB)


def test_chicago_locator_labels():
    assert chicago(with_(BOOK, locator="3", locator_label=LocatorLabel.PARAGRAPH)).endswith(
        "2020), para. 3."
    )
    assert chicago(with_(WEB, locator="2", locator_label=LocatorLabel.SECTION)).endswith(
        f"{FULL_LINK}, sec. 2."
    )


def test_chicago_title_only():
    assert chicago(Source(title="Grain in Transit")) == "“Grain in Transit.”"


def test_chicago_question_mark_title_takes_no_comma_or_stop():
    source = Source(title="Why Grain?", container_title="Example Review")
    assert chicago(source) == "“Why Grain?” Example Review."
    assert chicago(Source(title="Why Grain?")) == "“Why Grain?”"


def test_chicago_never_doubles_the_full_stop():
    source = with_(BOOK, publisher="Example Co.", issued=None, title="", locator="12 ff.")
    html = chicago(source)
    assert ".." not in html
    assert html.endswith("12 ff.")
    assert ".." not in chicago(Source(authors=(Name(literal="Example Inc."),)))


# -- Chicago author counts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ((AYSE,), "Ayşe Demir"),
        ((AYSE, MEHMET), "Ayşe Demir and Mehmet Kaya"),
        ((AYSE, MEHMET, BANK), "Ayşe Demir, Mehmet Kaya, and World Bank"),
        ((AYSE, MEHMET, BANK, IVAN), "Ayşe Demir et al."),
    ],
)
def test_chicago_author_count_rules(authors, expected):
    assert chicago(with_(BOOK, authors=authors)) == (
        f"{expected}, <i>Ports of the Black Sea</i> (Example Press, 2020)."
    )


@pytest.mark.parametrize(
    ("language", "two", "three"),
    [
        ("tr", "Ayşe Demir ve Mehmet Kaya", "Ayşe Demir, Mehmet Kaya ve World Bank"),
        ("ru", "Ayşe Demir и Mehmet Kaya", "Ayşe Demir, Mehmet Kaya и World Bank"),
    ],
)
def test_chicago_two_and_three_authors_localised(language, two, three):
    assert chicago(with_(BOOK, authors=(AYSE, MEHMET)), language).startswith(two + ", <i>")
    assert chicago(with_(BOOK, authors=(AYSE, MEHMET, BANK)), language).startswith(three + ", <i>")


@pytest.mark.parametrize(("language", "et_al"), [("tr", "vd."), ("ru", "и др.")])
def test_chicago_four_authors_localised(language, et_al):
    source = with_(BOOK, authors=(AYSE, MEHMET, BANK, IVAN))
    assert chicago(source, language).startswith(f"Ayşe Demir {et_al}, <i>")


def test_chicago_et_al_alone_does_not_double_the_stop():
    source = Source(authors=(AYSE, MEHMET, BANK, IVAN))
    assert chicago(source) == "Ayşe Demir et al."


# -- Chicago, Turkish and Russian -------------------------------------------------------------


def test_chicago_turkish_date_and_quotes():
    source = with_(WEB, issued=PartialDate(2023, 3, 15))
    assert chicago(source, "tr") == (
        f"Ayşe Demir, “Grain in Transit”, Example Maritime Review, 15 Mart 2023, {FULL_LINK}."
    )


def test_chicago_russian_date_and_quotes():
    source = with_(WEB, issued=PartialDate(2023, 3, 15))
    assert chicago(source, "ru") == (
        f"Ayşe Demir, «Grain in Transit», Example Maritime Review, 15 марта 2023, {FULL_LINK}."
    )


def test_chicago_russian_month_and_year():
    source = with_(WEB, issued=PartialDate(2023, 3))
    assert "Review, март 2023, <a" in chicago(source, "ru")
    assert "Review, Mart 2023, <a" in chicago(source, "tr")


def test_chicago_russian_title_only_keeps_the_stop_outside():
    assert chicago(Source(title="Зерно"), "ru") == "«Зерно»."


def test_chicago_accessed_turkish():
    assert chicago(WEB, "tr") == (
        "Ayşe Demir, “Grain in Transit”, Example Maritime Review, "
        f"erişim tarihi 15 Mart 2023, {FULL_LINK}."
    )


def test_chicago_accessed_russian():
    assert chicago(WEB, "ru") == (
        "Ayşe Demir, «Grain in Transit», Example Maritime Review, "
        f"дата обращения 15 марта 2023, {FULL_LINK}."
    )


def test_chicago_journal_russian():
    assert chicago(JOURNAL, "ru") == (
        "Ayşe Demir и Mehmet Kaya, «Grain in Transit», <i>Example Maritime Review</i> 12, "
        f"№ 3 (2023): 45–67, {DOI_LINK}."
    )


def test_chicago_journal_turkish():
    assert chicago(JOURNAL, "tr") == (
        "Ayşe Demir ve Mehmet Kaya, “Grain in Transit”, <i>Example Maritime Review</i> 12, "
        f"S. 3 (2023): 45–67, {DOI_LINK}."
    )


def test_chicago_chapter_and_undated_book_turkish_and_russian():
    chapter = Source(
        type=SourceType.CHAPTER,
        authors=(AYSE,),
        title="Tahıl",
        container_title="Karadeniz",
        publisher="Örnek Yayınları",
    )
    assert chicago(chapter, "tr") == (
        "Ayşe Demir, “Tahıl”, <i>Karadeniz</i> içinde (Örnek Yayınları, t.y.)."
    )
    assert chicago(chapter, "ru") == (
        "Ayşe Demir, «Tahıl», в кн.: <i>Karadeniz</i> (Örnek Yayınları, б. г.)."
    )


# -- Ibid. ------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(
    ("language", "same", "other"),
    [
        ("en", "Ibid.", "Ibid., 12."),
        ("tr", "A.g.e.", "A.g.e., 12."),
        ("ru", "Там же.", "Там же, 12."),
    ],
)
def test_ibid(style, language, same, other):
    first = with_(BOOK, locator="5")
    assert format_ibid(first, first, style=style, language=language) == same
    assert format_ibid(with_(BOOK, locator=""), first, style=style, language=language) == same
    assert format_ibid(with_(BOOK, locator="12"), first, style=style, language=language) == other
    assert format_ibid(with_(BOOK, locator="12"), BOOK, style=style, language=language) == other


@pytest.mark.parametrize("style", STYLES)
def test_ibid_english_is_catalogue_independent(style):
    first = with_(BOOK, locator="5")
    assert format_ibid(first, first, style=style, language="en") == "Ibid."
    assert format_ibid(with_(BOOK, locator="6"), first, style=style, language="en") == "Ibid., 6."


@pytest.mark.parametrize("language", ["en", "tr", "ru"])
def test_ibid_never_doubles_the_full_stop(language):
    html = format_ibid(with_(BOOK, locator="12 ff."), BOOK, style="house", language=language)
    assert html.endswith("12 ff.")
    assert ".." not in html


def test_ibid_with_another_locator_label():
    source = with_(BOOK, locator="3", locator_label=LocatorLabel.PARAGRAPH)
    assert format_ibid(source, BOOK, style="house", language="en") == "Ibid., para. 3."
    assert format_ibid(source, BOOK, style="chicago", language="en") == "Ibid., para. 3."
    same_number = with_(BOOK, locator="3")
    assert format_ibid(source, same_number, style="house", language="en") == "Ibid., para. 3."


def test_ibid_russian_with_paragraph():
    source = with_(BOOK, locator="3", locator_label=LocatorLabel.PARAGRAPH)
    assert format_ibid(source, BOOK, style="house", language="ru") == "Там же, абз. 3."


def test_ibid_for_another_work_gives_the_full_citation():
    assert format_ibid(WEB, BOOK, style="house", language="en") == house(WEB)
    assert format_ibid(WEB, BOOK, style="chicago", language="en") == chicago(WEB)


def test_ibid_is_safe_html():
    assert isinstance(format_ibid(BOOK, BOOK, style="house", language="en"), SafeString)


# -- helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "10.1234/x",
        "doi:10.1234/x",
        "DOI: 10.1234/x",
        "https://doi.org/10.1234/x",
        "http://dx.doi.org/10.1234/x",
    ],
)
def test_bare_doi(written):
    assert bare_doi(written) == "10.1234/x"


@pytest.mark.parametrize("language", ["en", "tr", "ru"])
def test_cite_box_titles_ending_in_a_question_mark_take_no_extra_stop(language):
    """ "Cite this analysis" in Chicago and APA: no "?." after a title's own mark."""
    from ankasam_pubs.pages.citation import analysis_source, citations

    for series_number in ("", "2023/14"):
        source = analysis_source(
            title="Who Pays for the Pipeline?",
            authors=[Name(family="Demir", given="Ayşe")],
            date=datetime.date(2023, 3, 17),
            url="https://example.org/a/",
            series="Analysis" if series_number else "",
            series_number=series_number,
            publisher="Example Centre",
        )
        for citation in citations(source, language):
            assert "Pipeline?" in citation.text
            assert "?." not in citation.text, (citation.style, citation.text)
    plain_title = analysis_source(
        title="Ports and Grain",
        authors=[],
        date=datetime.date(2023, 3, 17),
        url="",
        publisher="Example Centre",
    )
    for citation in citations(plain_title, language):
        assert "Ports and Grain." in citation.text, citation.text
