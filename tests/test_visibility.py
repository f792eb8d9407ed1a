"""One test matrix for the visibility rule: every kind of secret x every public surface.

Each secret is built beside a small public world that shares its series, topic,
region, author and vocabulary, so every listing, filter, feed and similar list *could*
reach it. Each surface reads what a reader gets and returns the text it shows and the
ids of the pages it offers; the secret's markers (words in its title, summary and body,
and the addresses of pages that must not be named) and ids must be absent. The
control runs every surface on the same world and proves it does show the public pages.

Adding a secret or a surface is one entry in :data:`SECRETS` or :data:`SURFACES`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from ankasam_pubs.models import (
    AnalysisIndexPage,
    AuthorIndexPage,
    Region,
    Series,
    SimilarityDocument,
    SimilarPost,
    Topic,
)
from ankasam_pubs.similar import service
from tests.factories import analysis, author, paragraphs, restrict, term, translate
from tests.html import Doc

TEXT = "Caspian pipelines, winter gas storage and interconnector tariffs decide the load."
LANGS = ("en", "tr", "ru")


@dataclass
class Secret:
    """What must never be offered: marker words and addresses, and page ids."""

    markers: set[str] = field(default_factory=set)  # words of its content
    addresses: set[str] = field(default_factory=set)  # paths no surface may name
    ids: set[int] = field(default_factory=set)
    #: A page that is still served at its own address (restricted pages, aliases):
    #: the surfaces that go to it by that address may name it, never show its content.
    served: bool = False
    page: Page | None = None


@dataclass
class Seen:
    """What a surface showed: its text and the ids of the pages it offered."""

    text: str = ""
    ids: set[int] = field(default_factory=set)

    def add(self, other: Seen) -> Seen:
        self.text += "\n" + other.text
        self.ids |= other.ids
        return self


# -- the world ---------------------------------------------------------------------------
def _fields(marker: str) -> dict:
    return {
        "title": f"Title {marker}",
        "summary": f"Summary {marker}",
        "search_description": f"Seo {marker}",
        "body": paragraphs(f"<p>{TEXT} {marker}</p>"),
    }


@pytest.fixture
def world(tree):
    locs = tree["locales"]
    shared = {
        "series": term(Series, "shared-series"),
        "topics": [term(Topic, "shared-topic")],
        "regions": [term(Region, "shared-region")],
        "authors": [author("shared-writer", display_name_en="Shared Writer")],
        "date": datetime.date(2024, 6, 1),
    }
    index = tree["index"]["en"]
    public = analysis(index, **_fields("zqpublicone"), slug="public-one", **shared)
    public_tr = translate(public, locs["tr"], slug="genel-bir", **_fields("zqpublictr"))
    other = analysis(index, **_fields("zqpublictwo"), slug="public-two", **shared)
    experts = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="experts", locale=locs["en"])
    )
    experts.save_revision().publish()
    authors_index = {"en": experts}
    for code in ("tr", "ru"):
        authors_index[code] = translate(experts, locs[code], slug=f"experts-{code}")
    return {
        "tree": tree,
        "shared": shared,
        "public": public,
        "public_tr": public_tr,
        "other": other,
        "authors_index": authors_index,
    }


def _finish(world) -> None:
    """Lists and the search index as a site that ran every task would have them."""
    from wagtail.search.backends import get_search_backend

    for locale in world["tree"]["locales"].values():
        service.rebuild(locale)
    backend = get_search_backend()
    for page in Page.objects.specific():
        backend.add(page)


# -- secrets -----------------------------------------------------------------------------
def _secret_analysis(world, marker: str, *, parent=None, live=True, **extra) -> Page:
    parent = parent or world["tree"]["index"]["en"]
    slug = marker.replace("zq", "page-")
    return analysis(parent, **_fields(marker), slug=slug, live=live, **world["shared"], **extra)


def _hidden(page: Page, marker: str, served: bool = False) -> Secret:
    return Secret(
        markers={marker}, addresses={unquote(page.url)}, ids={page.pk}, served=served, page=page
    )


def draft(world) -> Secret:
    return _hidden(_secret_analysis(world, "zqdraft", live=False), "zqdraft")


def scheduled(world) -> Secret:
    page = _secret_analysis(world, "zqscheduled", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.approved_schedule
    return _hidden(page, "zqscheduled")


def expired(world) -> Secret:
    """Past its expiry time, but ``publish_scheduled`` has not run: still ``live``."""
    page = _secret_analysis(world, "zqexpired")
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    page.refresh_from_db()
    assert page.live
    return _hidden(page, "zqexpired")


def unpublished(world) -> Secret:
    page = _secret_analysis(world, "zqunpublished")
    page.unpublish()
    return _hidden(page, "zqunpublished")


def _restricted(kind: str, marker: str):
    def build(world) -> Secret:
        page = _secret_analysis(world, marker)
        restriction = restrict(page, kind)
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.create(name="Insiders"))
        return _hidden(page, marker, served=True)

    return build


def private_ancestor(world) -> Secret:
    section = world["tree"]["home"]["en"].add_child(
        instance=AnalysisIndexPage(
            title="Section zqsection", slug="section-index", locale=world["tree"]["locales"]["en"]
        )
    )
    section.save_revision().publish()
    restrict(section, PageViewRestriction.LOGIN)
    page = _secret_analysis(world, "zqsection", parent=section)
    secret = _hidden(page, "zqsection", served=True)
    secret.ids.add(section.pk)
    return secret


def unpublished_translation(world) -> Secret:
    """A Russian draft of a public analysis that has no live Russian version."""
    page = translate(
        world["other"],
        world["tree"]["locales"]["ru"],
        live=False,
        slug="page-rudraft",
        **_fields("zqrudraft"),
    )
    return _hidden(page, "zqrudraft")


def expired_translation(world) -> Secret:
    """A Russian version past its expiry time (still ``live`` until the task runs)."""
    page = translate(
        world["other"], world["tree"]["locales"]["ru"], slug="page-ruexpired", **_fields("zqruexp")
    )
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    page.refresh_from_db()
    return _hidden(page, "zqruexp")


def revision(world) -> Secret:
    """A live page's newer revision that nobody published."""
    page = world["other"]
    page.title, page.summary = "Title zqrevision", "Summary zqrevision"
    page.body = paragraphs(f"<p>{TEXT} zqrevision</p>")
    page.save_revision()
    return Secret(markers={"zqrevision"})


def alias(world) -> Secret:
    """An alias of a public analysis in the Russian tree: English text, not a translation."""
    page = world["other"].copy_for_translation(world["tree"]["locales"]["ru"], alias=True)
    assert page.live and page.alias_of_id == world["other"].pk
    return Secret(addresses={unquote(page.url)}, ids={page.pk}, served=True, page=page)


def alias_tree(world) -> Secret:
    """A Russian section that is an alias of an English one, its analysis included,
    with the English pages' translation keys (as the Translate action's parents)."""
    tree, locs = world["tree"], world["tree"]["locales"]
    briefs = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(title="Briefs", slug="briefs", locale=locs["en"])
    )
    briefs.save_revision().publish()
    analysis(briefs, "Brief on storage", slug="brief", body=paragraphs(f"<p>{TEXT}</p>"))
    root = briefs.create_alias(
        # fresh from the database: Wagtail 7.0 places the child by the parent's cached
        # child count, which earlier secrets may have made stale
        parent=Page.objects.get(pk=tree["home"]["ru"].pk),
        update_locale=locs["ru"],
        update_slug="zqaliastree",
        recursive=True,
        reset_translation_key=False,
    )
    pages = Page.objects.descendant_of(root, inclusive=True)
    assert pages.count() == 2 and not pages.filter(alias_of__isnull=True).exists()
    return Secret(addresses={unquote(root.url)}, ids=set(pages.values_list("pk", flat=True)))


#: kind -> builder. Each builder adds its secret to the world and says what to look for.
SECRETS: dict[str, Callable[[dict], Secret]] = {
    "draft": draft,
    "scheduled": scheduled,
    "expired": expired,
    "unpublished": unpublished,
    "password": _restricted(PageViewRestriction.PASSWORD, "zqpassword"),
    "login": _restricted(PageViewRestriction.LOGIN, "zqlogin"),
    "groups": _restricted(PageViewRestriction.GROUPS, "zqgroups"),
    "private-ancestor": private_ancestor,
    "unpublished-translation": unpublished_translation,
    "expired-translation": expired_translation,
    "unpublished-revision": revision,
    "alias": alias,
    "alias-rooted-tree": alias_tree,
}


# -- surfaces ----------------------------------------------------------------------------
def _get(client, url: str, **kwargs) -> str:
    response = client.get(url, **kwargs)
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code != 200:
        return ""
    return response.content.decode()


def _api_ids(data) -> set[int]:
    """Every page id a JSON answer names (items, translations)."""
    ids: set[int] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), int) and ("meta" in data or "language" in data):
            ids.add(data["id"])
        for value in data.values():
            ids |= _api_ids(value)
    elif isinstance(data, list):
        for value in data:
            ids |= _api_ids(value)
    return ids


def _api(client, url: str) -> Seen:
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code != 200:
        return Seen()
    data = response.json()
    return Seen(text=json.dumps(data, ensure_ascii=False), ids=_api_ids(data))


def _public_pages(world) -> list[Page]:
    return [world["public"], world["public_tr"], world["other"]]


def _head(world, client, secret, pick: Callable[[Doc], list[str]]) -> Seen:
    seen = Seen()
    for page in _public_pages(world):
        seen.text += "\n".join(pick(Doc(_get(client, page.url))))
    return seen


def page_itself(world, client, secret) -> Seen:
    """The secret's own address and exports (the control: the public page's)."""
    page = secret.page if secret is not None else world["public"]
    if page is None:
        return Seen()
    seen = Seen()
    for suffix in ("", "cite/chicago/", "cite/bibtex/", "references/csl-json/"):
        text = _get(client, page.url + suffix)
        seen.text += text.replace(page.url, "").replace(quote(page.url), "")
    return seen


def index_pages(world, client, secret) -> Seen:
    seen = Seen()
    queries = ("", "?topic=shared-topic", "?series=shared-series", "?region=shared-region")
    for code in LANGS:
        for query in (*queries, "?year=2024"):
            seen.text += _get(client, world["tree"]["index"][code].url + query)
    return seen


def _searched_words(secret) -> list[str]:
    """A reader's searches: the words every page shares, and the secret's own marker."""
    return ["Title", "pipeline storage", *sorted(secret.markers if secret else {"zqpublictwo"})]


def search(world, client, secret) -> Seen:
    """The results of a reader's searches (not the form and the "no results" line,
    which repeat the words the reader typed)."""
    seen = Seen()
    for code in LANGS:
        for words in _searched_words(secret):
            query = urlencode({"q": words})
            html = _get(client, f"{world['tree']['index'][code].url}?{query}")
            results = BeautifulSoup(html, "html.parser").select(
                ".ap-analysis-list, .ap-filters select"
            )
            seen.text += "\n".join(str(element) for element in results)
    return seen


def home_pages(world, client, secret) -> Seen:
    return Seen(text="".join(_get(client, world["tree"]["home"][c].url) for c in LANGS))


def switcher(world, client, secret) -> Seen:
    seen = Seen()
    for page in _public_pages(world):
        html = _get(client, page.url)
        start = html.find('class="ap-translations')
        seen.text += html[start : html.find("</nav>", start)] if start >= 0 else ""
    return seen


def hreflang(world, client, secret) -> Seen:
    return _head(
        world,
        client,
        secret,
        lambda doc: [link["href"] for link in doc.links if "hreflang" in link],
    )


def jsonld_translations(world, client, secret) -> Seen:
    def pick(doc):
        found = []
        for data in doc.json_ld():
            versions = data.get("workTranslation", []) + [data.get("translationOfWork") or {}]
            found += [v.get("url", "") for v in versions]
        return found

    return _head(world, client, secret, pick)


def og_alternates(world, client, secret) -> Seen:
    return _head(world, client, secret, lambda doc: doc.values("og:locale:alternate"))


def similar_shown(world, client, secret) -> Seen:
    seen = Seen()
    for page in _public_pages(world):
        html = _get(client, page.url)
        start = html.find('class="ap-similar')
        seen.text += html[start : html.find("</section>", start)] if start >= 0 else ""
    return seen


def similar_stored(world, client, secret) -> Seen:
    """The precomputed tables: no list holds a secret, no document was made of one."""
    ids = set(SimilarPost.objects.values_list("similar_id", flat=True))
    ids |= set(SimilarPost.objects.values_list("page_id", flat=True))
    ids |= set(SimilarityDocument.objects.values_list("page_id", flat=True))
    return Seen(ids=ids)


def feeds(world, client, secret) -> Seen:
    seen = Seen()
    for code in LANGS:
        for fmt in ("rss", "atom"):
            seen.text += _get(client, f"/feeds/{code}/{fmt}/")
            for kind, slug in (
                ("series", "shared-series"),
                ("topic", "shared-topic"),
                ("region", "shared-region"),
                ("author", "shared-writer"),
            ):
                seen.text += _get(client, f"/feeds/{code}/{kind}/{slug}/{fmt}/")
    return seen


def api_listing(world, client, secret) -> Seen:
    seen = Seen()
    for query in (
        "?fields=*&limit=100",
        *(f"?{urlencode({'search': words})}&fields=title" for words in _searched_words(secret)),
        "?author=shared-writer",
        f"?series={world['shared']['series'].pk}",
        f"?translation_of={world['other'].pk}",
        *(f"?locale={code}&fields=translations,similar_posts" for code in LANGS),
    ):
        seen.add(_api(client, "/api/v2/analyses/" + query))
    return seen


def api_detail(world, client, secret) -> Seen:
    seen = Seen()
    ids = {page.pk for page in _public_pages(world)} | (secret.ids if secret else set())
    for pk in sorted(ids):
        seen.add(_api(client, f"/api/v2/analyses/{pk}/"))
    return seen


def api_find(world, client, secret) -> Seen:
    page = secret.page if secret is not None else world["public"]
    if page is None:
        return Seen()
    seen = Seen()
    for path in {page.url, page.url_path}:
        response = client.get("/api/v2/analyses/find/", {"html_path": path}, follow=True)
        if response.status_code == 200 and response.get("Content-Type", "").startswith(
            "application/json"
        ):
            seen.add(Seen(text=response.content.decode(), ids=_api_ids(response.json())))
    return seen


def sitemap(world, client, secret) -> Seen:
    return Seen(text=unquote(_get(client, "/sitemap.xml")))


def author_pages(world, client, secret) -> Seen:
    seen = Seen()
    for code in LANGS:
        base = world["authors_index"][code].url
        seen.text += _get(client, base + "shared-writer/") + _get(
            client, base + "shared-writer/feed/"
        )
    authors = _api(client, "/api/v2/authors/?fields=analyses_count")
    seen.text += authors.text
    return seen


def redirects(world, client, secret) -> Seen:
    """An old address of the page (as the WordPress importer makes them)."""
    page = secret.page if secret is not None else world["public"]
    if page is None:
        return Seen()
    Redirect.objects.create(old_path="/old-address", redirect_page=page)
    response = client.get("/old-address", follow=True)
    chain = " ".join(unquote(url) for url, _status in response.redirect_chain)
    text = response.content.decode() if response.status_code == 200 else ""
    return Seen(text=chain + "\n" + text.replace(page.url, ""))


#: name -> reader of one public surface.
SURFACES: dict[str, Callable] = {
    "page": page_itself,
    "index": index_pages,
    "search": search,
    "home": home_pages,
    "switcher": switcher,
    "hreflang": hreflang,
    "json-ld translations": jsonld_translations,
    "og:locale:alternate": og_alternates,
    "similar (shown)": similar_shown,
    "similar (stored)": similar_stored,
    "feeds": feeds,
    "api listing": api_listing,
    "api detail": api_detail,
    "api find": api_find,
    "sitemap": sitemap,
    "author pages": author_pages,
    "redirects": redirects,
}

#: What each surface shows of the public world (the control): a marker or a page.
CONTROLS: dict[str, Callable[[dict], tuple[str | None, int | None]]] = {
    "page": lambda w: ("zqpublicone", None),
    "index": lambda w: ("zqpublictwo", None),
    "search": lambda w: ("zqpublictwo", None),
    "home": lambda w: ("zqpublicone", None),
    "switcher": lambda w: (unquote(w["public_tr"].url), None),
    "hreflang": lambda w: (unquote(w["public_tr"].url), None),
    "json-ld translations": lambda w: (unquote(w["public_tr"].url), None),
    "og:locale:alternate": lambda w: ("tr_TR", None),
    "similar (shown)": lambda w: ("zqpublictwo", None),
    "similar (stored)": lambda w: (None, w["other"].pk),
    "feeds": lambda w: ("zqpublictr", None),
    "api listing": lambda w: (None, w["public_tr"].pk),
    "api detail": lambda w: ("zqpublicone", w["public_tr"].pk),
    "api find": lambda w: ("zqpublicone", w["public"].pk),
    "sitemap": lambda w: (unquote(w["public_tr"].url), None),
    "author pages": lambda w: ("zqpublictwo", None),
    "redirects": lambda w: ("zqpublicone", None),
}


#: Surfaces that reach a page by its own address: they may name a page that is served.
BY_ADDRESS = {"page", "redirects"}


def _leaks(seen: Seen, secret: Secret, surface: str) -> list[str]:
    text = unquote(seen.text).lower()  # addresses appear percent-encoded in HTML
    markers = set(secret.markers)
    if not (secret.served and surface in BY_ADDRESS):
        markers |= secret.addresses
    found = [f"shows {m!r}" for m in sorted(markers) if m.lower() in text]
    found += [f"offers page {pk}" for pk in sorted(secret.ids & seen.ids)]
    return found


@pytest.fixture(params=["anonymous", "signed-in"])
def reader(request, client, django_user_model):
    """A reader: anonymous, or signed in without any permission (who passes a login
    restriction, by design, when asking for that page by its address)."""
    if request.param == "signed-in":
        client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    return request.param, client


@pytest.mark.parametrize("kind", list(SECRETS))
def test_no_surface_offers_a_secret(world, reader, kind):
    persona, client = reader
    secret = SECRETS[kind](world)
    _finish(world)
    problems = []
    for name, surface in SURFACES.items():
        if name in BY_ADDRESS and persona == "signed-in" and kind in ("login", "private-ancestor"):
            continue  # a login restriction lets any signed-in reader in, by design
        if name == "page" and secret.page is not None and secret.page.alias_of_id:
            continue  # an alias is served at its own address (see test_alias_pages)
        seen = surface(world, client, secret)
        problems += [f"{name}: {leak}" for leak in _leaks(seen, secret, name)]
    assert not problems, f"{kind} ({persona}):\n" + "\n".join(problems)


def test_every_surface_shows_the_public_pages(world, client):
    """The control: the same surfaces, read the same way, do show public content."""
    _finish(world)
    missing = []
    for name, surface in SURFACES.items():
        seen = surface(world, client, None)
        marker, page_id = CONTROLS[name](world)
        if marker is not None and marker.lower() not in unquote(seen.text).lower():
            missing.append(f"{name}: no {marker!r}")
        if page_id is not None and page_id not in seen.ids:
            missing.append(f"{name}: no page {page_id}")
    assert set(CONTROLS) == set(SURFACES)
    assert not missing, "\n".join(missing)


# -- aliases and the sitemap ---------------------------------------------------------------
def test_alias_pages_point_at_their_original_and_claim_nothing(world, client):
    """An alias is served at its address, but names the original as canonical and
    carries no Scholar tags, JSON-LD or hreflang of its own."""
    original = world["other"]
    page = original.copy_for_translation(world["tree"]["locales"]["ru"], alias=True)
    doc = Doc(_get(client, page.url))
    canonical = [link["href"] for link in doc.links if link.get("rel") == "canonical"]
    assert canonical == [original.get_full_url()]
    assert doc.values("og:url") == [original.get_full_url()]
    assert not [name for name, _value in doc.meta if name and name.startswith("citation_")]
    assert doc.json_ld() == []
    assert not [link for link in doc.links if "hreflang" in link]
    # The original is untouched: its own tags, and no "Русский" pointing at the alias.
    original_doc = Doc(_get(client, original.url))
    assert original_doc.values("citation_title") == ["Title zqpublictwo"]
    assert not [link for link in original_doc.links if link.get("hreflang") == "ru"]


def _sitemap_locations(client, url="/sitemap.xml") -> list[str]:
    import xml.etree.ElementTree as ET  # noqa: S405 - our own response

    root = ET.fromstring(client.get(url).content)  # noqa: S314
    return [unquote(element.text) for element in root.iter() if element.tag.endswith("loc")]


def test_sitemap_lists_real_pages_below_an_alias_and_every_author_profile(world, client):
    tree, locs = world["tree"], world["tree"]["locales"]
    # A Russian section created by the Translate action's parents: an alias, with a real
    # Russian analysis below it.
    briefs = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(title="Briefs", slug="briefs", locale=locs["en"])
    )
    briefs.save_revision().publish()
    brief = analysis(briefs, "Brief", slug="brief")
    brief_ru = brief.copy_for_translation(locs["ru"], copy_parents=True)
    brief_ru.save_revision().publish()
    section_ru = brief_ru.get_parent()
    assert section_ru.alias_of_id == briefs.pk
    locations = _sitemap_locations(client)
    assert unquote(brief_ru.get_full_url()) in locations
    assert unquote(section_ru.get_full_url()) not in locations  # the alias itself is not
    for code in LANGS:
        profile = unquote(world["authors_index"][code].get_full_url()) + "shared-writer/"
        assert profile in locations
    # Each entry once, and the Russian brief links its English original.
    assert len(locations) == len(set(locations))
    xml = unquote(client.get("/sitemap.xml").content.decode())
    entry = xml[xml.index(f"<loc>{unquote(brief_ru.get_full_url())}</loc>") :]
    entry = entry.split("</url>")[0]
    assert f'hreflang="en" href="{brief.get_full_url()}"' in entry


def test_sitemap_splits_into_an_index_past_the_limit(world, client, monkeypatch):
    from ankasam_pubs.seo import sitemap

    whole = _sitemap_locations(client)
    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 4)
    parts = _sitemap_locations(client)
    assert len(parts) == -(-len(whole) // 4) > 1
    assert all("/sitemap-" in part for part in parts)
    found = []
    for part in parts:
        found += _sitemap_locations(client, part.replace("http://localhost", ""))
    assert found == whole
    assert client.get(f"/sitemap-{len(parts) + 1}.xml").status_code == 404
    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 50_000)
    assert client.get("/sitemap-1.xml").status_code == 404  # one file: no parts


def test_redirect_middleware_check(settings):
    from ankasam_pubs.checks import OUR_REDIRECTS, WAGTAIL_REDIRECTS, check_redirect_middleware

    assert check_redirect_middleware() == []
    settings.MIDDLEWARE = [m.replace(OUR_REDIRECTS, WAGTAIL_REDIRECTS) for m in settings.MIDDLEWARE]
    assert [message.id for message in check_redirect_middleware()] == ["ankasam_pubs.W001"]
