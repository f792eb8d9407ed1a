"""How an analysis leaves the site: head metadata, Google Scholar tags, JSON-LD,
"Cite this analysis", identifiers and reading time, each output parsed and checked."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from ankasam_pubs.models import AnalysisAuthor, Series, Topic
from ankasam_pubs.text import reading_minutes, reading_time_label
from tests.factories import analysis, author, paragraphs, ref, restrict, source, term, translate
from tests.html import Doc as Head

pytestmark = pytest.mark.django_db

XSS = '</script><script>alert("x")</script> "quoted" & <b>'


@pytest.fixture
def settings_org(settings):
    settings.ANKASAM_PUBS = {"ORGANISATION_NAME": "Centre for Testing"}


@pytest.fixture
def rich(tree, settings_org):
    """An analysis with three credits (one a translator), notes, topics, DOI, PDF."""
    index = tree["index"]["en"]
    demir = author("ayse-demir", display_name_en="Ayşe Demir", sort_name="Demir, Ayşe")
    petrov = author("ivan-petrov", display_name_en="Ivan Petrov")
    tr_author = author("translator", display_name_en="Tülay Çevirmen")
    series = term(Series, "analysis", name_en="Analysis")
    topic = term(Topic, "energy", name_en="Energy")
    pdf = get_document_model().objects.create(
        title="PDF", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="analysis.pdf")
    )
    page = analysis(
        index,
        "Gas in Winter",
        authors=[demir, petrov],
        series=series,
        series_number="2023/14",
        doi="https://doi.org/10.12345/ankasam.2023.14",
        pdf=pdf,
        topics=[topic],
        date=datetime.date(2023, 3, 17),
        summary="Storage decides the winter.",
        body=paragraphs(
            f"<p>First{ref('a')} and second{ref('b')} and again{ref('a')}.</p>",
            "<p>" + "word " * 700 + "</p>",
        ),
        notes=[
            {"uid": "a", "sources": [source("Gas Storage Report", authors="Kaya, Deniz")]},
            {"uid": "b", "sources": [source("Pipelines; Politics", url="https://ex.org/p")]},
        ],
    )
    page.analysis_authors.add(AnalysisAuthor(author=tr_author, role="translator", sort_order=2))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def head_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return Head(response.content.decode())


def test_canonical_description_opengraph_and_twitter(client, rich, tree):
    tr = translate(rich, tree["locales"]["tr"], title="Kışın Gaz")
    translate(rich, tree["locales"]["ru"], title="Газ зимой", live=False)
    head = head_of(client, rich)
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [rich.get_full_url()]
    assert head.values("description") == ["Storage decides the winter."]
    assert head.values("og:type") == ["article"]
    assert head.values("og:url") == [rich.get_full_url()]
    assert head.values("og:locale") == ["en_GB"]
    assert head.values("og:locale:alternate") == ["tr_TR"]  # the Russian draft is not
    assert head.values("article:published_time") == ["2023-03-17"]
    assert len(head.values("article:author")) == 2
    assert head.values("article:tag") == ["Energy"]
    assert head.values("twitter:card") == ["summary"]
    assert tr.url


def test_google_scholar_tags(client, rich):
    head = head_of(client, rich)
    assert head.values("citation_title") == ["Gas in Winter"]
    assert head.values("citation_author") == ["Ayşe Demir", "Ivan Petrov"]  # not the translator
    assert head.values("citation_publication_date") == ["2023/03/17"]
    (online,) = head.values("citation_online_date")
    datetime.datetime.strptime(online, "%Y/%m/%d")
    assert head.values("citation_language") == ["en"]
    assert head.values("citation_publisher") == ["Centre for Testing"]
    assert head.values("citation_doi") == ["10.12345/ankasam.2023.14"]
    (pdf,) = head.values("citation_pdf_url")
    assert pdf.startswith("http") and pdf.endswith(".pdf")
    references = head.values("citation_reference")
    assert len(references) == 2  # two distinct works, the repeated one once
    assert "citation_title=Gas Storage Report" in references[0]
    assert "citation_author=Kaya, Deniz" in references[0]
    assert "citation_title=Pipelines, Politics" in references[1]  # no stray separator
    assert head.values("citation_technical_report_institution") == []


def test_report_series_tags(client, rich):
    Series.objects.filter(pk=rich.series_id).update(is_report=True)
    head = head_of(client, rich)
    assert head.values("citation_technical_report_institution") == ["Centre for Testing"]
    assert head.values("citation_technical_report_number") == ["2023/14"]
    (data,) = head.jsonld
    assert json.loads(data)["@type"] == "Report"


def test_scholar_tags_only_on_live_public_pages(rf, rich, client):
    restrict(rich)
    # Rendered directly (as after the password form): still no Scholar tags.
    request = rf.get(rich.url)
    html = rich.serve(request).render().content.decode()
    head = Head(html)
    assert head.values("citation_title") == []
    assert head.values("og:title") == ["Gas in Winter"]


def test_no_scholar_tags_in_previews(rich, rf):
    request = rf.get("/")
    request.is_preview = True
    request.user = None
    html = rich.make_preview_request(request).render().content.decode()
    assert 'name="citation_title"' not in html


def test_jsonld_parses_and_links_translations(client, rich, tree):
    tr = translate(rich, tree["locales"]["tr"], title="Kışın Gaz")
    translate(rich, tree["locales"]["ru"], title="Газ зимой", live=False)
    (data,) = head_of(client, rich).jsonld
    article = json.loads(data)
    assert article["@type"] == "ScholarlyArticle"
    assert article["inLanguage"] == "en"
    assert [a["name"] for a in article["author"]] == ["Ayşe Demir", "Ivan Petrov"]
    assert article["publisher"] == {"@type": "Organization", "name": "Centre for Testing"}
    assert article["isPartOf"]["position"] == "2023/14"
    assert article["about"] == [{"@type": "Thing", "name": "Energy"}]
    assert article["identifier"]["value"] == "10.12345/ankasam.2023.14"
    assert [c["name"] for c in article["citation"]] == ["Gas Storage Report", "Pipelines; Politics"]
    # A source's "Family, Given" is a person; a name without a comma, an organisation.
    assert article["citation"][0]["author"] == [{"@type": "Person", "name": "Deniz Kaya"}]
    assert [v["inLanguage"] for v in article["workTranslation"]] == ["tr"]
    (tr_data,) = head_of(client, tr).jsonld
    assert json.loads(tr_data)["translationOfWork"]["url"] == rich.get_full_url()


def test_jsonld_and_meta_survive_hostile_titles(client, tree, settings_org):
    page = analysis(tree["index"]["en"], XSS, summary=XSS)
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    head = Head(html)
    (data,) = head.jsonld
    assert json.loads(data)["headline"] == XSS
    assert head.values("citation_title") == [XSS]
    assert head.values("description") == [" ".join(XSS.split())]


def test_cite_this_analysis_on_the_page(client, rich):
    html = client.get(rich.url).content.decode()
    assert "Cite this analysis" in html
    assert (
        "<bdi>Demir, Ayşe</bdi>, and <bdi>Ivan Petrov</bdi>. <i><bdi>Gas in Winter</bdi></i>. "
        "<bdi>Analysis</bdi> <bdi>2023/14</bdi>. <bdi>Centre for Testing</bdi>, March 17, 2023."
        in html
    )
    assert (
        "<bdi>Demir, A.</bdi>, &amp; <bdi>Petrov, I.</bdi> (2023, March 17). "
        "<i><bdi>Gas in Winter</bdi></i> " in html
    )
    for fmt in ("bibtex", "ris", "csl-json"):
        assert f"{rich.url}cite/{fmt}/" in html


@pytest.mark.parametrize(
    ("language", "chicago", "apa"),
    [
        ("tr", "Merkez, 17 Mart 2023.", "(2023, 17 Mart)."),
        ("ru", "Merkez, 17 марта 2023.", "(2023, 17 марта)."),
    ],
)
def test_citations_in_the_readers_language(client, rich, tree, settings, language, chicago, apa):
    settings.ANKASAM_PUBS = {"ORGANISATION_NAME": "Merkez"}
    version = translate(rich, tree["locales"][language], title="Başlık")
    text = client.get(version.url + "cite/chicago/").content.decode()
    assert chicago in text
    assert client.get(version.url + "cite/apa/").content.decode().count(apa) == 1


def test_cite_downloads_parse(client, rich):
    response = client.get(rich.url + "cite/bibtex/")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    assert entry.key == "demir_2023"
    assert entry["number"] == "2023/14"
    assert entry["doi"] == "10.12345/ankasam.2023.14"
    assert entry["institution"] == "Centre for Testing"

    (record,) = rispy.loads(client.get(rich.url + "cite/ris/").content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["Demir, Ayşe", "Petrov, Ivan"]
    assert record["doi"] == "10.12345/ankasam.2023.14"

    (item,) = json.loads(client.get(rich.url + "cite/csl-json/").content)
    assert item["type"] == "report"
    assert item["author"][0] == {"family": "Demir", "given": "Ayşe"}
    assert item["issued"] == {"date-parts": [[2023, 3, 17]]}
    assert client.get(rich.url + "cite/docx/").status_code == 404


def test_doi_is_validated(tree):
    page = analysis(tree["index"]["en"], "DOI")
    for good in ("10.1234/abc", "doi:10.1234/abc.1", "https://doi.org/10.12345/x-y"):
        page.doi = good
        page.full_clean()
    for bad in ("10.12/abc", "not a doi", "https://example.org/10.1234/abc"):
        page.doi = bad
        with pytest.raises(ValidationError, match="not a DOI"):
            page.full_clean()


def test_series_number_identifiers_and_reading_time_on_the_page(client, rich):
    html = client.get(rich.url).content.decode()
    assert '<p class="ap-series"><bdi>Analysis</bdi> <bdi>2023/14</bdi></p>' in html
    assert 'href="https://doi.org/10.12345/ankasam.2023.14"' in html
    assert "4 min read" in html  # 700+ words at 230 a minute


def test_reading_time_in_the_readers_language():
    assert reading_minutes("word " * 10, "en") == 1
    assert reading_minutes("word " * 461, "en") == 3
    assert reading_minutes("слово " * 361, "ru") == 3
    assert reading_time_label(1, "en") == "1 min read"
    assert reading_time_label(3, "tr") == "3 dakikalık okuma"
    assert reading_time_label(1, "ru") == "1 минута чтения"
    assert reading_time_label(3, "ru") == "3 минуты чтения"
    assert reading_time_label(5, "ru") == "5 минут чтения"


HOSTILE_TITLE = 'Gas } pipelines { "quoted\nER  - #1 50% \\ Boğaz Каспий'
HOSTILE_NUMBER = "2023}/14\nER  - x"


def test_cite_exports_of_hostile_fields_read_back_with_real_tools(client, tree, settings_org):
    """A title and series number with braces, a newline, "ER  -", "%", "#", a backslash
    and Turkish and Russian letters: BibTeX 0.99d reads every field back; RIS and
    CSL-JSON parse to the same values; Chicago and APA stay on one line."""
    from tests.bibtex import log_problems, run_bibtex
    from tests.test_exports import typeset

    series = term(Series, "hostile-series", name_en="Analysis {x}")
    page = analysis(
        tree["index"]["en"],
        HOSTILE_TITLE,
        series=series,
        series_number=HOSTILE_NUMBER,
        authors=[author("demir", display_name_en="Ayşe Demir")],
        date=datetime.date(2023, 3, 17),
    )
    one_line = " ".join(HOSTILE_TITLE.split())
    number = " ".join(HOSTILE_NUMBER.split())
    entries, names, log = run_bibtex(client.get(page.url + "cite/bibtex/").content.decode())
    assert not log_problems(log), log
    ((key, entry),) = entries.items()
    assert typeset(entry["title"]) == "{" + one_line + "}"
    assert typeset(entry["number"]) == number
    assert typeset(entry["series"]) == "Analysis {x}"
    assert entry["institution"] == "Centre for Testing" and entry["year"] == "2023"
    assert names[key] == [("Ayşe", "", "Demir", "")]

    (record,) = rispy.loads(client.get(page.url + "cite/ris/").content.decode())
    assert record["title"] == one_line and record["number"] == number
    (item,) = json.loads(client.get(page.url + "cite/csl-json/").content)
    assert item["title"] == one_line and item["issue"] == number
    for style in ("chicago", "apa"):
        text = client.get(page.url + f"cite/{style}/").content.decode()
        assert text.count("\n") == 1 and text.endswith("\n"), (style, text)
        assert number in text


def test_cited_organisations_are_organisations_in_jsonld(client, tree):
    page = analysis(
        tree["index"]["en"],
        "Grain corridors",
        body=paragraphs(f"<p>Claim{ref('org')}.</p>"),
        notes=[
            {
                "uid": "org",
                "sources": [source("Grain Outlook", authors="World Bank\nKaya, Deniz")],
            }
        ],
    )
    (data,) = head_of(client, page).jsonld
    [cited] = json.loads(data)["citation"]
    assert cited["author"] == [
        {"@type": "Organization", "name": "World Bank"},
        {"@type": "Person", "name": "Deniz Kaya"},
    ]
