"""Small builders for test content: a site tree in three languages and analyses."""

from __future__ import annotations

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

from ankasam_pubs.models import (
    AnalysisAuthor,
    AnalysisIndexPage,
    AnalysisNote,
    AnalysisPage,
    AuthorProfile,
    Region,
    Series,
    Topic,
)
from home.models import HomePage

_counter = itertools.count(1)


def locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "tr", "ru")
    }


def site_tree() -> dict:
    """Home and analysis index in English, with live Turkish and Russian translations."""
    locs = locales()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="test-home", locale=locs["en"]))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # a flushed database (transactional tests) has no site yet
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.save()
    index = home.add_child(
        instance=AnalysisIndexPage(title="Analyses", slug="analysis", locale=locs["en"])
    )
    index.save_revision().publish()
    tree = {"home": {"en": home}, "index": {"en": index}, "locales": locs}
    for code, slug in (("tr", "analizler"), ("ru", "аналитика")):
        home_t = home.copy_for_translation(locs[code])
        home_t.save_revision().publish()
        index_t = index.copy_for_translation(locs[code])
        index_t.slug = slug
        index_t.title = {"tr": "Analizler", "ru": "Аналитика"}[code]
        index_t.save()
        index_t.save_revision().publish()
        tree["home"][code] = home_t
        tree["index"][code] = index_t
    return tree


def term(model, slug: str, **names) -> Series | Topic | Region:
    obj, _ = model.objects.get_or_create(slug=slug, defaults={"name_en": slug.title(), **names})
    return obj


def author(slug: str | None = None, **fields) -> AuthorProfile:
    slug = slug or f"author-{next(_counter)}"
    fields.setdefault("display_name_en", slug.replace("-", " ").title())
    return AuthorProfile.objects.create(slug=slug, **fields)


def image(title: str = "picture") -> object:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (30, 90, 140)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png")
    )


def analysis(
    index: AnalysisIndexPage,
    title: str | None = None,
    *,
    live: bool = True,
    date: datetime.date | None = None,
    authors: list[AuthorProfile] = (),
    body: list | None = None,
    topics=(),
    regions=(),
    notes: list[dict] = (),
    **fields,
) -> AnalysisPage:
    n = next(_counter)
    title = title or f"Analysis {n}"
    page = AnalysisPage(
        title=title,
        slug=fields.pop("slug", f"analysis-{n}"),
        live=False,
        locale=index.locale,
        publication_date=date or datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        body=body
        if body is not None
        else [{"type": "paragraph", "value": f"<p>Body of {escape(title)}.</p>"}],
        **fields,
    )
    for position, profile in enumerate(authors):
        page.analysis_authors.add(AnalysisAuthor(author=profile, sort_order=position))
    for position, note in enumerate(notes):
        page.notes.add(note_object(position=position, **note))
    page.topics.set(topics)
    page.regions.set(regions)
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


#: Every field of a SourceBlock as the admin form posts it (all empty).
SOURCE_FORM_FIELDS = {
    "type": "web-page",
    "authors": "",
    "title": "",
    "container_title": "",
    "publisher": "",
    "issued": "",
    "url": "",
    "accessed": "",
    "volume": "",
    "issue": "",
    "pages": "",
    "doi": "",
    "locator": "",
    "locator_label": "page",
}


def source(title: str = "A Source", **fields) -> dict:
    """A SourceBlock value."""
    return {**SOURCE_FORM_FIELDS, "title": title, "accessed": None, **fields}


def note_object(uid: str, sources: list[dict] = (), comment: str = "", position: int = 0):
    return AnalysisNote(
        uid=uid,
        sources=[{"type": "source", "value": value} for value in sources],
        comment=comment,
        sort_order=position,
    )


def ref(uid: str) -> str:
    """A stored note reference, as the editor saves it."""
    return f'<a linktype="note" id="{uid}">*</a>'


def paragraphs(*html: str) -> list[dict]:
    return [{"type": "paragraph", "value": value} for value in html]


def translate(page: Page, locale: Locale, *, live: bool = True, **fields) -> Page:
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    revision = translation.save_revision()
    if live:
        revision.publish()
    translation.refresh_from_db()
    return translation


def restrict(page: Page, kind: str = PageViewRestriction.PASSWORD) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="secret")
