"""The example site's demo content: complete, idempotent, and hiding what it must."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision

from ankasam_pubs.models import AnalysisPage, AuthorProfile, Region, Series, Topic
from demo import content

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "title", "slug", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": sorted(AuthorProfile.objects.values_list("pk", "slug", "short_bio_tr")),
        "terms": [m.objects.count() for m in (Series, Topic, Region)],
        "restrictions": PageViewRestriction.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for the module (about 10 s a load) in a transaction rolled
    back at its end: each test's own transaction is a savepoint inside it, as with
    Django's ``TestCase.setUpTestData``, so what a test changes is gone for the next.
    Returns the media folder its images were written to."""
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo_content", verbosity=0)
            yield media
            transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_once, db, settings):
    """The loaded demo (see ``_demo_once``), with its images."""
    settings.MEDIA_ROOT = _demo_once


def test_running_twice_changes_nothing(demo, capsys):
    before = snapshot()
    call_command("load_demo_content")
    assert snapshot() == before
    assert "nothing changed" in capsys.readouterr().out


def test_demo_has_what_the_foundation_promises(demo):
    english = AnalysisPage.objects.filter(locale__language_code="en")
    assert english.count() >= 12
    assert english.live().public().count() >= 10
    three_languages = [
        page
        for page in english.live()
        if {"tr", "ru"} <= {t.locale.language_code for t in page.get_translations().live()}
    ]
    assert len(three_languages) >= 3
    assert AuthorProfile.objects.count() >= 4
    assert all(profile.portrait_id for profile in AuthorProfile.objects.all())
    assert AuthorProfile.objects.filter(is_active=False).exists()
    assert english.filter(live=False).exists()  # a draft
    assert PageViewRestriction.objects.filter(restriction_type="password").exists()
    assert len({page.topics.first() for page in english}) >= 3
    assert Series.objects.filter(is_report=True).exists()


def test_readers_never_see_the_draft_or_the_protected_analysis(demo, client):
    draft = next(a for a in content.ANALYSES if a["status"] == "draft")
    private = next(a for a in content.ANALYSES if a["status"] == "private")
    index_html = ""
    for page_number in (1, 2, 3):
        index_html += client.get("/en/analysis/", {"page": page_number}).content.decode()
    home_html = client.get("/en/").content.decode()
    for data in (draft, private):
        assert data["en"]["title"] not in index_html
        assert data["en"]["title"] not in home_html
    assert client.get(f"/en/analysis/{draft['slug']}/").status_code == 404
    protected = client.get(f"/en/analysis/{private['slug']}/").content.decode()
    assert private["en"]["summary"] not in protected


def test_russian_draft_translation_stays_invisible(demo, client):
    data = next(a for a in content.ANALYSES if a.get("ru", {}).get("status") == "draft")
    english = AnalysisPage.objects.get(slug=data["slug"], locale__language_code="en")
    russian = AnalysisPage.objects.get(
        translation_key=english.translation_key, locale__language_code="ru"
    )
    assert not russian.live
    html = client.get(english.url).content.decode()
    head = html.split("</head>")[0]
    assert 'hreflang="tr"' in head
    assert 'hreflang="ru"' not in head
    # Linked nowhere: the header's language switcher offers the Russian home instead.
    assert russian.url not in html
    assert '<a href="/ru/" hreflang="ru"' in html
    assert data["ru"]["title"] not in client.get("/ru/аналитика/").content.decode()


def test_turkish_only_biography_falls_back_for_other_languages(demo):
    from django.utils import translation

    profile = next(a for a in content.AUTHORS if set(a["short_bio"]) == {"tr"})
    author = AuthorProfile.objects.get(slug=profile["slug"])
    assert author.short_bio_en in (None, "")
    for language in ("tr", "en", "ru", "ar"):  # the example site's chain: en, tr, ru, ar
        with translation.override(language):
            assert author.short_bio == profile["short_bio"]["tr"]


def test_every_demo_page_renders(demo, client):
    for page in Page.objects.live().public().specific():
        url = page.get_url()
        if url:
            assert client.get(url).status_code == 200, url


def test_every_demo_analysis_has_structured_notes_and_some_ibid(demo, client):
    ibid_pages = 0
    for page in AnalysisPage.objects.live().public():
        numbering = page.get_numbering()
        assert numbering.notes, page.title
        assert numbering.dangling == (), page.title
        assert all(n.references for n in numbering.notes), page.title
        html = client.get(page.url).content.decode()
        assert html.count('role="doc-noteref"') == sum(len(n.references) for n in numbering.notes)
        if 'class="ap-ibid"' in html:
            ibid_pages += 1
    assert ibid_pages >= 3


def test_demo_sources_name_people_as_people(demo):
    """Cited people are entered "Family, Given" (so BibTeX, CSL and JSON-LD see persons);
    a name without a comma is an organisation's."""
    from ankasam_pubs.footnotes.sources import Name

    names = {
        name
        for page in AnalysisPage.objects.all()
        for note in page.notes.all()
        for source in note.get_sources()
        for name in source.authors
    }
    people = {name for name in names if name.family}
    organisations = {name.literal for name in names if name.literal}
    assert Name(family="Karimov", given="Rustam") in people
    assert len(people) >= 30
    assert "Caspian Energy Monitor" in organisations
    # Every organisation in the demo says what kind of body it is.
    kinds = ("Group", "Forum", "Observatory", "Network", "Project", "Example", "Council")
    kinds += ("Platform", "Monitor", "Lab", "Review", "Alliance", "Watch", "Institute")
    assert all(any(kind in literal for kind in kinds) for literal in organisations), organisations


def test_demo_authors(demo, client):
    from ankasam_pubs.models import AuthorIndexPage

    indexes = AuthorIndexPage.objects.live()
    assert {i.locale.language_code for i in indexes} == {"en", "tr", "ru", "ar"}
    busiest = max(
        AuthorProfile.objects.all(),
        key=lambda p: AnalysisPage.objects.filter(analysis_authors__author=p).count(),
    )
    assert AnalysisPage.objects.filter(analysis_authors__author=busiest).count() >= 4
    co_authored = next(a for a in content.ANALYSES if a.get("ru", {}).get("translator"))
    assert len(co_authored["authors"]) >= 2
    russian = AnalysisPage.objects.get(
        locale__language_code="ru",
        translation_key=AnalysisPage.objects.get(
            slug=co_authored["slug"], locale__language_code="en"
        ).translation_key,
    )
    html = client.get(russian.url).content.decode()
    assert "(переводчик)" in html
    for index in indexes:
        for profile in AuthorProfile.objects.all():
            assert client.get(index.profile_url(profile)).status_code == 200


def test_a_turkish_analysis_recommends_turkish_analyses(demo, client):
    from ankasam_pubs.similar.models import SimilarPost

    turkish = AnalysisPage.objects.live().filter(locale__language_code="tr")
    page = next(p for p in turkish if SimilarPost.objects.filter(page=p).exists())
    html = client.get(page.url).content.decode()
    assert "Benzer Yazılar" in html
    section = html[html.index('class="ap-similar"') :].split("</section>")[0]
    links = section.count("<a href=")
    assert links >= 2
    assert section.count('<a href="/tr/') == links
    hidden = [a for a in content.ANALYSES if a["status"] in ("draft", "private")]
    for data in hidden:
        for version in data.values():
            if isinstance(version, dict) and "title" in version:
                assert version["title"] not in section


def test_two_analyses_in_arabic_right_to_left(demo, client):
    from django.utils import translation

    from ankasam_pubs.models import AnalysisIndexPage, AuthorIndexPage
    from home.models import HomePage

    arabic = [a for a in content.ANALYSES if "ar" in a]
    assert len(arabic) == 2
    for model in (HomePage, AnalysisIndexPage, AuthorIndexPage):
        assert model.objects.live().public().filter(locale__language_code="ar").count() == 1
    pages = AnalysisPage.objects.live().public().filter(locale__language_code="ar")
    assert {p.title for p in pages} == {a["ar"]["title"] for a in arabic}
    for data in arabic:
        page = pages.get(title=data["ar"]["title"])
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'dir="rtl"' in html and 'lang="ar"' in html
        # Every note is referenced, and the centre's own comments are in Arabic.
        numbering = page.get_numbering()
        assert numbering.notes and numbering.dangling == ()
        assert all(n.references for n in numbering.notes)
        for number, comment in data["ar"]["note_comments"].items():
            assert page.notes.get(uid=f"n{number}").comment == comment
        # Labels and people in Arabic.
        assert page.series.name_ar and page.series.name_ar in html
        for topic in page.topics.all():
            assert topic.name_ar in html
        for credit in page.analysis_authors.all():
            assert credit.author.display_name_ar in html
        # The English original offers its Arabic version by its own name.
        original = page.get_translations().get(locale__language_code="en")
        english = client.get(original.url).content.decode()
        switcher = english[english.index('class="ap-translations"') :].split("</nav>")[0]
        # Django's own name for Arabic, "العربيّة" (with its shadda), as for every language.
        assert "العربيّة" == translation.get_language_info("ar")["name_local"]
        assert 'lang="ar">العربيّة</a>' in switcher and 'hreflang="ar"' in english
    # Latin inside an Arabic title (the route's acronym) is isolated where it is shown.
    mixed = next(a["ar"]["title"] for a in arabic if "TITR" in a["ar"]["title"])
    html = client.get(pages.get(title=mixed).url).content.decode()
    assert '<h1 class="ap-title" dir="auto">' in html


def test_arabic_labels_reach_a_database_loaded_before_arabic(demo):
    """A demo database from before the Arabic content gains the Arabic labels on the
    next load, and keeps what an editor changed."""
    topic = Topic.objects.get(slug="migration")
    topic.name_ar = ""
    topic.save()
    profile = AuthorProfile.objects.get(slug="leyla-hasanova")
    profile.display_name_ar = "ليلى"  # an editor's own choice
    profile.save()
    call_command("load_demo_content", verbosity=0)
    assert Topic.objects.get(slug="migration").name_ar == "الهجرة"
    assert AuthorProfile.objects.get(slug="leyla-hasanova").display_name_ar == "ليلى"


def test_caspian_gas_lists_the_same_author_same_topic_wind_report(demo):
    """Same author, shared energy-security topic, a rare-ish pairing: it must be shown,
    ahead of pages that share nothing but a common word or two."""
    from ankasam_pubs.similar.models import SimilarPost

    caspian = AnalysisPage.objects.get(
        slug="caspian-gas-interconnectors-winter-test", locale__language_code="en"
    )
    wind = AnalysisPage.objects.get(
        slug="black-sea-offshore-wind-outlook", locale__language_code="en"
    )
    shown = list(
        SimilarPost.objects.filter(page=caspian).order_by("rank").values_list("similar", flat=True)
    )
    assert len(shown) == 6
    assert wind.pk in shown, shown
