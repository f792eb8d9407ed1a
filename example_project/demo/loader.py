"""Builds the demo research centre from demo/content.py, idempotently.

Everything is looked up by a stable key (slug, title or translation key) before it is
created, and nothing that exists is modified: a second run changes nothing.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlparse

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

from ankasam_pubs.footnotes.richtext import stored_reference
from ankasam_pubs.models import (
    AnalysisAuthor,
    AnalysisIndexPage,
    AnalysisNote,
    AnalysisPage,
    AuthorIndexPage,
    AuthorProfile,
    AuthorRole,
    Region,
    Series,
    Topic,
)
from ankasam_pubs.similar import service as similar_service
from home.models import HomePage

from . import content, images

DEMO_PASSWORD = "ankasam-demo"  # the password-protected analysis's password (demo only)

HOME = {
    "en": {
        "title": "Ankasam Demo Centre",
        "slug": "centre",
        "intro": (
            "An independent research centre on the security, economy and politics of the "
            "regions around the Black Sea and beyond. This site is demo content."
        ),
    },
    "tr": {
        "title": "Ankasam Demo Merkezi",
        "slug": "anasayfa",
        "intro": (
            "Karadeniz ve çevresindeki bölgelerin güvenliği, ekonomisi ve siyaseti üzerine "
            "çalışan bağımsız bir araştırma merkezi. Bu sitedeki içerik demo amaçlıdır."
        ),
    },
    "ru": {
        "title": "Демо-центр Анкасам",
        "slug": "главная",
        "intro": (
            "Независимый исследовательский центр, изучающий безопасность, экономику и политику "
            "Черноморского региона и соседних регионов. Содержимое сайта демонстрационное."
        ),
    },
    "ar": {
        "title": "مركز أنكاسام التجريبي",
        "slug": "الرئيسية",
        "intro": (
            "مركز أبحاث مستقل يدرس الأمن والاقتصاد والسياسة في المناطق المحيطة بالبحر الأسود "
            "وما وراءها. محتوى هذا الموقع تجريبي."
        ),
    },
}
AUTHORS_INDEX = {
    "en": {"title": "Our experts", "slug": "authors"},
    "tr": {"title": "Uzmanlarımız", "slug": "yazarlar"},
    "ru": {"title": "Наши эксперты", "slug": "авторы"},
    "ar": {"title": "باحثونا", "slug": "الباحثون"},
}
INDEX = {
    "en": {"title": "Analyses", "slug": "analysis"},
    "tr": {"title": "Analizler", "slug": "analizler"},
    "ru": {"title": "Аналитика", "slug": "аналитика"},
    "ar": {"title": "تحليلات", "slug": "تحليلات"},
}
NOTE_MARKER = re.compile(r"\{\{note:(\d+)\}\}")


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created: list[str] = []

    # -- helpers ---------------------------------------------------------------------
    def _note(self, what: str) -> None:
        self.created.append(what)
        self.log(f"  created {what}")

    def _image(self, title: str, data: bytes, filename: str):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        import io

        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=filename))
        image.save()
        self._note(f"image {title!r}")
        return image

    def _translated(self, row, field: str, values: dict) -> None:
        for language, _name in settings.LANGUAGES:
            if language in values:
                setattr(row, f"{field}_{language}", values[language])

    def _fill_languages(self, row, values: dict[str, dict]) -> None:
        """Give a row loaded before a language was added (the Arabic demo) that
        language's labels; what is already there is never overwritten."""
        changed = []
        for field, by_language in values.items():
            for language, _name in settings.LANGUAGES:
                column = f"{field}_{language}"
                if language in by_language and not getattr(row, column, None):
                    setattr(row, column, by_language[language])
                    changed.append(column)
        if changed:
            row.save(update_fields=changed)
            self._note(f"{', '.join(changed)} of {row}")

    def _locale(self, code: str) -> Locale:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            self._note(f"locale {code}")
        return locale

    # -- steps -------------------------------------------------------------------------
    @transaction.atomic
    def load(self) -> list[str]:
        locales = {code: self._locale(code) for code, _ in settings.LANGUAGES}
        home = self.load_home(locales)
        index = self.load_index(home, locales)
        self.load_taxonomies()
        self.load_authors()
        for data in content.ANALYSES:
            self.load_analysis(index, locales, data)
        self.load_authors_index(home, locales)
        self.load_expertise()
        # Publishing already queued list updates for after the commit; a full rebuild
        # makes the demo's lists the same however the loader was called.
        similar_service.rebuild_all()
        return self.created

    def load_authors_index(self, home, locales) -> None:
        index = AuthorIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(
                instance=AuthorIndexPage(locale=home.locale, **AUTHORS_INDEX["en"])
            )
            index.save_revision().publish()
            self._note("authors index")
        for code, data in AUTHORS_INDEX.items():
            if code != "en":
                self._translation(index, locales[code], data, publish=True)

    def load_expertise(self) -> None:
        """Each author's areas of expertise: the topics of the analyses they sign."""
        for row in content.AUTHORS:
            profile = AuthorProfile.objects.get(slug=row["slug"])
            if profile.expertise.exists():
                continue
            slugs = {
                topic
                for analysis in content.ANALYSES
                if any(slug == row["slug"] for slug, _role in analysis["authors"])
                for topic in analysis["topics"]
            }
            if slugs:
                profile.expertise.set(Topic.objects.filter(slug__in=slugs))
                self._note(f"expertise of {row['slug']!r}")

    def load_home(self, locales) -> HomePage:
        en = locales["en"]
        home = HomePage.objects.filter(depth=2, locale=en).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(locale=en, **HOME["en"]))
            home.save_revision().publish()
            self._note("home page")
            site = Site.objects.filter(is_default_site=True).first()
            old_root = site.root_page if site else None
            site = site or Site(is_default_site=True)
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            self._serve_at_base_url(site)
            site.save()
            # Wagtail's own placeholder welcome page has no purpose once the site has a home.
            if old_root and old_root.specific_class is Page and not old_root.get_children():
                old_root.delete()
        else:
            site = Site.objects.filter(root_page=home).first()
            if site is not None and self._serve_at_base_url(site):
                self._note(f"site address {site.hostname}:{site.port}")
                site.save()
        for code, data in HOME.items():
            if code != "en":
                self._translation(home, locales[code], data, publish=True)
        return home

    @staticmethod
    def _serve_at_base_url(site: Site) -> bool:
        """Point the site at the address the demo is served on; True if that changed.

        Every absolute URL (canonical, hreflang, feeds, sitemap) is made from the
        Wagtail Site, and the address follows PORT (scripts/demo sets
        WAGTAILADMIN_BASE_URL) on every run, not only the first."""
        served = urlparse(settings.WAGTAILADMIN_BASE_URL)
        address = (
            served.hostname or "localhost",
            served.port or (443 if served.scheme == "https" else 80),
        )
        changed = (site.hostname, site.port) != address
        site.hostname, site.port = address
        return changed

    def load_index(self, home, locales) -> AnalysisIndexPage:
        index = AnalysisIndexPage.objects.child_of(home).filter(slug=INDEX["en"]["slug"]).first()
        if index is None:
            index = home.add_child(instance=AnalysisIndexPage(locale=home.locale, **INDEX["en"]))
            index.save_revision().publish()
            self._note("analysis index")
        for code, data in INDEX.items():
            if code != "en":
                self._translation(index, locales[code], data, publish=True)
        return index

    def _translation(self, page, locale, fields: dict, *, publish: bool, extra=None):
        """The ``locale`` version of ``page``: created by Wagtail's copy_for_translation."""
        existing = page.get_translations(inclusive=False).filter(locale=locale).first()
        if existing is not None:
            return existing.specific
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        if extra:
            extra(translation)
        translation.save()
        revision = translation.save_revision()
        if publish:
            revision.publish()
        self._note(f"{locale.language_code} translation of {page.slug!r}")
        return translation

    def load_taxonomies(self) -> None:
        for model, rows in (
            (Series, content.SERIES),
            (Topic, content.TOPICS),
            (Region, content.REGIONS),
        ):
            for row in rows:
                existing = model.objects.filter(slug=row["slug"]).first()
                if existing is not None:
                    self._fill_languages(existing, {"name": row["name"]})
                    continue
                term = model(slug=row["slug"])
                self._translated(term, "name", row["name"])
                if "is_report" in row:
                    term.is_report = row["is_report"]
                term.save()
                self._note(f"{model._meta.verbose_name} {row['slug']!r}")

    def load_authors(self) -> None:
        for row in content.AUTHORS:
            existing = AuthorProfile.objects.filter(slug=row["slug"]).first()
            if existing is not None:
                fields = ("display_name", "position", "short_bio")
                self._fill_languages(existing, {f: row.get(f, {}) for f in fields})
                continue
            name = row["display_name"]["en"]
            profile = AuthorProfile(
                slug=row["slug"],
                sort_name=row["sort_name"],
                is_active=row["is_active"],
                portrait=self._image(
                    f"Portrait: {name}",
                    images.portrait(name, row["colour"]),
                    f"portrait-{row['slug']}.png",
                ),
            )
            for field in ("display_name", "position", "short_bio"):
                self._translated(profile, field, row.get(field, {}))
            profile.save()
            self._note(f"author {row['slug']!r}")

    def load_analysis(self, index, locales, data) -> None:
        page = AnalysisPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = self._create_analysis(index, data)
        for code in ("tr", "ru", "ar"):
            version = data.get(code)
            if not version or code not in locales:
                continue
            fields = {
                "title": version["title"],
                "slug": version["slug"],
                "summary": version["summary"],
                "body": body_stream(version["body"]),
            }
            translator = version.get("translator")
            comments = version.get("note_comments", {})

            def finish(translation, translator=translator, comments=comments):
                if translator:
                    translation.analysis_authors.add(
                        AnalysisAuthor(
                            author=AuthorProfile.objects.get(slug=translator),
                            role=AuthorRole.TRANSLATOR,
                        )
                    )
                # The copied notes keep their sources; the centre's own comments are
                # given in the translation's language.
                for note in translation.notes.all():
                    number = next((n for n in comments if note_uid(n) == note.uid), None)
                    if number is not None:
                        note.comment = comments[number]
                        note.save()

            self._translation(
                page,
                locales[code],
                fields,
                publish=version.get("status", "live") == "live" and data["status"] != "draft",
                extra=finish,
            )

    def _create_analysis(self, index, data) -> AnalysisPage:
        date = datetime.date.fromisoformat(data["date"])
        published_at = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
        topic = Topic.objects.get(slug=data["topics"][0])
        page = AnalysisPage(
            locale=index.locale,
            live=False,  # published below through a revision, unless it is the draft
            title=data["en"]["title"],
            slug=data["slug"],
            summary=data["en"]["summary"],
            series=Series.objects.get(slug=data["series"]),
            publication_date=date,
            first_published_at=published_at if data["status"] != "draft" else None,
            lead_image=self._image(
                f"Lead: {data['slug']}",
                images.lead_image(data["slug"], _TOPIC_COLOURS[hash_index(topic.slug)]),
                f"lead-{data['slug']}.jpg",
            ),
            body=body_stream(data["en"]["body"]),
        )
        page.topics.set(Topic.objects.filter(slug__in=data["topics"]))
        page.regions.set(Region.objects.filter(slug__in=data["regions"]))
        page.tags.add(*data.get("tags", []))
        for position, note in enumerate(data.get("notes", []), start=1):
            page.notes.add(demo_note(position, note))
        for slug, role in data["authors"]:
            page.analysis_authors.add(
                AnalysisAuthor(author=AuthorProfile.objects.get(slug=slug), role=role)
            )
        index.add_child(instance=page)
        revision = page.save_revision()
        if data["status"] != "draft":
            revision.publish()
        if data["status"] == "private":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=DEMO_PASSWORD
            )
        self._note(f"analysis {data['slug']!r} ({data['status']})")
        return page


_TOPIC_COLOURS = ["#1f4e79", "#2e6b4f", "#7a3b2e", "#4b3f72", "#6b5b1f", "#235a6b"]


def hash_index(text: str) -> int:
    return sum(text.encode()) % len(_TOPIC_COLOURS)


def body_stream(blocks: list) -> list[dict]:
    """demo/content.py's body tuples as StreamField raw data."""
    stream = []
    for kind, value in blocks:
        if kind == "paragraph":
            # {{note:N}} markers become references to the analysis's N-th note.
            text = NOTE_MARKER.sub(lambda m: stored_reference(note_uid(int(m.group(1)))), value)
            stream.append({"type": "paragraph", "value": text})
        elif kind == "heading":
            stream.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif kind == "quote":
            text, attribution = value
            stream.append({"type": "quote", "value": {"quote": text, "attribution": attribution}})
        elif kind == "table":
            stream.append(
                {
                    "type": "table",
                    "value": {
                        "caption": value["caption"],
                        "table": {
                            "data": value["rows"],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "table_caption": "",
                        },
                    },
                }
            )
        else:
            raise ValueError(f"unknown demo block type {kind!r}")
    return stream


def note_uid(number: int) -> str:
    """Stable keys (unique per page; translations keep them) so reloading changes nothing."""
    return f"n{number}"


def demo_note(number: int, data: dict) -> AnalysisNote:
    sources = []
    if "source" in data:
        source = data["source"]
        sources.append(
            {
                "type": "source",
                "value": {
                    "type": source.get("type", "web-page"),
                    "authors": "\n".join(source.get("authors", [])),
                    "title": source.get("title", ""),
                    "container_title": source.get("container", ""),
                    "publisher": source.get("publisher", ""),
                    "issued": source.get("issued", ""),
                    "url": source.get("url", ""),
                    "accessed": source.get("accessed") or None,
                    "volume": source.get("volume", ""),
                    "issue": source.get("issue", ""),
                    "pages": source.get("pages", ""),
                    "doi": source.get("doi", ""),
                    "locator": data.get("locator", ""),
                    "locator_label": "page",
                },
            }
        )
    return AnalysisNote(
        uid=note_uid(number), sources=sources, comment=data.get("comment", ""), sort_order=number
    )
