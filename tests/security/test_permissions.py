"""Publish permissions and page locks in the app's admin views."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Revision

from ankasam_pubs.models import (
    AnalysisNote,
    AnalysisPage,
    AuthorProfile,
    Region,
    Series,
    Topic,
)
from tests.factories import (
    author,
    term,
)

from .common import LEGACY_NOTES, get, paste_url, translate_url

pytestmark = pytest.mark.django_db


def test_drafter_cannot_publish_through_the_legacy_notes_view(client, staff):
    page = staff["page"]
    live_revision = page.live_revision_id
    client.force_login(staff["drafter"])
    assert get(client, paste_url(page)).status_code == 200
    response = client.post(
        paste_url(page),
        {
            "notes": LEGACY_NOTES,
            "link_markers": "on",
            "confirm": "True",
            "action-publish": "action-publish",
            "publish": "1",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.latest_revision_id != live_revision  # the view did save (control) …
    assert page.live_revision_id == live_revision  # … a draft, not a publication
    assert page.has_unpublished_changes
    assert not AnalysisNote.objects.filter(page=page).exists()
    anonymous = Client()
    assert "zqpasted" not in get(anonymous, page.url).content.decode()
    assert "zqpasted" not in get(anonymous, f"/api/v2/analyses/{page.pk}/").content.decode()


@pytest.mark.parametrize("parents", ["translated", "untranslated"])
def test_drafter_translation_is_a_draft(client, staff, parents):
    """A user who may not publish gets drafts only: the page and, where its section has
    no version in that language, the section too. Aliases count: none is created."""
    page, tree = staff["page"], staff["tree"]
    locale = tree["locales"]["tr"]
    if parents == "untranslated":
        locale = Locale.objects.create(language_code="tr-cy")
    client.force_login(staff["drafter"])
    pages_before = set(Page.objects.values_list("pk", flat=True))
    live_before = set(Page.objects.live().values_list("pk", flat=True))
    response = client.post(translate_url(page), {"locales": [locale.pk]})
    assert response.status_code == 302
    translated = AnalysisPage.objects.get(translation_key=page.translation_key, locale=locale)
    assert not translated.live
    made = Page.objects.exclude(pk__in=pages_before)
    assert made.count() == (1 if parents == "translated" else 3)  # page, index, home
    assert not made.filter(live=True).exists() and not made.filter(alias_of__isnull=False).exists()
    assert set(Page.objects.live().values_list("pk", flat=True)) == live_before
    anonymous = Client()
    for new in made:
        assert anonymous.get(new.url).status_code == 404


@pytest.mark.parametrize("who", ["other", "nobody"])
def test_our_admin_views_refuse_users_without_edit_rights(client, staff, who):
    page, tree = staff["page"], staff["tree"]
    revisions = Revision.objects.count()
    pages = Page.objects.count()
    client.force_login(staff[who])
    for response in (
        client.get(paste_url(page)),
        client.post(paste_url(page), {"notes": LEGACY_NOTES, "confirm": "True"}),
        client.get(translate_url(page)),
        client.post(translate_url(page), {"locales": [tree["locales"]["tr"].pk]}),
    ):
        # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages


def test_our_admin_views_send_anonymous_users_to_log_in(client, staff):
    page = staff["page"]
    for url in (
        paste_url(page),
        translate_url(page),
        reverse(AuthorProfile.snippet_viewset.get_url_name("list")),
    ):
        for response in (client.get(url), client.post(url, {"notes": LEGACY_NOTES})):
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("model", [AuthorProfile, Series, Topic, Region], ids=lambda m: m.__name__)
def test_snippets_need_their_model_permissions(client, staff, model):
    obj = author("kept") if model is AuthorProfile else term(model, "kept")
    field = "display_name_en" if model is AuthorProfile else "name_en"
    before = getattr(obj, field)
    viewset = model.snippet_viewset
    client.force_login(staff["drafter"])  # may edit pages, not profiles or taxonomies
    edit = reverse(viewset.get_url_name("edit"), args=[obj.pk])
    delete = reverse(viewset.get_url_name("delete"), args=[obj.pk])
    for response in (
        client.get(edit),
        client.post(edit, {field: "changed", "slug": "kept"}),
        client.post(delete),
        client.post(reverse(viewset.get_url_name("add")), {field: "new", "slug": "new"}),
    ):
        assert response.status_code in (302, 403)
    obj.refresh_from_db()
    assert getattr(obj, field) == before
    assert model.objects.count() == 1


def test_legacy_notes_view_respects_page_locks(client, staff, admin_user):
    """A page locked by someone else is not changed through our view either (Wagtail's
    edit view refuses to save it; so must the paste view)."""
    page = staff["page"]
    page.locked, page.locked_by, page.locked_at = True, admin_user, page.last_published_at
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    revisions = page.revisions.count()
    client.force_login(staff["drafter"])
    client.post(paste_url(page), {"notes": LEGACY_NOTES, "link_markers": "on", "confirm": "True"})
    assert page.revisions.count() == revisions
    page.locked = False
    page.save(update_fields=["locked"])
    client.post(paste_url(page), {"notes": LEGACY_NOTES, "link_markers": "on", "confirm": "True"})
    assert page.revisions.count() == revisions + 1  # control: unlocked, the same post saves
