"""The admin's "Paste legacy notes" action: preview first, then a draft; never a loss."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests import factories as f
from tests.factories import paragraphs

pytestmark = pytest.mark.django_db

LEGACY = """Notes
[1] "Grain in Transit", Example Maritime Review, example.org/grain, (Date of Accession: 15.03.2023).
[2] Ibid., 12.
[3] A remark of the author without any source.
this line cannot be placed anywhere
"""


@pytest.fixture
def analysis(tree):
    return f.analysis(
        tree["index"]["en"],
        "Legacy analysis",
        body=paragraphs("<p>Exports rose [1] and fell [2].</p>", "<p>See also [4].</p>"),
    )


def url(page):
    return reverse("ankasam_pubs_admin:paste_legacy_notes", args=[page.pk])


def test_button_on_the_edit_view(admin_client, analysis):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[analysis.pk])).content
    assert url(analysis).encode() in html


def test_the_screen_names_the_page_it_changes(admin_client, analysis):
    html = admin_client.get(url(analysis)).content.decode()
    assert 'class="ap-legacy-page"' in html
    assert ">Legacy analysis</a>" in html


def test_preview_changes_nothing_then_confirm_saves_a_draft(admin_client, analysis, client):
    revisions = analysis.revisions.count()
    response = admin_client.post(url(analysis), {"notes": LEGACY, "link_markers": "on"})
    html = response.content.decode()
    assert "3 notes will be added; 2 marker(s) linked." in html
    assert "There is no note 4; the marker was left unchanged." in html
    assert "Note 3 is never referenced in the text." in html
    assert analysis.revisions.count() == revisions
    # Each line as it will be stored, field by field, beside the pasted line.
    rows = response.context["rows"]
    assert [(r.number, r.title, r.outlet, r.url, r.accessed, r.locator, r.ibid) for r in rows] == [
        (
            1,
            "Grain in Transit",
            "Example Maritime Review",
            "https://example.org/grain",
            "15.03.2023",
            "",
            False,
        ),
        (
            2,
            "Grain in Transit",
            "Example Maritime Review",
            "https://example.org/grain",
            "15.03.2023",
            "Page 12",
            True,
        ),
        (3, "", "", "", "", "", False),
    ]
    # An unnumbered line continues the note above it: the table shows where it went.
    assert rows[2].comment == (
        "A remark of the author without any source. this line cannot be placed anywhere"
    )
    table = html[html.index('class="listing ap-legacy-table"') :]
    assert '<td dir="auto">Example Maritime Review</td>' in table
    assert "line 2: [1] &quot;Grain in Transit&quot;" in table

    response = admin_client.post(
        url(analysis), {"notes": LEGACY, "link_markers": "on", "confirm": "True"}, follow=True
    )
    assert "3 notes added and 2 markers linked; saved as a draft." in response.content.decode()
    analysis.refresh_from_db()
    assert analysis.revisions.count() == revisions + 1
    draft = analysis.get_latest_revision_as_object()
    notes = list(draft.notes.all())
    assert len(notes) == 3
    sources = notes[0].get_sources()
    assert sources[0].title == "Grain in Transit"
    assert sources[0].url == "https://example.org/grain"
    assert notes[1].get_sources()[0].locator == "12"  # Ibid. keeps its meaning
    numbering = draft.get_numbering()
    assert [n.note.uid for n in numbering.notes][:2] == [notes[0].uid, notes[1].uid]
    assert numbering.dangling == ()
    # The published page is untouched until an editor publishes the draft.
    assert "Grain in Transit" not in client.get(analysis.url).content.decode()


def test_editor_without_edit_permission_is_refused(client, analysis, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    revisions = analysis.revisions.count()
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    for response in (
        client.get(url(analysis)),
        client.post(url(analysis), {"notes": LEGACY, "confirm": "True"}),
    ):
        assert response.status_code == 302 and response.url == "/admin/"
    assert analysis.revisions.count() == revisions
    assert not Group.objects.filter(user=user).exists()


def test_csrf_is_enforced(analysis, django_user_model):
    from django.test import Client

    admin = django_user_model.objects.create_superuser("boss", "b@example.org", "pw")
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(admin)
    assert csrf_client.post(url(analysis), {"notes": LEGACY}).status_code == 403
