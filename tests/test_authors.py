"""Author profiles: ordered credits, profile pages in every language, structured identity."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ankasam_pubs.authors.identity import normalise_orcid, orcid_check_digit
from ankasam_pubs.models import AuthorProfile, AuthorRole, Topic
from tests import factories as f
from tests.html import admin_form_data

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def orcid(base15: str) -> str:
    digits = base15 + orcid_check_digit(base15)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def test_orcid_checksum():
    good = orcid("000000021825009")
    assert normalise_orcid(good) == good
    assert normalise_orcid("https://orcid.org/" + good.replace("-", "")) == good
    wrong_digit = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError, match="check digit is wrong"):
        normalise_orcid(wrong_digit)
    with pytest.raises(ValidationError, match="0000-0000-0000-0000"):
        normalise_orcid("12345")
    profile = AuthorProfile(slug="x", display_name_en="X", orcid=wrong_digit)
    with pytest.raises(ValidationError):
        profile.full_clean()


def test_links_must_be_web_addresses():
    profile = AuthorProfile(slug="y", display_name_en="Y", links="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "links" in error.value.message_dict


def test_author_boxes_in_order_with_links_in_the_readers_language(client, tree, authors_index):
    first = f.author(
        "zeynep-kaya",
        display_name_en="Zeynep Kaya",
        position_en="Fellow",
        position_tr="Araştırmacı",
        short_bio_en="Writes on ports.",
    )
    second = f.author("ivan-orlov", display_name_en="Ivan Orlov")
    page = f.analysis(tree["index"]["en"], "Ports", authors=[first, second])
    translation = f.translate(page, tree["locales"]["tr"], title="Limanlar", slug="limanlar")
    html = client.get(page.url).content.decode()
    boxes = re.findall(r'<div class="ap-author-box">.*?</div>\s*</div>', html, re.S)
    assert len(boxes) == 2
    assert "Zeynep Kaya" in boxes[0] and "Ivan Orlov" in boxes[1]
    assert f'href="{authors_index["en"].url}zeynep-kaya/"' in boxes[0]
    assert "ap-portrait--initials" in boxes[1] and ">IO<" in boxes[1]
    html_tr = client.get(translation.url).content.decode()
    assert f'href="{authors_index["tr"].url}zeynep-kaya/"' in html_tr
    assert "Araştırmacı" in html_tr


def test_query_count_does_not_depend_on_number_of_authors(client, tree, authors_index, settings):
    # The rendering itself (a snapshot would answer both with the same few queries).
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "RENDER_CACHE_TIMEOUT": 0}
    picture = f.image("portrait")
    people = [f.author(portrait=picture) for _ in range(6)]

    def queries(page):
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(page.url)
        return len(captured)

    one = f.analysis(tree["index"]["en"], authors=people[:1])
    six = f.analysis(tree["index"]["en"], authors=people)
    assert queries(one) == queries(six)


def test_profile_page_lists_live_public_analyses_in_its_language(client, tree, authors_index):
    person = f.author(
        "leyla",
        display_name_en="Leyla Aliyeva",
        orcid=orcid("000000021234567"),
        links="https://example.org/leyla\nhttps://example.com/@leyla",
        email="leyla@example.org",
        show_email=False,
    )
    other = f.author("other")
    f.analysis(
        tree["index"]["en"], "Older work", authors=[person], date=f.datetime.date(2021, 1, 1)
    )
    new = f.analysis(
        tree["index"]["en"], "Newer work", authors=[other, person], date=f.datetime.date(2024, 1, 1)
    )
    f.analysis(tree["index"]["en"], "Not theirs", authors=[other])
    f.analysis(tree["index"]["en"], "Their draft", authors=[person], live=False)
    private = f.analysis(tree["index"]["en"], "Their secret", authors=[person])
    f.restrict(private)
    f.translate(new, tree["locales"]["tr"], title="Yeni çalışma", slug="yeni")
    url = authors_index["en"].url + "leyla/"
    html = client.get(url).content.decode()
    titles = re.findall(r'class="ap-card-title" dir="auto"><a [^>]*>([^<]+)</a>', html)
    assert titles == ["Newer work", "Older work"]
    assert "leyla@example.org" not in html
    person_ld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert person_ld["@type"] == "Person" and person_ld["name"] == "Leyla Aliyeva"
    assert person_ld["sameAs"][0] == f"https://orcid.org/{person.orcid}"
    assert "https://example.com/@leyla" in person_ld["sameAs"]
    hreflang = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert hreflang == {
        "en": "http://localhost" + url,
        "tr": "http://localhost" + authors_index["tr"].url + "leyla/",
        "x-default": "http://localhost" + url,
    }
    tr_html = client.get(authors_index["tr"].url + "leyla/").content.decode()
    titles = re.findall(r'class="ap-card-title" dir="auto"><a [^>]*>([^<]+)</a>', tr_html)
    assert titles == ["Yeni çalışma"]
    assert client.get(authors_index["en"].url + "nobody/").status_code == 404
    person.show_email = True
    person.save()
    assert "mailto:leyla@example.org" in client.get(url).content.decode()


def test_profile_atom_feed(client, tree, authors_index):
    person = f.author("feedy", display_name_en="Feedy Writer")
    f.analysis(tree["index"]["en"], "First <b>one</b>", authors=[person], summary="Dek & more")
    f.analysis(tree["index"]["en"], "Hidden draft", authors=[person], live=False)
    html = client.get(authors_index["en"].url + "feedy/").content.decode()
    assert 'type="application/atom+xml"' in html
    response = client.get(authors_index["en"].url + "feedy/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "First one"
    ]  # plain text: markup left out
    summary = entries[0].find(f"{ATOM}summary")
    # type="html": the typed "&" arrives as the HTML entity, so readers show it as text.
    assert summary.get("type") == "html"
    assert summary.text == "Dek &amp; more"
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Feedy Writer"


def test_former_staff_keep_their_page_but_leave_the_experts_list(client, tree, authors_index):
    topic = f.term(Topic, "energy")
    current = f.author("current", display_name_en="Current Expert")
    current.expertise.add(topic)
    former = f.author("former", display_name_en="Former Expert", is_active=False)
    former.expertise.add(topic)
    f.author("other-field", display_name_en="Other Field")
    html = client.get(authors_index["en"].url).content.decode()
    assert "Current Expert" in html and "Other Field" in html and "Former Expert" not in html
    filtered = client.get(authors_index["en"].url, {"expertise": "energy"}).content.decode()
    assert "Current Expert" in filtered and "Other Field" not in filtered
    page = client.get(authors_index["en"].url + "former/").content.decode()
    assert "Former Expert" in page and "Former staff" in page


def test_profile_page_query_count_constant_for_10_or_50_analyses(client, tree, authors_index):
    few, many = f.author("few"), f.author("many")
    picture = f.image("lead")
    for _ in range(10):
        f.analysis(tree["index"]["en"], authors=[few], lead_image=picture)
    for _ in range(50):
        f.analysis(tree["index"]["en"], authors=[many], lead_image=picture)

    def queries(slug):
        url = authors_index["en"].url + slug + "/"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    assert queries("few") == queries("many")


def test_deleting_a_profile_that_signs_analyses_is_refused(admin_client, tree):
    person = f.author("signer", display_name_en="Signer")
    f.analysis(tree["index"]["en"], "Signed analysis", authors=[person])
    url = reverse("wagtailsnippets_ankasam_pubs_authorprofile:delete", args=[person.pk])
    response = admin_client.post(url, follow=True)
    assert AuthorProfile.objects.filter(pk=person.pk).exists()
    assert (
        "“\u2068Signer\u2069” was not deleted: 1 analysis uses it: "
        "“\u2068Signed analysis\u2069” (en)." in (response.content.decode().replace("&quot;", '"'))
    )
    unused = f.author("unused")
    admin_client.post(
        reverse("wagtailsnippets_ankasam_pubs_authorprofile:delete", args=[unused.pk])
    )
    assert not AuthorProfile.objects.filter(pk=unused.pk).exists()


def test_article_jsonld_lists_ordered_authors_and_survives_hostile_titles(
    client, tree, authors_index
):
    first, second = (
        f.author("a-one", display_name_en="A One"),
        f.author("b-two", display_name_en="B Two"),
    )
    translator = f.author("t-three", display_name_en="T Three")
    page = f.analysis(
        tree["index"]["en"],
        'Quotes " and </script><script>alert(1)</script>',
        authors=[first, second],
    )
    page.analysis_authors.add(f.AnalysisAuthor(author=translator, role=AuthorRole.TRANSLATOR))
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["headline"] == 'Quotes " and </script><script>alert(1)</script>'
    assert [a["name"] for a in data["author"]] == ["A One", "B Two"]
    assert data["author"][0]["url"].endswith("/authors/a-one/")
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize(("language", "label"), [("en", "translator"), ("tr", "çevirmen")])
def test_author_boxes_name_a_translators_role(client, tree, authors_index, language, label):
    from bs4 import BeautifulSoup

    writer = f.author("w-one", display_name_en="W One")
    translator = f.author("t-three", display_name_en="T Three")
    page = f.analysis(tree["index"]["en"], "Roles", authors=[writer])
    page.analysis_authors.add(
        f.AnalysisAuthor(author=translator, role=AuthorRole.TRANSLATOR, sort_order=5)
    )
    page.save_revision().publish()
    if language != "en":
        page = f.translate(page, tree["locales"][language], title="Roller")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    names = [p.get_text(" ", strip=True) for p in soup.select(".ap-author-box .ap-author-name")]
    assert names == ["W One", f"T Three ({label})"]


def test_linked_editor_finds_their_own_analyses_on_the_dashboard(admin_client, admin_user, tree):
    person = f.author("me", display_name_en="Me Myself", user=admin_user)
    f.analysis(tree["index"]["en"], "My published piece", authors=[person])
    f.analysis(tree["index"]["en"], "My draft piece", authors=[person], live=False)
    f.analysis(tree["index"]["en"], "Someone else's piece")
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Analyses signed by \u2068Me Myself\u2069" in html  # the name isolated
    assert "My published piece" in html and "My draft piece" in html
    assert "Someone else&#x27;s piece" not in html and "Someone else's piece" not in html


def test_fallback_biography_is_marked_with_its_language(client, tree):
    turkish_only = f.author("tr-only", display_name_en="Deniz Ak", short_bio_tr="Türkçe biyografi.")
    page = f.analysis(tree["index"]["en"], "Fallback", authors=[turkish_only])
    html = client.get(page.url).content.decode()
    assert (
        '<p class="ap-author-bio" dir="auto" lang="tr"><bdi>Türkçe biyografi.</bdi> '
        '<span class="ap-fallback-note">(Türkçe)</span></p>' in html
    )
    translation = f.translate(page, tree["locales"]["tr"], title="Geri dönüş", slug="geri-donus")
    html_tr = client.get(translation.url).content.decode()
    assert '<p class="ap-author-bio" dir="auto"><bdi>Türkçe biyografi.</bdi></p>' in html_tr


def test_a_second_profile_with_the_same_orcid_is_refused(admin_client):
    same = orcid("000000021825009")
    first = AuthorProfile.objects.create(slug="anna", display_name_en="Anna Schmidt", orcid=same)
    url = reverse("wagtailsnippets_ankasam_pubs_authorprofile:add")
    data = admin_form_data(admin_client.get(url).content.decode())
    # Typed as a link: normalised first, then found to be Anna's.
    data.update(display_name_en="A. Schmidt", slug="a-schmidt", orcid="https://orcid.org/" + same)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["orcid"] == [
        "The profile “Anna Schmidt” already has this ORCID iD: one person has one profile. "
        "Credit that profile instead."
    ]
    assert AuthorProfile.objects.count() == 1
    # Saving the first profile again is not a clash with itself; another iD is fine.
    edit = reverse("wagtailsnippets_ankasam_pubs_authorprofile:edit", args=[first.pk])
    data = admin_form_data(admin_client.get(edit).content.decode())
    assert data["orcid"] == same
    response = admin_client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    data = admin_form_data(admin_client.get(url).content.decode())
    data.update(display_name_en="Pierre Martin", slug="pierre", orcid=orcid("000000021694233"))
    assert admin_client.post(url, data).status_code == 302
    assert AuthorProfile.objects.count() == 2


def test_profile_without_slug_gets_a_free_one_from_its_name(db):
    first = AuthorProfile.objects.create(display_name_en="Rustam Karimov")
    second = AuthorProfile.objects.create(display_name_en="Rustam Karimov")
    russian = AuthorProfile.objects.create(display_name_ru="Рустам Каримов")
    turkish = AuthorProfile.objects.create(display_name_tr="Ayşe Yılmaz")
    assert [first.slug, second.slug, russian.slug, turkish.slug] == [
        "rustam-karimov",
        "rustam-karimov-2",
        "rustam-karimov-3",
        "ayse-yilmaz",
    ]
    assert AuthorProfile.objects.create(display_name_en="—").slug == "author"
    # A given slug is kept.
    assert AuthorProfile.objects.create(display_name_en="X", slug="given").slug == "given"


def test_chooser_creation_form_wants_a_name_in_some_language(db):
    from ankasam_pubs.authors.forms import profile_creation_form

    form_class = profile_creation_form()
    assert list(form_class.base_fields) == [
        "display_name_en",
        "display_name_tr",
        "display_name_ru",
        "display_name_ar",
    ]
    assert [str(f.label) for f in form_class.base_fields.values()] == [
        "Name (English)",
        "Name (Türkçe)",
        "Name (Русский)",
        "Name (العربية)",
    ]
    empty = form_class(data={"display_name_en": " ", "display_name_tr": "", "display_name_ru": ""})
    assert not empty.is_valid()
    assert empty.errors["__all__"] == ["Give the person's name in at least one language."]
    only_russian = form_class(data={"display_name_ru": "Рустам Каримов"})
    assert only_russian.is_valid(), only_russian.errors
    assert only_russian.save().slug == "rustam-karimov"


def test_ascii_slug_keeps_names_readable():
    from ankasam_pubs.text import ascii_slug

    assert ascii_slug("Ayşe Yılmaz") == "ayse-yilmaz"
    assert ascii_slug("İlkay Güçlü") == "ilkay-guclu"
    assert ascii_slug("ليلى حسنوفا") == "lyla-hsnwfa"
    assert ascii_slug("عمر الشريف") == "mr-alshryf"
    assert ascii_slug("Щукин Юрий Яковлевич") == "shchukin-yurij-yakovlevich"
    assert ascii_slug("Japan–South Korea") == "japan-south-korea"
    assert ascii_slug("Søren Łukasz Æbelø") == "soren-lukasz-aebelo"


def test_a_profile_names_its_own_address_as_canonical(client, tree, authors_index):
    f.author("leyla", display_name_en="Leyla Aliyeva")
    html = client.get(authors_index["tr"].url + "leyla/").content.decode()
    own = "http://localhost" + authors_index["tr"].url + "leyla/"
    assert f'<link rel="canonical" href="{own}">' in html
    assert f'<meta property="og:url" content="{own}">' in html
    assert '<meta property="og:title" content="Leyla Aliyeva">' in html
