"""The read API (``/api/v2/analyses/``, ``/api/v2/authors/``): shapes, privacy, cost."""

from __future__ import annotations

import datetime
import json
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ankasam_pubs.footnotes.exports import reference_items, to_csl_json
from ankasam_pubs.models import (
    AnalysisIndexPage,
    AnalysisPage,
    Region,
    Series,
    Topic,
)
from ankasam_pubs.similar.display import similar_posts
from ankasam_pubs.similar.models import SimilarPost
from ankasam_pubs.translations.live import live_translations
from tests import factories as f

pytestmark = pytest.mark.django_db

PAYLOAD = "</script><script>alert(1)</script>"


def get(client, path: str, **params):
    return client.get(f"/api/v2/{path}", params)


def status(client, path: str, **params) -> int:
    """The final status; every answer is the API's JSON, and the only redirect is
    ``find``'s to a detail URL (never LocaleMiddleware's to a ``/en/`` page)."""
    response = client.get(f"/api/v2/{path}", params, follow=True)
    assert all(hop.startswith("/api/v2/") for hop, _code in response.redirect_chain), (
        response.redirect_chain
    )
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response.status_code


def data(client, path: str, **params) -> dict:
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(client, **params) -> list[int]:
    params.setdefault("limit", 20)
    return [item["id"] for item in data(client, "analyses/", **params)["items"]]


def similar_row(page, other, rank: int, score: float = 0.5):
    return SimilarPost.objects.create(
        page_id=page.pk, similar_id=other.pk, rank=rank, score=score, version="test"
    )


def full_url(page) -> str:
    return Page.objects.get(pk=page.pk).get_full_url()


# -- shapes ----------------------------------------------------------------------------------


def test_routes_live_under_the_apps_namespace():
    assert reverse("ankasam_pubs:api:analyses:listing") == "/api/v2/analyses/"
    assert reverse("ankasam_pubs:api:authors:detail", args=[3]) == "/api/v2/authors/3/"


def test_no_routes_without_rest_framework_or_wagtail_api(monkeypatch):
    from django.apps import apps

    from ankasam_pubs.api import urls

    installed = apps.is_installed
    assert urls.build_urlpatterns()
    for missing in ("rest_framework", "wagtail.api.v2"):
        monkeypatch.setattr(
            apps, "is_installed", lambda name, m=missing: name != m and installed(name)
        )
        assert urls.build_urlpatterns() == []


def test_listing_defaults_and_detail_fields(client, tree, authors_index):
    writer = f.author("ayse-demir", display_name_en="Ayşe Demir", position_en="Fellow")
    page = f.analysis(
        tree["index"]["en"],
        "Grain corridor",
        summary="Ships and silos.",
        series=f.term(Series, "commentary"),
        topics=[f.term(Topic, "food")],
        regions=[f.term(Region, "black-sea")],
        authors=[writer],
        date=datetime.date(2024, 5, 6),
    )
    listing = data(client, "analyses/")
    assert listing["meta"]["total_count"] == 1
    (item,) = listing["items"]
    assert set(item) == {"id", "meta", "title", "summary", "publication_date"}
    assert item["meta"]["type"] == "ankasam_pubs.AnalysisPage"
    assert item["meta"]["locale"] == "en"
    assert item["meta"]["html_url"] == full_url(page)
    assert item["summary"] == "Ships and silos."
    assert item["publication_date"] == "2024-05-06"

    detail = data(client, f"analyses/{page.pk}/")
    assert list(detail)[:6] == ["id", "meta", "title", "summary", "publication_date", "series"]
    assert {
        "topics",
        "regions",
        "authors",
        "body",
        "notes",
        "translations",
        "similar_posts",
    } <= set(detail)
    assert detail["meta"]["detail_url"] == f"http://localhost/api/v2/analyses/{page.pk}/"
    assert detail["meta"]["parent"]["id"] == tree["index"]["en"].pk
    assert "detail_url" not in detail["meta"]["parent"]["meta"]  # indexes have no endpoint
    assert detail["series"] == {"id": page.series_id, "slug": "commentary", "name": "Commentary"}
    assert detail["topics"] == [{"id": page.topics.get().pk, "slug": "food", "name": "Food"}]
    assert [region["slug"] for region in detail["regions"]] == ["black-sea"]
    assert detail["body"] == [
        {"type": "paragraph", "value": "<p>Body of Grain corridor.</p>", "id": page.body[0].id}
    ]
    assert detail["translations"] == [] and detail["similar_posts"] == []
    assert detail["notes"] == []

    # The listing gives the same values when asked for every field.
    everything = data(client, "analyses/", fields="*")["items"][0]
    detail["meta"].pop("parent")
    assert everything == detail


def test_terms_authors_and_labels_follow_the_pages_language(client, tree, authors_index):
    topic = f.term(Topic, "energy", name_tr="Enerji")
    profile = f.author(
        "ayse", display_name_en="Ayse Demir", display_name_tr="Ayşe Demir", position_tr="Uzman"
    )
    en = f.analysis(tree["index"]["en"], "Gas", topics=[topic], authors=[profile])
    tr = f.translate(en, tree["locales"]["tr"], title="Gaz")
    english = data(client, f"analyses/{en.pk}/")
    turkish = data(client, f"analyses/{tr.pk}/")
    assert english["topics"][0]["name"] == "Energy"
    assert turkish["topics"][0]["name"] == "Enerji"
    assert english["authors"][0]["display_name"] == "Ayse Demir"
    assert english["authors"][0]["role_label"] == "Author"
    assert turkish["authors"][0]["display_name"] == "Ayşe Demir"
    assert turkish["authors"][0]["position"] == "Uzman"
    assert turkish["authors"][0]["role_label"] == "Yazar"
    assert english["authors"][0]["url"] == authors_index["en"].get_full_url() + "ayse/"
    assert turkish["authors"][0]["url"] == authors_index["tr"].get_full_url() + "ayse/"


def test_authors_are_ordered_with_roles_and_profiles(client, tree, authors_index):
    from ankasam_pubs.models import AnalysisAuthor

    first = f.author("zeynep", orcid="0000-0002-1825-0097", short_bio_en="Writes on ports.")
    second = f.author("ali", position_en="Editor")
    former = f.author("former", is_active=False)
    page = f.analysis(tree["index"]["en"], authors=[first, second, former])
    AnalysisAuthor.objects.filter(page=page, author=second).update(role="translator")
    credits = data(client, f"analyses/{page.pk}/", fields="authors")["authors"]
    assert [c["slug"] for c in credits] == ["zeynep", "ali", "former"]  # editorial order
    assert [c["role"] for c in credits] == ["author", "translator", "author"]
    assert [(c["slug"], c["role"], c["url"]) for c in credits] == [
        (credit.author.slug, credit.role, "http://localhost" + credit.url)
        for credit in page.get_authors()
    ]
    assert credits[1]["role_label"] == "Translator"
    assert credits[0] == {
        "role": "author",
        "role_label": "Author",
        "id": first.pk,
        "slug": "zeynep",
        "display_name": "Zeynep",
        "position": "",
        "short_bio": "Writes on ports.",
        "orcid": "0000-0002-1825-0097",
        "url": authors_index["en"].get_full_url() + "zeynep/",
        "detail_url": f"http://localhost/api/v2/authors/{first.pk}/",
    }
    assert credits[1]["orcid"] == ""
    # Former staff are still credited, but the authors endpoint does not list them.
    assert credits[2]["detail_url"] is None
    assert credits[2]["url"] == authors_index["en"].get_full_url() + "former/"


def test_profile_urls_are_left_out_when_the_authors_index_is_not_public(
    client, tree, authors_index
):
    page = f.analysis(tree["index"]["en"], authors=[f.author("ayse")])
    f.restrict(authors_index["en"], PageViewRestriction.LOGIN)
    assert data(client, f"analyses/{page.pk}/")["authors"][0]["url"] is None
    tr = f.translate(page, tree["locales"]["tr"])
    assert data(client, f"analyses/{tr.pk}/")["authors"][0]["url"].endswith("/yazarlar/ayse/")


def test_notes_are_numbered_in_document_order_with_csl_json_sources(client, tree):
    page = f.analysis(
        tree["index"]["en"],
        body=f.paragraphs(
            f"<p>First claim{f.ref('later')}.</p>",
            f"<p>Second{f.ref('early')}, again{f.ref('later')}.</p>",
        ),
        notes=[
            {
                "uid": "early",
                "sources": [
                    f.source(
                        "Ports of the Black Sea",
                        type="journal-article",
                        authors="Demir, Ayşe",
                        container_title="Maritime Review",
                        issued="2022-11",
                        doi="https://doi.org/10.1234/ports",
                        pages="45-67",
                        locator="50",
                    )
                ],
            },
            {
                "uid": "later",
                "sources": [f.source("Grain data"), f.source("Shipping report", type="report")],
                "comment": "<p>See also <i>annex</i>.</p>",
            },
            {"uid": "unused", "comment": "<p>Never cited.</p>"},
        ],
    )
    notes = data(client, f"analyses/{page.pk}/", fields="notes")["notes"]
    assert [(n["number"], n["uid"], n["referenced"]) for n in notes] == [
        (1, "later", True),
        (2, "early", True),
        (3, "unused", False),
    ]
    assert [n["anchor"] for n in notes] == ["note-1", "note-2", "note-3"]
    assert notes[0]["comment"] == "<p>See also <i>annex</i>.</p>"
    assert notes[0]["sources"] == [
        {"id": "note-1", "type": "webpage", "title": "Grain data"},
        {"id": "note-1-2", "type": "report", "title": "Shipping report"},
    ]
    assert notes[1]["sources"] == [
        {
            "id": "note-2",
            "type": "article-journal",
            "author": [{"family": "Demir", "given": "Ayşe"}],
            "title": "Ports of the Black Sea",
            "container-title": "Maritime Review",
            "issued": {"date-parts": [[2022, 11]]},
            "page": "45-67",
            "DOI": "10.1234/ports",
            "locator": "50",
            "label": "page",
        }
    ]
    assert notes[2]["sources"] == []
    # Without the locator, each note's sources are the page's CSL-JSON export.
    exported = to_csl_json(reference_items(page.get_numbering()))
    listed = [
        {k: v for k, v in source.items() if k not in ("locator", "label")}
        for note in notes
        for source in note["sources"]
    ]
    assert listed == exported


def test_translations_list_only_live_public_real_versions(client, tree):
    en = f.analysis(tree["index"]["en"], "Ports", slug="ports")
    tr = f.translate(en, tree["locales"]["tr"], title="Limanlar")
    f.translate(en, tree["locales"]["ru"], live=False, title="Порты")  # a draft
    detail = data(client, f"analyses/{en.pk}/", fields="translations")
    assert detail["translations"] == [
        {
            "id": tr.pk,
            "language": "tr",
            "language_name": "Türkçe",
            "title": "Limanlar",
            "url": full_url(tr),
            "detail_url": f"http://localhost/api/v2/analyses/{tr.pk}/",
        }
    ]
    assert [v["id"] for v in detail["translations"]] == [v.page.pk for v in live_translations(en)]
    back = data(client, f"analyses/{tr.pk}/", fields="translations")["translations"]
    assert [(v["language"], v["title"]) for v in back] == [("en", "Ports")]


def test_similar_posts_match_the_pages_own_lists(client, tree, settings):
    en, tr = tree["index"]["en"], tree["index"]["tr"]
    a, b, c = (f.analysis(en, title) for title in ("Alpha", "Beta", "Gamma"))
    b_tr = f.translate(b, tree["locales"]["tr"], title="Beta TR")
    c_tr = f.translate(c, tree["locales"]["tr"], title="Gamma TR")
    a_tr = f.translate(a, tree["locales"]["tr"], title="Alpha TR")
    similar_row(a, b, 0, 0.9)
    similar_row(a, c, 1, 0.4)
    similar_row(b, a, 0, 0.8)
    similar_row(b, c, 1, 0.3)
    similar_row(b_tr, c_tr, 0, 0.7)  # short: borrows Alpha TR from Beta's English list
    assert tr
    for page in (a, b, b_tr):
        shown = data(client, f"analyses/{page.pk}/", fields="similar_posts")["similar_posts"]
        expected = similar_posts(page)
        assert [(s["title"], s["language"], s["score"], s["pinned"]) for s in shown] == [
            (i.title, i.language_code, i.score, i.pinned) for i in expected
        ]
    shown = data(client, f"analyses/{b_tr.pk}/", fields="similar_posts")["similar_posts"]
    assert [s["title"] for s in shown] == ["Gamma TR", "Alpha TR"]
    assert shown[1]["url"] == full_url(a_tr)
    assert shown[1]["score"] is None and shown[0]["score"] == 0.7
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_BORROW": "any", "SIMILAR_POSTS_COUNT": 6}
    listing = data(client, "analyses/", fields="similar_posts", locale="tr")["items"]
    by_id = {item["id"]: item["similar_posts"] for item in listing}
    for page in (b_tr, c_tr, a_tr):
        assert [s["title"] for s in by_id[page.pk]] == [i.title for i in similar_posts(page)]


# -- privacy ---------------------------------------------------------------------------------

HIDE = [
    "draft",
    "scheduled",
    "unpublished",
    "expired",
    "past_expiry",
    "password",
    "login",
    "groups",
    "private_section",
    "alias",
]


@pytest.fixture
def hidden_case(tree, request):
    """English Alpha, Beta, Gamma; Turkish Beta and Gamma; Alpha's Turkish version hidden
    in the way ``request.param`` names, yet still listed in the similar-posts tables."""
    en_index = tree["index"]["en"]
    tr = tree["locales"]["tr"]
    writer = f.author("writer")
    alpha = f.analysis(en_index, "Alpha zeta", slug="alpha", authors=[writer])
    beta = f.analysis(en_index, "Beta", slug="beta")
    gamma = f.analysis(en_index, "Gamma", slug="gamma")
    beta_tr = f.translate(beta, tr, title="Beta TR")
    gamma_tr = f.translate(gamma, tr, title="Görünür zeta")
    kind = request.param
    if kind == "alias":
        hidden = alpha.copy_for_translation(tr, alias=True)
    elif kind in ("draft", "scheduled"):
        hidden = f.translate(alpha, tr, live=False, title="Gizli zeta")
        if kind == "scheduled":
            hidden.go_live_at = timezone.now() + datetime.timedelta(days=3)
            hidden.save_revision().publish()
    else:
        hidden = f.translate(alpha, tr, title="Gizli zeta")
    private_section = None
    if kind == "unpublished":
        hidden.unpublish()
    elif kind == "expired":
        Page.objects.filter(pk=hidden.pk).update(
            expire_at=timezone.now() - datetime.timedelta(hours=1)
        )
        call_command("publish_scheduled", verbosity=0)
    elif kind == "past_expiry":  # publish_scheduled has not run yet: still "live"
        Page.objects.filter(pk=hidden.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    elif kind in ("password", "login", "groups"):
        f.restrict(hidden, kind)
    elif kind == "private_section":
        home = Page.objects.get(pk=tree["home"]["tr"].pk)  # numchild is stale in the tree
        private_section = home.add_child(
            instance=AnalysisIndexPage(title="Özel", slug="ozel", locale=tr)
        )
        private_section.save_revision().publish()
        Page.objects.get(pk=hidden.pk).move(private_section, pos="last-child")
        f.restrict(private_section, PageViewRestriction.GROUPS)
    hidden = Page.objects.get(pk=hidden.pk).specific
    # Every page in the search index, the hidden one too (Wagtail 7 indexes after commit).
    for page in AnalysisPage.objects.all():
        index.insert_or_update_object(page)
    assert hidden.live == (kind not in ("draft", "scheduled", "unpublished", "expired"))
    # Stale tables: the hidden page is in Beta TR's list, and Beta's English list holds
    # Alpha, whose Turkish version a short list would borrow.
    similar_row(beta_tr, hidden, 0, 0.9)
    similar_row(beta_tr, gamma_tr, 1, 0.5)
    similar_row(beta, alpha, 0, 0.9)
    return {
        "kind": kind,
        "hidden": hidden,
        "alpha": alpha,
        "beta_tr": beta_tr,
        "gamma_tr": gamma_tr,
        "writer": writer,
        "private_section": private_section,
        "tree": tree,
    }


@pytest.mark.parametrize("hidden_case", HIDE, indirect=True)
def test_hidden_pages_are_unreachable_through_every_endpoint(client, hidden_case):
    case = hidden_case
    hidden, tree = case["hidden"], case["tree"]
    visible_tr = {case["beta_tr"].pk, case["gamma_tr"].pk}

    # Listings, with every filter that could lead to it.
    assert hidden.pk not in ids(client)
    assert set(ids(client, locale="tr")) == visible_tr
    assert set(ids(client, type="ankasam_pubs.AnalysisPage", locale="tr")) == visible_tr
    assert set(ids(client, child_of=tree["index"]["tr"].pk)) == visible_tr
    assert set(ids(client, descendant_of=tree["home"]["tr"].pk)) == visible_tr
    assert ids(client, translation_of=case["alpha"].pk) == []
    assert ids(client, slug=hidden.slug, locale="tr") == []
    assert ids(client, title=hidden.title, locale="tr") == []
    assert ids(client, author="writer") == [case["alpha"].pk]
    assert ids(client, locale="tr", search="zeta") == [case["gamma_tr"].pk]
    assert hidden.pk not in ids(client, search="zeta")
    for params in (
        {"child_of": hidden.pk},
        {"descendant_of": hidden.pk},
        {"ancestor_of": hidden.pk},
        {"translation_of": hidden.pk},
    ):
        assert get(client, "analyses/", **params).status_code == 400  # as for no such page
    if case["private_section"] is not None:
        section = case["private_section"].pk
        assert get(client, "analyses/", child_of=section).status_code == 400
        assert get(client, "analyses/", descendant_of=section).status_code == 400

    # Detail and find: 404, exactly as for an id that does not exist.
    assert status(client, f"analyses/{hidden.pk}/") == 404
    assert status(client, "analyses/find/", id=hidden.pk) == 404
    missing, response = (
        client.get(f"/api/v2/analyses/{pk}/", HTTP_ACCEPT="application/json")
        for pk in (999999, hidden.pk)
    )
    assert response.status_code == missing.status_code
    assert response.headers.keys() == missing.headers.keys()

    # Not offered as a translation, nor as a similar post (own list or borrowed).
    alpha = data(client, f"analyses/{case['alpha'].pk}/")
    assert alpha["translations"] == []
    beta_tr = data(client, f"analyses/{case['beta_tr'].pk}/")
    assert [s["title"] for s in beta_tr["similar_posts"]] == ["Görünür zeta"]
    everything = json.dumps(data(client, "analyses/", fields="*", limit=20))
    assert f"/api/v2/analyses/{hidden.pk}/" not in everything
    assert "Gizli" not in everything

    # Profiles do not count it.
    authors = data(client, "authors/", lang="tr", fields="analyses_count")["items"]
    assert [a["analyses_count"] for a in authors] == [0]
    authors = data(client, "authors/", lang="en", fields="analyses_count")["items"]
    assert [a["analyses_count"] for a in authors] == [1]

    # The page's own language versions and similar lists as the HTML pages have them
    # (the API is stricter only about a page past its expiry time).
    if case["kind"] != "past_expiry":
        assert [v.page.pk for v in live_translations(case["alpha"])] == []
        assert [i.title for i in similar_posts(case["beta_tr"])] == ["Görünür zeta"]


def test_a_hidden_page_answers_like_a_missing_one(client, tree, settings):
    """Without the demo's LocaleMiddleware retry, the API's own 404 is JSON, the same
    for a page that exists but is hidden as for no page at all."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("LocaleMiddleware")]
    hidden = f.analysis(tree["index"]["en"], "Draft", live=False)
    responses = [get(client, f"analyses/{pk}/") for pk in (hidden.pk, 999999)]
    assert [r.status_code for r in responses] == [404, 404]
    assert (
        responses[0].json()
        == responses[1].json()
        == {"message": "No AnalysisPage matches the given query."}
    )
    found = [get(client, "analyses/find/", id=pk) for pk in (hidden.pk, 999999)]
    assert [r.json() for r in found] == [{"message": "not found"}] * 2


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_restricted_pages_stay_hidden_from_readers_who_may_open_them(
    client, admin_user, tree, kind
):
    """Wagtail's own pages endpoint lists a restricted page to whoever passes the
    restriction; this API never does (a headless front end would cache and re-serve it)."""
    page = f.analysis(tree["index"]["en"], "Members only", slug="members")
    restriction = f.restrict(page, kind)
    if kind == "password":
        client.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
            {"password": "secret", "return_url": "/"},
        )
        assert restriction.pk in client.session["passed_page_view_restrictions"]
    else:
        client.force_login(admin_user)
    assert client.get(page.url).status_code == 200  # the reader may open the page…
    assert ids(client) == []  # …but the API does not list it
    assert status(client, f"analyses/{page.pk}/") == 404
    assert status(client, "analyses/find/", html_path="/analysis/members/") == 404


def test_drafts_and_scheduled_revisions_of_live_pages_do_not_leak(client, tree):
    page = f.analysis(tree["index"]["en"], "Published title", summary="Published summary")
    page.title = "Draft title"
    page.summary = "Draft summary"
    page.save_revision()
    scheduled = Page.objects.get(pk=page.pk).specific
    scheduled.title = "Scheduled title"
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    detail = data(client, f"analyses/{page.pk}/")
    assert (detail["title"], detail["summary"]) == ("Published title", "Published summary")
    text = json.dumps(data(client, "analyses/", fields="*"))
    assert "Draft" not in text and "Scheduled" not in text


def test_the_analyses_endpoint_reaches_no_other_page_type(client, tree, authors_index):
    page = f.analysis(tree["index"]["en"], slug="only")
    home, index = tree["home"]["en"], tree["index"]["en"]
    for type_ in (
        "wagtailcore.Page",
        "home.HomePage",
        "ankasam_pubs.AnalysisIndexPage",
        "ankasam_pubs.AnalysisPage,home.HomePage",
    ):
        response = get(client, "analyses/", type=type_)
        assert response.status_code == 400, type_
        assert "analysis page type" in response.json()["message"]
    assert get(client, "analyses/", type="no.Such").status_code == 400
    for other in (home, index, authors_index["en"]):
        assert status(client, f"analyses/{other.pk}/") == 404
        assert status(client, "analyses/find/", id=other.pk) == 404
    assert status(client, "analyses/find/", html_path="/") == 404
    assert status(client, "analyses/find/", html_path="/analysis/") == 404
    assert status(client, "analyses/find/", id="abc") == 404
    found = get(client, "analyses/find/", html_path="/analysis/only/")
    assert found.status_code == 302
    assert found["Location"].startswith(f"http://localhost/api/v2/analyses/{page.pk}/")
    assert ids(client, descendant_of=home.pk) == [page.pk]


def test_xss_payloads_come_back_as_inert_json_strings(client, tree, authors_index):
    profile = f.author("payload", display_name_en=PAYLOAD, position_en=PAYLOAD)
    topic = f.term(Topic, "payload", name_en=PAYLOAD)
    page = f.analysis(
        tree["index"]["en"],
        PAYLOAD,
        summary=PAYLOAD,
        authors=[profile],
        topics=[topic],
        body=f.paragraphs(f"<p>Claim{f.ref('n1')}</p>"),
        notes=[{"uid": "n1", "sources": [f.source(PAYLOAD, url="javascript:alert(1)")]}],
    )
    response = get(client, f"analyses/{page.pk}/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    detail = response.json()
    assert detail["title"] == detail["summary"] == PAYLOAD
    assert detail["authors"][0]["display_name"] == detail["authors"][0]["position"] == PAYLOAD
    assert detail["topics"][0]["name"] == PAYLOAD
    assert detail["notes"][0]["sources"][0]["title"] == PAYLOAD
    author = data(client, f"authors/{profile.pk}/")
    assert author["display_name"] == PAYLOAD
    # The browsable API (text/html) escapes it like any template.
    html = client.get(f"/api/v2/analyses/{page.pk}/", HTTP_ACCEPT="text/html")
    assert html["Content-Type"].startswith("text/html")
    assert PAYLOAD not in html.content.decode()
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html.content.decode()


# -- cost --------------------------------------------------------------------------------------


def test_listing_with_every_field_costs_the_same_queries_for_3_and_12_analyses(
    client, tree, authors_index
):
    people = [f.author("first"), f.author("second")]
    series, topic, region = f.term(Series, "s"), f.term(Topic, "t"), f.term(Region, "r")
    made: list = []

    def add(count: int):
        for _ in range(count):
            page = f.analysis(
                tree["index"]["en"],
                authors=people,
                series=series,
                topics=[topic],
                regions=[region],
                body=f.paragraphs(f"<p>A{f.ref('a')} b{f.ref('b')}</p>"),
                notes=[
                    {"uid": "a", "sources": [f.source("One"), f.source("Two")]},
                    {"uid": "b", "comment": "<p>Note</p>"},
                ],
            )
            translation = f.translate(page, tree["locales"]["tr"])
            if made:
                similar_row(page, made[-1][0], 0)
                similar_row(made[-1][0], page, 1)
            made.append((page, translation))

    def count(locale: str) -> int:
        url = f"/api/v2/analyses/?fields=*&limit=20&locale={locale}"
        client.get(url)  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    add(3)
    few = {locale: count(locale) for locale in ("en", "tr")}
    add(9)
    assert len(data(client, "analyses/", locale="tr")["items"]) == 12
    many = {locale: count(locale) for locale in ("en", "tr")}
    assert many == few
    # Turkish pages borrow from their English versions' lists: it shows.
    last_tr = data(client, f"analyses/{made[-1][1].pk}/", fields="similar_posts")
    assert last_tr["similar_posts"]


def test_authors_listing_costs_the_same_queries_for_3_and_12_profiles(client, tree, authors_index):
    topic = f.term(Topic, "t")

    def add(count: int):
        for _ in range(count):
            profile = f.author()
            profile.expertise.add(topic)
            f.analysis(tree["index"]["en"], authors=[profile])

    def count() -> int:
        url = "/api/v2/authors/?fields=*&lang=tr"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(3)
    few = count()
    add(9)
    assert count() == few


# -- authors -----------------------------------------------------------------------------------


def test_authors_endpoint_in_the_requested_language(client, tree, authors_index):
    energy = f.term(Topic, "energy", name_tr="Enerji")
    profile = f.author(
        "ayse",
        display_name_en="Ayse Demir",
        display_name_tr="Ayşe Demir",
        position_en="Senior fellow",
        position_tr="Kıdemli uzman",
        short_bio_en="Writes on energy.",
        short_bio_tr="Enerji üzerine yazar.",
        orcid="0000-0002-1825-0097",
        links="https://example.org/ayse\nhttps://x.com/ayse",
        email="ayse@example.org",
    )
    profile.expertise.add(energy)
    f.author("former", is_active=False)
    en = f.analysis(tree["index"]["en"], authors=[profile])
    f.translate(en, tree["locales"]["tr"])
    f.analysis(tree["index"]["en"], authors=[profile], live=False)

    listing = data(client, "authors/", lang="tr")
    assert listing["meta"]["total_count"] == 1
    assert listing["items"] == [
        {
            "id": profile.pk,
            "meta": {
                "type": "ankasam_pubs.AuthorProfile",
                "detail_url": f"http://localhost/api/v2/authors/{profile.pk}/",
            },
            "slug": "ayse",
            "display_name": "Ayşe Demir",
            "position": "Kıdemli uzman",
            "url": authors_index["tr"].get_full_url() + "ayse/",
        }
    ]
    detail = data(client, f"authors/{profile.pk}/", lang="tr")
    assert detail["short_bio"] == "Enerji üzerine yazar."
    assert detail["expertise"] == [{"id": energy.pk, "slug": "energy", "name": "Enerji"}]
    assert detail["links"] == ["https://example.org/ayse", "https://x.com/ayse"]
    assert detail["orcid"] == "0000-0002-1825-0097"
    assert detail["email"] is None  # not shown on the profile page
    assert detail["analyses_count"] == 1
    assert detail["analyses_url"] == "http://localhost/api/v2/analyses/?author=ayse&locale=tr"
    listed = data(client, "analyses/", author="ayse", locale="tr")["items"]
    assert len(listed) == detail["analyses_count"]

    english = data(client, f"authors/{profile.pk}/")  # the site's LANGUAGE_CODE
    assert english["display_name"] == "Ayse Demir"
    assert english["expertise"][0]["name"] == "Energy"
    assert english["url"] == authors_index["en"].get_full_url() + "ayse/"
    russian = data(client, f"authors/{profile.pk}/", lang="ru")
    assert russian["display_name"] == "Ayse Demir"  # modeltranslation's fallback
    assert russian["url"] is None  # no Russian authors index
    assert russian["analyses_count"] == 0

    profile.show_email = True
    profile.save()
    assert data(client, f"authors/{profile.pk}/")["email"] == "ayse@example.org"


def test_authors_endpoint_refuses_hidden_fields_unknown_languages_and_former_staff(client, tree):
    current = f.author("current", email="a@example.org")
    former = f.author("former", is_active=False)
    assert [a["slug"] for a in data(client, "authors/")["items"]] == ["current"]
    assert status(client, f"authors/{former.pk}/") == 404
    assert status(client, "authors/find/", id=former.pk) == 404
    assert get(client, "authors/find/", id=current.pk).status_code == 302
    assert data(client, "authors/", slug="current")["meta"]["total_count"] == 1
    assert data(client, "authors/", order="-sort_name")["items"][0]["slug"] == "current"
    for params in ({"email": "a@example.org"}, {"order": "email"}, {"user": "1"}):
        assert get(client, "authors/", **params).status_code == 400, params
    assert get(client, "authors/", search="current").status_code == 400
    response = get(client, "authors/", lang="xx")
    assert response.status_code == 400
    assert response.json()["message"] == "lang must be one of the site's languages: en, tr, ru, ar"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("publication_date=not-a-date", 400),
        ("topics=abc", 400),
        ("notes=abc", 400),
        ("series=abc", 400),
        ("id=abc", 400),
        ("order=topics", 400),
        ("order=notes", 400),
        ("order=translations", 400),
        ("order=parent", 400),
        ("fields=authors(slug)", 400),
        ("fields=nothing", 400),
        ("offset=-1", 400),
        ("type=home.HomePage", 400),
        ("author=%00", 400),
        # The probe's inputs that were server errors (#15).
        ("search=%00", 400),
        ("series=99999999999999999999", 400),
        ("child_of=-99999999999999999999", 400),
        ("search=" + "x" * 201, 400),
        ("search=ports&search_operator=xor", 400),
        ("search=%22", 200),
        ("search=%22%27%3C", 200),
        ("search=a%20OR%20(b%20AND", 200),
    ],
)
def test_bad_parameters_are_client_errors(client, tree, query, expected):
    f.analysis(tree["index"]["en"], notes=[{"uid": "a"}, {"uid": "b"}], topics=[f.term(Topic, "t")])
    response = client.get(f"/api/v2/analyses/?{query}")
    assert response.status_code == expected, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    if expected == 400:
        assert response.json()["message"]
    else:  # punctuation only, or words nothing matches: an empty result, not an error
        assert response.json()["items"] == []


def test_search_keeps_the_words_around_punctuation(client, tree):
    page = f.analysis(tree["index"]["en"], "Black Sea ports")
    index.insert_or_update_object(page)  # Wagtail 7 indexes after commit
    assert ids(client, search='"ports') == [page.pk]
    assert ids(client, search="(black) 'sea!") == [page.pk]
    assert ids(client, search='"unrelated') == []


@pytest.mark.parametrize(
    "path",
    [
        "analyses/99999999999999999999/",
        "analyses/-1/",
        "authors/99999999999999999999/",
        "analyses/123456/",
        "nothing/here/",
        "analyses/find/?html_path=/en/no/such/page/",
    ],
)
def test_not_found_is_json_at_the_address_asked(client, tree, path):
    response = client.get(f"/api/v2/{path}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_listing_order_and_field_filters(client, tree):
    index = tree["index"]["en"]
    old = f.analysis(index, "Old", date=datetime.date(2020, 1, 1), topics=[f.term(Topic, "x")])
    new = f.analysis(index, "New", date=datetime.date(2024, 1, 1))
    assert ids(client) == [new.pk, old.pk]  # newest first
    assert ids(client, order="publication_date") == [old.pk, new.pk]
    assert ids(client, order="title") == [new.pk, old.pk]
    assert ids(client, publication_date="2020-01-01") == [old.pk]
    assert ids(client, topics=old.topics.get().pk) == [old.pk]
    assert ids(client, order="-title", limit=1) == [old.pk]
    assert status(client, "analyses/", site="nowhere.example") == 404


def test_find_takes_the_paths_readers_see_in_every_language(client, tree):
    """``find`` with the path of ``meta.html_url``: with its language prefix in each
    language, and without one for the default language; a draft translation's path and
    an unknown language's are 404s in JSON."""
    en = f.analysis(tree["index"]["en"], "Ports", slug="ports")
    tr = f.translate(en, tree["locales"]["tr"], title="Limanlar")
    ru = f.translate(en, tree["locales"]["ru"], title="Порты")
    for page in (en, tr, ru):
        html_url = data(client, f"analyses/{page.pk}/")["meta"]["html_url"]
        path = urlsplit(html_url).path
        assert path.startswith(f"/{page.locale.language_code}/"), path
        found = get(client, "analyses/find/", html_path=path)
        assert found.status_code == 302, (path, found.content[:200])
        assert found["Location"].startswith(f"http://localhost/api/v2/analyses/{page.pk}/")
    unprefixed = urlsplit(full_url(en)).path.removeprefix("/en")
    found = get(client, "analyses/find/", html_path=unprefixed)
    assert found["Location"].startswith(f"http://localhost/api/v2/analyses/{en.pk}/")
    hidden = f.translate(
        f.analysis(tree["index"]["en"], "Straits", slug="straits"),
        tree["locales"]["ru"],
        live=False,
        title="Проливы",
    )
    hidden_path = urlsplit(full_url(hidden)).path
    assert status(client, "analyses/find/", html_path=hidden_path) == 404
    assert status(client, "analyses/find/", html_path="/xx/analysis/ports/") == 404
