"""CSRF protection of the app's admin views."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Revision

from ankasam_pubs.models import (
    AuthorProfile,
    Series,
)
from tests.factories import (
    analysis,
    author,
    paragraphs,
    restrict,
    term,
)

from .common import LEGACY_NOTES, get, paste_url, translate_url

pytestmark = pytest.mark.django_db


def _csrf_cases(tree, page):
    profile = author("csrf-writer")
    series = term(Series, "csrf-series")
    snippets = AuthorProfile.snippet_viewset, Series.snippet_viewset
    return [
        ("legacy notes", paste_url(page), {"notes": LEGACY_NOTES, "confirm": "True"}),
        ("translate", translate_url(page), {"locales": [tree["locales"]["tr"].pk]}),
        (
            "author add",
            reverse(snippets[0].get_url_name("add")),
            {"display_name_en": "Forged", "slug": "forged"},
        ),
        (
            "author edit",
            reverse(snippets[0].get_url_name("edit"), args=[profile.pk]),
            {"display_name_en": "Forged", "slug": "csrf-writer"},
        ),
        ("author delete", reverse(snippets[0].get_url_name("delete"), args=[profile.pk]), {}),
        (
            "series edit",
            reverse(snippets[1].get_url_name("edit"), args=[series.pk]),
            {"name_en": "Forged", "slug": "csrf-series"},
        ),
        ("series delete", reverse(snippets[1].get_url_name("delete"), args=[series.pk]), {}),
    ]


def _state():
    return (
        Revision.objects.count(),
        Page.objects.count(),
        sorted(AuthorProfile.objects.values_list("slug", "display_name_en")),
        sorted(Series.objects.values_list("slug", "name_en")),
    )


def test_csrf_every_admin_form_of_ours_refuses_a_forged_post(tree, admin_user):
    page = analysis(tree["index"]["en"], "CSRF", body=paragraphs("<p>Claim [1].</p>"))
    cases = _csrf_cases(tree, page)
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(admin_user)
    before = _state()
    refused = {name: forged.post(url, data).status_code for name, url, data in cases}
    assert refused == {name: 403 for name, _url, _data in cases}
    assert _state() == before
    # Control: with the token the same client is let through (a form, a redirect).
    get(forged, paste_url(page))
    token = forged.cookies["csrftoken"].value
    response = forged.post(paste_url(page), {"notes": LEGACY_NOTES, "csrfmiddlewaretoken": token})
    assert response.status_code == 200 and "zqpasted" in response.content.decode()


def test_csrf_the_front_end_password_form(tree):
    page = analysis(tree["index"]["en"], "Protected zqcsrf")
    restriction = restrict(page)
    forged = Client(enforce_csrf_checks=True)
    form = get(forged, page.url).content.decode()
    assert 'name="csrfmiddlewaretoken"' in form
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = forged.post(url, {"password": "secret", "return_url": page.url})
    assert response.status_code == 403
    assert "zqcsrf" not in get(forged, page.url).content.decode()  # still locked


def test_front_end_forms_are_get_only(client, tree):
    """The reader's filter forms change nothing: they are GET forms, and POST is refused."""
    html = get(client, tree["index"]["en"].url).content.decode()
    assert re.findall(r'<form[^>]*method="(\w+)"', html) == ["get"]
    feed = client.post("/feeds/en/rss/")
    assert feed.status_code == 405
