"""Analysis pages and the analysis index as readers see them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from ankasam_pubs.models import AnalysisIndexPage, AnalysisPage, Series, Topic
from ankasam_pubs.pages.mixins import AnalysisIndexPageMixin, AnalysisPageMixin
from tests import factories as f

pytestmark = pytest.mark.django_db


def titles(response):
    listing = response.context["listing"]
    return [page.title for page in listing.analyses]


def test_mixins_are_abstract_and_concrete_pages_thin():
    assert AnalysisPageMixin._meta.abstract
    assert AnalysisIndexPageMixin._meta.abstract
    own = {field.name for field in AnalysisPage._meta.local_fields}
    mixin = {field.name for field in AnalysisPageMixin._meta.fields}
    # Everything but the page link and tag manager comes from the mixin.
    assert own - mixin <= {"page_ptr"}
    assert issubclass(AnalysisPage, AnalysisPageMixin)
    assert issubclass(AnalysisIndexPage, AnalysisIndexPageMixin)


def test_index_lists_live_public_analyses_of_its_language_newest_first(client, tree):
    index = tree["index"]["en"]
    old = f.analysis(index, "Old", date=datetime.date(2021, 5, 1))
    new = f.analysis(index, "New", date=datetime.date(2024, 5, 1))
    f.analysis(index, "Draft", live=False)
    restricted = f.analysis(index, "Password")
    f.restrict(restricted)
    login_only = f.analysis(index, "Members")
    f.restrict(login_only, PageViewRestriction.LOGIN)
    f.translate(new, tree["locales"]["tr"], title="Yeni")
    alias = old.create_alias(parent=tree["home"]["en"], update_slug="old-alias")
    assert alias.live

    response = client.get(index.url)
    assert response.status_code == 200
    assert titles(response) == ["New", "Old"]
    html = response.content.decode()
    for hidden in ("Draft", "Password", "Members", "Yeni"):
        assert hidden not in html

    response_tr = client.get(tree["index"]["tr"].url)
    assert titles(response_tr) == ["Yeni"]


def test_index_hides_analyses_under_a_private_section(client, tree):
    index = tree["index"]["en"]
    f.analysis(index, "Visible")
    f.restrict(tree["home"]["en"], PageViewRestriction.LOGIN)
    # The index itself is now private too; its listing query must still exclude them.
    assert list(index.get_analyses()) == []


def test_index_hides_analyses_past_their_expiry_before_wagtail_unpublishes_them(client, tree):
    from django.utils import timezone

    index = tree["index"]["en"]
    f.analysis(index, "Current analysis")
    gone = f.analysis(index, "Expired analysis")
    AnalysisPage.objects.filter(pk=gone.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    html = client.get(index.url).content.decode()
    assert "Current analysis" in html
    assert "Expired analysis" not in html


def test_index_filters_by_series_topic_region_and_year(client, tree):
    index = tree["index"]["en"]
    report = f.term(Series, "report")
    energy = f.term(Topic, "energy")
    region = f.term(f.Region, "black-sea")
    f.analysis(index, "A", series=report, date=datetime.date(2022, 1, 1), topics=[energy])
    f.analysis(index, "B", date=datetime.date(2023, 1, 1), regions=[region])
    f.analysis(index, "C", series=report, date=datetime.date(2023, 6, 1), regions=[region])

    assert titles(client.get(index.url, {"series": "report"})) == ["C", "A"]
    assert titles(client.get(index.url, {"topic": "energy"})) == ["A"]
    assert titles(client.get(index.url, {"region": "black-sea"})) == ["C", "B"]
    assert titles(client.get(index.url, {"year": "2023"})) == ["C", "B"]
    assert titles(client.get(index.url, {"year": "2023", "series": "report"})) == ["C"]
    response = client.get(index.url, {"topic": "energy", "year": "2023"})
    assert titles(response) == []
    assert "No analyses match these filters." in response.content.decode()


def test_invalid_filter_is_reported_and_ignored(client, tree):
    index = tree["index"]["en"]
    f.analysis(index, "A")
    response = client.get(index.url, {"series": "no-such-series", "year": "<script>"})
    assert response.status_code == 200
    assert titles(response) == ["A"]
    form = response.context["listing"].form
    assert set(form.errors) == {"series", "year"}
    assert "<script>" not in response.content.decode()


def test_index_paginates_and_keeps_filters(client, tree, settings):
    settings.ANKASAM_PUBS = {"INDEX_PAGE_SIZE": 2}
    index = tree["index"]["en"]
    topic = f.term(Topic, "energy")
    for n in range(5):
        f.analysis(index, f"T{n}", date=datetime.date(2020, 1, 1 + n), topics=[topic])
    response = client.get(index.url, {"topic": "energy"})
    assert titles(response) == ["T4", "T3"]
    html = response.content.decode()
    assert "?topic=energy&amp;page=2" in html
    assert titles(client.get(index.url, {"topic": "energy", "page": "3"})) == ["T0"]
    # Out-of-range and nonsense page numbers land on a real page, never an error.
    assert titles(client.get(index.url, {"page": "99"})) == ["T0"]
    assert titles(client.get(index.url, {"page": "x"})) == ["T4", "T3"]


def test_index_query_count_does_not_grow_with_analyses(client, tree):
    index = tree["index"]["en"]
    people = [f.author() for _ in range(3)]
    topic = f.term(Topic, "energy")
    picture = f.image()

    def count():
        client.get(index.url)  # warm caches (site root paths, renditions)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        return len(queries)

    for _ in range(2):
        f.analysis(index, authors=people, topics=[topic], lead_image=picture)
    few = count()
    for _ in range(6):
        f.analysis(index, authors=people, topics=[topic], lead_image=picture)
    assert count() == few


def test_analysis_page_renders_every_body_block(client, tree):
    index = tree["index"]["en"]
    picture = f.image("chart")
    body = [
        {"type": "heading", "value": {"text": "Background", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Some <b>bold</b> analysis.</p>"},
        {"type": "quote", "value": {"quote": "Words matter.", "attribution": "A. Speaker"}},
        {"type": "image", "value": {"image": picture.pk, "alt_text": "A chart", "caption": "Fig"}},
        {
            "type": "table",
            "value": {
                "caption": "Exports",
                "table": {
                    "data": [["Year", "Tonnes"], ["2022", "12"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        },
    ]
    page = f.analysis(
        index,
        "Grain corridor",
        body=body,
        summary="A short dek.",
        series=f.term(Series, "analysis"),
        date=datetime.date(2023, 3, 17),
        authors=[f.author("zeynep", display_name_en="Zeynep Kaya"), f.author("ivan")],
    )
    html = client.get(page.url).content.decode()
    assert '<h1 class="ap-title" dir="auto">Grain corridor</h1>' in html
    assert "A short dek." in html
    assert "<h2>Background</h2>" in html
    assert "<b>bold</b>" in html
    assert "Words matter." in html and "A. Speaker" in html
    assert 'alt="A chart"' in html
    assert "<th" in html and "Tonnes" in html
    assert '<time datetime="2023-03-17">17 March 2023</time>' in html
    assert html.index("Zeynep Kaya") < html.index("Ivan")


def test_dates_follow_the_reader_language(client, tree):
    index_tr = tree["index"]["tr"]
    page = f.analysis(index_tr, "Tahıl", date=datetime.date(2023, 3, 17))
    assert "17 Mart 2023" in client.get(page.url).content.decode()
    page_ru = f.analysis(tree["index"]["ru"], "Зерно", date=datetime.date(2023, 3, 17))
    assert "17 марта 2023" in client.get(page_ru.url).content.decode()


def test_text_fields_are_escaped(client, tree):
    index = tree["index"]["en"]
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    page = f.analysis(index, title=payload, summary=payload)
    for url in (page.url, index.url):
        html = client.get(url).content.decode()
        assert payload not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_stylesheet_can_be_dropped(client, tree, settings):
    index = tree["index"]["en"]
    assert "ankasam_pubs/css/ankasam_pubs.css" in client.get(index.url).content.decode()
    settings.ANKASAM_PUBS = {"STYLESHEET": None}
    assert "ankasam_pubs.css" not in client.get(index.url).content.decode()


def test_draft_analysis_is_not_served(client, tree):
    draft = f.analysis(tree["index"]["en"], "Secret draft", live=False)
    response = client.get(f"/en/analysis/{draft.slug}/")
    assert response.status_code == 404


def test_password_protected_analysis_shows_only_the_password_form(client, tree):
    page = f.analysis(tree["index"]["en"], "Guarded", summary="guarded summary")
    f.restrict(page)
    html = client.get(page.url).content.decode()
    assert "guarded summary" not in html
    assert "password" in html.lower()


def test_plain_page_with_the_same_blocks_renders_without_notes(client, tree):
    from home.models import StandardPage

    plain = tree["home"]["en"].add_child(
        instance=StandardPage(
            title="About",
            slug="about",
            body=[{"type": "paragraph", "value": "<p>About <b>us</b>.</p>"}],
        )
    )
    plain.save_revision().publish()
    response = client.get(plain.url)
    assert response.status_code == 200
    assert "<p>About <b>us</b>.</p>" in response.content.decode()
