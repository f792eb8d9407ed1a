"""Language versions: only live, public, real translations are ever offered to readers."""

import datetime
import re
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from ankasam_pubs.models import AnalysisIndexPage, AnalysisPage, AuthorProfile
from ankasam_pubs.translations.live import live_translations
from tests import factories as f

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def trio(tree):
    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor")
    tr = f.translate(en, tree["locales"]["tr"], title="Tahıl koridoru", slug="tahıl-koridoru")
    ru = f.translate(en, tree["locales"]["ru"], title="Зерновой коридор", slug="зерновой-коридор")
    return {"en": en, "tr": tr, "ru": ru}


def offered(client, page):
    html = client.get(page.url).content.decode()
    block = re.search(r'<nav class="ap-translations".*?</nav>', html, re.S)
    names = re.findall(r'lang="(\w+)">([^<]+)</a>', block.group(0)) if block else []
    hreflang = sorted(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html))
    return names, hreflang


def test_switcher_lists_live_versions_by_their_own_names(client, trio):
    names, hreflang = offered(client, trio["en"])
    assert names == [("tr", "Türkçe"), ("ru", "Русский")]
    assert hreflang == ["en", "ru", "tr", "x-default"]
    names, _ = offered(client, trio["ru"])
    assert names == [("en", "English"), ("tr", "Türkçe")]


def test_unicode_slugs_route_and_reverse(client, trio):
    # Reversed as URIs (percent-encoded), routed from either form.
    assert unquote(trio["tr"].url) == "/tr/analizler/tahıl-koridoru/"
    assert unquote(trio["ru"].url) == "/ru/аналитика/зерновой-коридор/"
    assert client.get("/tr/analizler/tahıl-koridoru/").status_code == 200
    for page in trio.values():
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()


@pytest.mark.parametrize(
    "hide",
    ["unpublish", "password", "login", "groups", "private_section", "expired", "delete"],
)
def test_hidden_translation_is_never_offered(client, trio, tree, hide):
    ru = trio["ru"]
    ru_location = "http://localhost" + ru.url
    assert ru_location in client.get("/sitemap.xml").content.decode()
    if hide == "unpublish":
        ru.unpublish()
    elif hide in ("password", "login", "groups"):
        kind = {"password": "password", "login": "login", "groups": "groups"}[hide]
        PageViewRestriction.objects.create(page=ru, restriction_type=kind, password="x")
    elif hide == "private_section":
        f.restrict(tree["index"]["ru"], PageViewRestriction.LOGIN)
    elif hide == "expired":
        ru.expire_at = timezone.now() - datetime.timedelta(days=1)
        ru.save()
        from django.core.management import call_command

        call_command("publish_scheduled", verbosity=0)
    elif hide == "delete":
        ru.delete()
    names, hreflang = offered(client, trio["en"])
    assert ("ru", "Русский") not in names
    assert "ru" not in hreflang
    assert ru_location not in client.get("/sitemap.xml").content.decode()


def test_draft_scheduled_and_alias_versions_are_never_offered(client, tree):
    en = f.analysis(tree["index"]["en"], "Ports", slug="ports")
    f.translate(en, tree["locales"]["tr"], live=False, title="Limanlar")  # draft
    scheduled = f.translate(en, tree["locales"]["ru"], live=False, title="Порты")
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision(approved_go_live_at=scheduled.go_live_at)
    names, hreflang = offered(client, en)
    assert names == [] and hreflang == []
    assert "ap-translations" not in client.get(en.url).content.decode()
    # An alias in another locale is a copy, not a translation: never offered either.
    other = f.analysis(tree["index"]["en"], "Mirrored", slug="mirrored")
    alias = other.copy_for_translation(tree["locales"]["tr"], alias=True)
    assert alias.live and alias.alias_of_id == other.pk
    assert live_translations(other) == []
    assert offered(client, other) == ([], [])


def test_source_unpublished_disappears_from_its_translations(client, trio):
    trio["en"].unpublish()
    names, hreflang = offered(client, trio["tr"])
    assert names == [("ru", "Русский")]
    assert hreflang == ["ru", "tr", "x-default"]
    html = client.get(trio["tr"].url).content.decode()
    # x-default falls back to the page itself when the site language is not live.
    assert f'hreflang="x-default" href="http://localhost{trio["tr"].url}"' in html


def test_republished_translation_comes_back(client, trio):
    trio["tr"].unpublish()
    assert ("tr", "Türkçe") not in offered(client, trio["en"])[0]
    trio["tr"].get_latest_revision().publish()
    assert ("tr", "Türkçe") in offered(client, trio["en"])[0]


def test_sitemap_lists_every_locale_tree_with_alternates(client, trio, tree):
    hidden = f.analysis(tree["index"]["en"], "Hidden", slug="hidden-one")
    f.restrict(hidden)
    f.analysis(tree["index"]["en"], "Draft", slug="draft-one", live=False)
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    locations = set(entries)
    base = "http://localhost"
    for page in trio.values():
        assert base + page.url in locations
    assert base + tree["index"]["ru"].url in locations
    assert not any("hidden-one" in loc or "draft-one" in loc for loc in locations)
    alternates = entries[base + trio["en"].url]
    assert alternates == {
        "en": base + trio["en"].url,
        "tr": base + trio["tr"].url,
        "ru": base + trio["ru"].url,
        "x-default": base + trio["en"].url,
    }


def test_translate_page_whose_parent_is_not_translated(admin_client, tree):
    de = Locale.objects.create(language_code="tr-cy")  # a locale with no translated index
    page = f.analysis(tree["index"]["en"], "Fresh", slug="fresh")
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    form = admin_client.get(url)
    assert form.status_code == 200
    assert form.context["form"].show_submit  # Wagtail's form would hide the button
    live_before = set(Page.objects.live().values_list("pk", flat=True))
    response = admin_client.post(url, {"locales": [de.pk]}, follow=True)
    translated = AnalysisPage.objects.get(locale=de, translation_key=page.translation_key)
    assert not translated.live
    # The missing parents (the home page and the index) are draft translations, not
    # live aliases: nothing new is served to readers.
    parent = translated.get_parent().specific
    home = parent.get_parent().specific
    assert isinstance(parent, AnalysisIndexPage)
    assert parent.translation_key == tree["index"]["en"].translation_key
    assert home.translation_key == tree["home"]["en"].translation_key
    for made in (parent, home):
        assert made.locale == de and not made.live and made.alias_of_id is None
    assert set(Page.objects.live().values_list("pk", flat=True)) == live_before
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    # Page titles are bidi-isolated inside the message (U+2068 … U+2069).
    assert len(warnings) == 1
    assert "“\u2068Home\u2069”" in warnings[0] and "“\u2068Analyses\u2069”" in warnings[0]
    assert [n.note.uid for n in translated.get_numbering().notes] == []


def test_parents_made_by_translate_are_not_served_to_readers(admin_client, client, tree):
    """Wagtail's copy_parents would make /ar/ and /ar/analysis/ live aliases, serving the
    English home and index under Arabic chrome. Through the real Translate view they are
    drafts, and Wagtail's fallback to the English tree does not serve the app's pages
    under /ar/ either: the reader is sent to each page's own address."""
    arabic = Locale.objects.create(language_code="ar")
    page = f.analysis(tree["index"]["en"], "Fresh", slug="fresh")
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    admin_client.post(url, {"locales": [arabic.pk]})
    translated = AnalysisPage.objects.get(locale=arabic, translation_key=page.translation_key)
    parent = translated.get_parent()
    assert parent.translation_key == tree["index"]["en"].translation_key
    assert parent.alias_of_id is None and not parent.live
    for address, own in (
        ("/ar/analysis/", "/en/analysis/"),
        ("/ar/analysis/fresh/", "/en/analysis/fresh/"),
        ("/ar/analysis/fresh/cite/bibtex/", "/en/analysis/fresh/cite/bibtex/"),
        ("/ar/analysis/?page=2", "/en/analysis/?page=2"),
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"] == own, address
    # The control: at their own addresses they are served.
    assert client.get("/en/analysis/").status_code == 200
    assert client.get("/en/analysis/fresh/").status_code == 200
    # Once the Arabic home and index are published, /ar/analysis/ is the Arabic index.
    for made in (parent.get_parent(), parent):
        made.specific.save_revision().publish()
    response = client.get("/ar/analysis/")
    assert response.status_code == 200
    assert response.context["page"].locale == arabic


def test_admin_shows_languages_and_outdated_translations(admin_client, trio):
    edit = reverse("wagtailadmin_pages:edit", args=[trio["tr"].pk])
    html = admin_client.get(edit).content.decode()
    assert "source changed since this translation was made" not in html
    # The English source is published again after the translation was made.
    trio["en"].save_revision().publish()
    html = admin_client.get(edit).content.decode()
    table = re.search(r'<table class="listing ap-translation-status">.*?</table>', html, re.S)
    row = re.search(r"<tr>\s*<td>.*?Türkçe.*?</tr>", table.group(0), re.S).group(0)
    assert "source changed since this translation was made" in row
    assert "(source)" in html and "published" in row


def test_turkish_reader_sees_turkish_labels_and_biography(client, tree):
    author = AuthorProfile.objects.create(
        slug="ayse",
        display_name_en="Ayşe Kaya",
        position_en="Research Fellow",
        position_tr="Araştırmacı",
        short_bio_en="English biography.",
    )
    en = f.analysis(tree["index"]["en"], "Energy", slug="energy", authors=[author])
    tr = f.translate(en, tree["locales"]["tr"], title="Enerji", slug="enerji")
    html = client.get(tr.url).content.decode()
    assert '<html lang="tr"' in html
    assert "Bu yazı şu dillerde de mevcut:" in html
    assert "Araştırmacı" in html and "Research Fellow" not in html
    # An empty Turkish biography falls back along the configured chain (English first).
    assert "English biography." in html


def test_private_source_is_not_offered_from_its_translations(client, trio):
    f.restrict(trio["en"], PageViewRestriction.LOGIN)
    names, hreflang = offered(client, trio["tr"])
    assert names == [("ru", "Русский")]
    assert "en" not in hreflang


def test_translate_action_copies_body_notes_authors_and_topics(admin_client, tree):
    from ankasam_pubs.models import Topic

    topic = f.term(Topic, "energy")
    person = f.author("writer", display_name_en="Writer")
    page = f.analysis(
        tree["index"]["en"],
        "Source analysis",
        slug="source-analysis",
        authors=[person],
        topics=[topic],
        body=f.paragraphs(f"<p>Claim{f.ref('k1')}</p>"),
        notes=[{"uid": "k1", "sources": [f.source("Cited work")]}],
    )
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    response = admin_client.post(url, {"locales": [tree["locales"]["tr"].pk]})
    assert response.status_code == 302
    draft = AnalysisPage.objects.get(
        locale=tree["locales"]["tr"], translation_key=page.translation_key
    )
    assert not draft.live
    assert [n.uid for n in draft.notes.all()] == ["k1"]
    assert [c.author for c in draft.analysis_authors.all()] == [person]
    assert list(draft.topics.all()) == [topic]
    assert draft.get_numbering().dangling == ()
    assert 'linktype="note" id="k1"' in draft.body.raw_data[0]["value"]


def test_taxonomy_and_profile_forms_offer_one_field_per_language(admin_client):
    html = admin_client.get(reverse("wagtailsnippets_ankasam_pubs_topic:add")).content.decode()
    for code in ("en", "tr", "ru"):
        assert f'name="name_{code}"' in html
        assert f'name="description_{code}"' in html
    html = admin_client.get(
        reverse("wagtailsnippets_ankasam_pubs_authorprofile:add")
    ).content.decode()
    for field in ("display_name", "position", "short_bio", "bio"):
        for code in ("en", "tr", "ru"):
            assert f'name="{field}_{code}"' in html


# The Languages panel on the edit view.


def status_rows(page, user=None):
    from ankasam_pubs.translations.status import translation_status

    return {row.language_code: row for row in translation_status(page, user)}


def test_languages_panel_flags_a_translation_whose_text_is_the_source(tree, admin_user):
    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor")
    tr = f.translate(en, tree["locales"]["tr"], title="Tahıl koridoru", slug="tahil")
    rows = status_rows(tr, admin_user)
    assert rows["tr"].is_current and not rows["en"].is_current
    assert rows["tr"].untranslated and not rows["en"].untranslated
    # Missing: a link to the Translate form with the language ticked.
    assert rows["ru"].state == "missing"
    assert rows["ru"].translate_url == (
        reverse("ankasam_pubs_translate_page", args=[tr.pk]) + "?locale=ru"
    )
    assert rows["en"].translate_url is None and rows["tr"].translate_url is None
    # Once one word of the body is translated the flag goes.
    tr.body = [{"type": "paragraph", "value": "<p>Tahıl koridorunun metni.</p>"}]
    tr.save_revision().publish()
    tr.refresh_from_db()
    assert not status_rows(tr, admin_user)["tr"].untranslated


def test_languages_panel_offers_translate_links_only_to_who_may_translate(tree, django_user_model):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor")
    reader = django_user_model.objects.create_user("reader", password="x")
    assert status_rows(en, reader)["tr"].translate_url is None
    assert status_rows(en)["tr"].translate_url is None
    # Edit rights without submit_translation are not enough either.
    group = Group.objects.create(name="Writers")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=tree["home"]["en"],
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(group)
    reader = django_user_model.objects.get(pk=reader.pk)
    assert status_rows(en, reader)["tr"].translate_url is None
    group.permissions.add(Permission.objects.get(codename="submit_translation"))
    reader = django_user_model.objects.get(pk=reader.pk)
    assert status_rows(en, reader)["tr"].translate_url.endswith("?locale=tr")


def test_alias_row_links_to_converting_the_alias(tree, admin_user):
    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor")
    alias = en.create_alias(
        parent=tree["index"]["tr"], update_locale=tree["locales"]["tr"], reset_translation_key=False
    )
    row = status_rows(en, admin_user)["tr"]
    assert row.state == "alias" and not row.untranslated
    assert row.translate_url == reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])


def test_edit_view_says_which_language_is_edited(admin_client, tree):
    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor")
    tr = f.translate(en, tree["locales"]["tr"], title="Tahıl koridoru", slug="tahil")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tr.pk])).content.decode()
    assert 'lang="tr"><strong>You are editing the Türkçe version.</strong>' in html
    assert "Its text is still the same as another language version" in html
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[en.pk])).content.decode()
    assert "You are editing the English version." in html
    assert "Its text is still the same" not in html


def test_translate_form_ticks_the_language_asked_for(admin_client, tree):
    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor")
    url = reverse("ankasam_pubs_translate_page", args=[en.pk])
    html = admin_client.get(url + "?locale=ru").content.decode()
    ticked = re.findall(r"<input[^>]*checked[^>]*>", html)
    ru = str(tree["locales"]["ru"].pk)
    assert [t for t in ticked if 'name="locales"' in t] == [
        t for t in ticked if 'name="locales"' in t and f'value="{ru}"' in t
    ]
    assert any(f'value="{ru}"' in t for t in ticked)


def test_publishing_an_untranslated_translation_warns(admin_client, tree):
    from tests.test_footnotes_admin import form

    en = f.analysis(tree["index"]["en"], "Grain corridor", slug="grain-corridor", summary="s")
    tr = f.translate(en, tree["locales"]["tr"], title="Tahıl koridoru", slug="tahil", live=False)
    url = reverse("wagtailadmin_pages:edit", args=[tr.pk])
    body = ["<p>Body of Grain corridor.</p>"]
    response = admin_client.post(url, form(tr, body, [], "action-publish"), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("has been published" in m for m in messages)
    warning = "is published in Türkçe, but its text is still the same as the English version"
    assert sum(warning in m for m in messages) == 1
    # The source published while its translation is still a copy: not a copy itself.
    en_url = reverse("wagtailadmin_pages:edit", args=[en.pk])
    response = admin_client.post(en_url, form(en, body, [], "action-publish"), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("has been published" in m for m in messages)
    assert not any("its text is still the same" in m for m in messages)
    # Translated: no warning.
    response = admin_client.post(
        url, form(tr, ["<p>Tahıl koridorunun metni.</p>"], [], "action-publish"), follow=True
    )
    assert not any(warning in str(m) for m in response.context["messages"])
