"""Saving notes through the real Wagtail admin: references are validated, nothing lost."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ankasam_pubs.models import AnalysisPage
from ankasam_pubs.pages.blocks import RICH_TEXT_FEATURES
from tests import factories as f
from tests.factories import SOURCE_FORM_FIELDS, ref, source

pytestmark = pytest.mark.django_db

SOURCE_FIELDS = SOURCE_FORM_FIELDS


def form(page, paragraphs, notes, action=None):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "publication_date": page.publication_date.isoformat(),
            "body": streamfield(
                [("paragraph", rich_text(html, features=RICH_TEXT_FEATURES)) for html in paragraphs]
            ),
            "analysis_authors": inline_formset([]),
            "similar_pins": inline_formset([]),
            "similar_exclusions": inline_formset([]),
            "tags": "",
            "notes": inline_formset(
                [
                    {
                        "uid": note["uid"],
                        "sources": streamfield(
                            [("source", {**SOURCE_FIELDS, **s}) for s in note.get("sources", [])]
                        ),
                        "comment": rich_text(note.get("comment", "")),
                    }
                    for note in notes
                ]
            ),
        }
    )
    if action:
        data[action] = "1"
    return data


def edit(client, page, paragraphs, notes, action=None):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, form(page, paragraphs, notes, action), follow=True)


@pytest.fixture
def page(tree):
    return f.analysis(tree["index"]["en"], "Editorial", summary="s")


def errors_of(response):
    return response.content.decode()


def test_valid_notes_are_saved_and_published(admin_client, page, client):
    response = edit(
        admin_client,
        page,
        [f"<p>First{ref('k1')} and second{ref('k2')}.</p>"],
        [
            {"uid": "k2", "sources": [{"title": "Second", "url": "https://example.org/2"}]},
            {"uid": "k1", "sources": [{"title": "First", "url": "https://example.org/1"}]},
        ],
        action="action-publish",
    )
    assert response.status_code == 200
    page.refresh_from_db()
    assert sorted(page.notes.values_list("uid", flat=True)) == ["k1", "k2"]
    html = client.get(page.url).content.decode()
    assert 'href="#note-1" id="ref-1" role="doc-noteref"' in html
    section = html[html.index("doc-endnotes") :]
    assert section.index("First") < section.index("Second")


def test_reference_to_a_missing_note_is_an_error_that_names_it(admin_client, page):
    revisions = page.revisions.count()
    response = edit(admin_client, page, [f"<p>Claim{ref('ghost123')}.</p>"], [])
    html = errors_of(response)
    assert "(key ghost123)" in html
    [message] = [
        str(m) for e in response.context["form"].errors["body"].as_data() for m in e.messages
    ]
    assert message.replace("\u2068", "").replace("\u2069", "") == (
        "Paragraph 1, “Claim.”: A reference [?] points to a note that does not exist"
        " (key ghost123). Add the note or remove the reference."
    )
    assert page.revisions.count() == revisions


def test_pasted_reference_names_the_page_it_came_from(admin_client, page, tree):
    f.analysis(
        tree["index"]["en"],
        "Origin analysis",
        notes=[{"uid": "fromelsewhere", "sources": [source("Borrowed source")]}],
    )
    response = edit(admin_client, page, [f"<p>Pasted{ref('fromelsewhere')}.</p>"], [])
    html = errors_of(response)
    assert "Borrowed source" in html and "Origin analysis" in html
    assert "key fromelsewhere" in html


def test_unsafe_source_urls_are_form_errors(admin_client, page):
    for url in ("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "ftp://example.org/x"):
        revisions = page.revisions.count()
        response = edit(
            admin_client,
            page,
            [f"<p>Claim{ref('u1')}.</p>"],
            [{"uid": "u1", "sources": [{"title": "T", "url": url}]}],
        )
        formset = response.context["form"].formsets["notes"]
        [errors] = [error for error in formset.errors if error]
        url_error = errors["sources"].as_data()[0].block_errors[0].block_errors["url"]
        assert url_error.messages == ["Enter a web address starting with http:// or https://."]
        assert page.revisions.count() == revisions


def test_unreferenced_note_is_saved_with_a_warning(admin_client, page):
    response = edit(
        admin_client,
        page,
        ["<p>No references here.</p>"],
        [{"uid": "lonely", "sources": [{"title": "Lonely source"}]}],
    )
    html = errors_of(response)
    # The note's text is bidi-isolated inside the message (U+2068 … U+2069).
    assert "1 note is not referenced in the text: 1. \u2068Lonely source\u2069." in html
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert [note.uid for note in latest.notes.all()] == ["lonely"]


def test_duplicate_keys_are_refused(admin_client, page):
    response = edit(
        admin_client,
        page,
        [f"<p>x{ref('same')}</p>"],
        [
            {"uid": "same", "sources": [{"title": "A"}]},
            {"uid": "same", "sources": [{"title": "B"}]},
        ],
    )
    assert "Two notes share the reference key same" in errors_of(response)


def test_an_empty_note_is_refused_and_named_by_its_place(admin_client, page):
    revisions = page.revisions.count()
    response = edit(
        admin_client,
        page,
        [f"<p>x{ref('full')}</p>"],
        [
            {"uid": "full", "sources": [{"title": "A"}]},
            {"uid": "blank", "comment": "<p> &nbsp; </p>"},
        ],
        action="action-publish",
    )
    message = (
        "Note 2 in the Notes panel has neither a source nor a comment: fill it in or delete it."
    )
    assert message in errors_of(response)
    formset = response.context["form"].formsets["notes"]
    assert formset.forms[1].errors["comment"] == [message]
    assert page.revisions.count() == revisions
    # A comment alone, or a source alone, is a note.
    response = edit(
        admin_client,
        page,
        [f"<p>x{ref('full')}{ref('said')}</p>"],
        [
            {"uid": "full", "sources": [{"title": "A"}]},
            {"uid": "said", "comment": "<p>Interview with the author.</p>"},
        ],
        action="action-publish",
    )
    assert "neither a source nor a comment" not in errors_of(response)
    assert page.revisions.count() == revisions + 1


def test_deleting_a_referenced_note_puts_it_back_and_says_why(admin_client, tree):
    page = f.analysis(
        tree["index"]["en"],
        "Editorial",
        summary="s",
        body=f.paragraphs(f"<p>Claim{ref('keepme')}.</p>"),
        notes=[{"uid": "keepme", "sources": [source("Kept source")]}],
    )
    note = page.notes.get()
    data = form(page, [f"<p>Claim{ref('keepme')}.</p>"], [])
    data.update(
        {
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "1",
            "notes-0-id": str(note.pk),
            "notes-0-uid": "keepme",
            "notes-0-ORDER": "1",
            "notes-0-DELETE": "1",
            "notes-0-comment": rich_text(""),
            "notes-0-sources-count": "0",
        }
    )
    revisions = page.revisions.count()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True
    )
    [message] = response.context["form"].errors["body"]
    assert message == (
        "The note “Kept source” is still referenced in the text, so it was not deleted. "
        "Remove its references first, then delete the note."
    )
    [restored] = response.context["form"].formsets["notes"].forms
    assert not restored["DELETE"].value()
    assert page.revisions.count() == revisions


def test_translation_copies_notes_with_their_keys(page, tree):
    page.notes.add(f.note_object("keep1", sources=[source("Kept")]))
    page.body = f.paragraphs(f"<p>x{ref('keep1')}</p>")
    page.save_revision().publish()
    translated = f.translate(AnalysisPage.objects.get(pk=page.pk), tree["locales"]["tr"])
    assert [note.uid for note in translated.notes.all()] == ["keep1"]
    assert translated.get_numbering().dangling == ()


@pytest.mark.parametrize("typed", ["15.03.2023", "2023-03-15", "15/03/2023"])
def test_accessed_date_is_read_the_house_way_and_iso(admin_client, page, typed):
    edit(
        admin_client,
        page,
        [f"<p>x{ref('d1')}</p>"],
        [{"uid": "d1", "sources": [{"title": "Dated", "accessed": typed}]}],
    )
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    [stored] = latest.notes.all()[0].get_sources()
    assert stored.accessed == datetime.date(2023, 3, 15)


def test_accessed_date_after_today_is_refused(admin_client, page):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    revisions = page.revisions.count()
    response = edit(
        admin_client,
        page,
        [f"<p>x{ref('d1')}</p>"],
        [{"uid": "d1", "sources": [{"title": "Dated", "accessed": tomorrow.strftime("%d.%m.%Y")}]}],
    )
    formset = response.context["form"].formsets["notes"]
    [errors] = [error for error in formset.errors if error]
    accessed = errors["sources"].as_data()[0].block_errors[0].block_errors["accessed"]
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert accessed.messages == [f"A source cannot have been accessed after today ({today})."]
    assert page.revisions.count() == revisions


def test_autosave_queues_no_warnings_for_the_next_page(admin_client, page, tree):
    """Autosave (the editor's browser asks for JSON) says nothing; the next explicit save
    says it once, and another page opened afterwards shows none of it."""
    other = f.analysis(tree["index"]["en"], "Another page", summary="s")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form(
        page, ["<p>No references here.</p>"], [{"uid": "lonely", "sources": [{"title": "L"}]}]
    )
    for _ in range(3):
        admin_client.post(url, data, HTTP_ACCEPT="application/json")

    def messages_on(response):
        return [str(m) for m in response.context["messages"]]

    shown = admin_client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert not any("not referenced" in m for m in messages_on(shown))
    saved = admin_client.post(url, data, follow=True)
    assert saved.content.decode().count("1 note is not referenced in the text") == 1
    assert sum("not referenced" in m for m in messages_on(saved)) == 1
    shown = admin_client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert not any("not referenced" in m for m in messages_on(shown))
