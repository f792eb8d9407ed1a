"""Bring a WordPress export into an analysis index: pages, notes, authors, images, redirects.

Two passes over the file, each a stream (:mod:`.wxr`): the first reads what posts refer
to (authors, terms, attachments, languages and translation groups), the second writes
one post at a time, each in its own transaction (a savepoint in a dry run): a post that
fails leaves nothing behind and the others go on. What each post became is kept in
:class:`~.models.ImportedWordPressItem` with a digest of the data it was made from, so
a second run skips unchanged posts, updates changed ones and creates nothing twice; an
interrupted run is finished by running it again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction

from ...authors.models import AuthorProfile, AuthorRole
from ...registry import ANALYSIS_AUTHORS, NOTES, credits_model, notes_model
from ...taxonomy.models import Region, Series, Topic
from .content import ConvertedPost, ImageRef, convert_post, plain_text
from .mapping import Mapping, Target
from .models import ImportedWordPressItem
from .report import ImportReport, PostLog, PostRecord
from .wxr import MAX_TEXT_CHARACTERS, Author, Item, Term, WxrReader

__all__ = ["DEFAULT_STATUSES", "KNOWN_STATUSES", "ImportAborted", "WordPressImporter"]

#: Bump when the importer writes pages differently: every post then counts as changed.
IMPORTER_VERSION = "1"
KNOWN_STATUSES = ("publish", "future", "draft", "pending", "private")
DEFAULT_STATUSES = KNOWN_STATUSES
_TERM_MODELS = {"series": Series, "topics": Topic, "regions": Region}
_EMPTY_DATE = re.compile(r"^0000-00-00")
_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")


class ImportAborted(Exception):
    """The import cannot start (the export or the target is unusable)."""


class _Skip(Exception):
    """This post is not imported, for a reason the operator can act on."""

    def __init__(self, reason: str, kind: str = "language"):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


@dataclass(frozen=True)
class Attachment:
    id: int
    url: str
    file: str  # relative to the uploads folder, e.g. "2023/05/map.png"
    title: str
    alt: str
    line: int


@dataclass(frozen=True)
class Language:
    code: str  # the site's language code ("" when the export says nothing)
    wordpress_code: str
    group: str  # "wpml:12", "pll:pll_5f2a…" or ""


class _DryRunImage:
    """Stands for an image a real run would create."""

    pk = None


@dataclass
class _Prepared:
    log: PostLog
    language: Language
    locale: Locale
    digest: str
    row: ImportedWordPressItem | None
    converted: ConvertedPost | None = None
    blocks: list | None = None
    lead_image: object | None = None
    published: datetime.datetime | None = None
    publication_date: datetime.date | None = None
    title: str = ""
    summary: str = ""


def _parse_date(value: str, *, utc: bool) -> datetime.datetime | None:
    value = (value or "").strip()
    if not value or _EMPTY_DATE.match(value):
        return None
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError as error:
        raise ValueError(
            gettext("“%(value)s” is not a date WordPress writes (YYYY-MM-DD hh:mm:ss).")
            % {"value": value}
        ) from error
    if utc:
        return parsed.replace(tzinfo=datetime.UTC)
    return parsed


def _upload_key(url: str) -> str:
    """The part of an upload's address that names the file: "2023/05/map.png"."""
    path = unquote(urlsplit(url.strip()).path)
    if "/uploads/" in path:
        path = path.split("/uploads/", 1)[1]
    return _SIZE_SUFFIX.sub("", path.lstrip("/")).lower()


class WordPressImporter:
    def __init__(
        self,
        path: str | Path,
        index,
        *,
        dry_run: bool = False,
        statuses=DEFAULT_STATUSES,
        uploads: str | Path | None = None,
        mapping: Mapping | None = None,
        progress: Callable[[int], None] | None = None,
        say: Callable[[str], None] | None = None,
    ):
        self.path = Path(path)
        self.index = index.specific
        self.dry_run = dry_run
        self.statuses = frozenset(statuses)
        self.uploads = Path(uploads).resolve() if uploads else None
        self.mapping = mapping or Mapping.default()
        self.progress = progress or (lambda count: None)
        self.say = say or (lambda text: None)
        self.reader = WxrReader(self.path)
        self.report = ImportReport(
            file=str(self.path), dry_run=dry_run, mapping=self.mapping.as_dict()
        )
        self.source = ""
        self.authors: dict[str, Author] = {}
        self.guests: dict[str, dict[str, str]] = {}
        self.terms: dict[tuple[str, str], Term] = {}
        self.attachments: dict[int, Attachment] = {}
        self.attachment_keys: dict[str, int] = {}
        self.locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
        self.images: dict[int, object | None] = {}  # attachment id → image (None: missing)
        self.image_reasons: dict[int, tuple[str, str]] = {}

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> ImportReport:
        if not hasattr(self.index, "get_analysis_model"):
            raise ImportAborted(
                gettext("Page %(id)s (“%(title)s”) is not an analysis index page.")
                % {"id": self.index.pk, "title": self.index.title}
            )
        self._scan()
        if self.dry_run:
            with transaction.atomic():
                self._import_posts()
                transaction.set_rollback(True)
        else:
            self._import_posts()
        return self.report

    def _scan(self) -> None:
        """First pass: everything posts refer to, and what the export holds."""
        groups: dict[str, set[str]] = defaultdict(set)
        for obj in self.reader:
            if isinstance(obj, Author):
                self.authors[obj.login] = obj
            elif isinstance(obj, Term):
                self.terms[(obj.taxonomy, unquote(obj.slug).lower())] = obj
            elif obj.post_type == "attachment" and obj.post_id is not None:
                self._add_attachment(obj)
            elif obj.post_type == "guest-author":
                login = obj.meta_value("cap-user_login") or obj.post_name.removeprefix("cap-")
                self.guests[login] = {
                    "display_name": obj.meta_value("cap-display_name") or plain_text(obj.title),
                    "first_name": obj.meta_value("cap-first_name"),
                    "last_name": obj.meta_value("cap-last_name"),
                }
            elif obj.post_type == "post":
                language = self._language(obj)
                self.report.languages[language.code or "-"] += 1
                if language.code and language.code not in self.locales:
                    self.report.unknown_languages[language.code] += 1
                if language.group:
                    groups[language.group].add(language.code)
            else:
                self.report.ignored_types[obj.post_type or "?"] += 1
        channel = self.reader.channel
        self.source = (channel.base_site_url or channel.link or self.path.name).rstrip("/")
        self.report.source = self.source
        self.report.wxr_version = channel.version
        self.report.warnings += self.reader.warnings
        self.report.groups = len(groups)
        self.report.groups_with_translations = sum(1 for codes in groups.values() if len(codes) > 1)

    def _add_attachment(self, item: Item) -> None:
        attachment = Attachment(
            id=item.post_id,
            url=item.attachment_url or item.guid,
            file=item.meta_value("_wp_attached_file").strip(),
            title=plain_text(item.title),
            alt=plain_text(item.meta_value("_wp_attachment_image_alt")),
            line=item.line,
        )
        self.attachments[item.post_id] = attachment
        for key in (_upload_key(attachment.url), attachment.file.lower()):
            if key:
                self.attachment_keys.setdefault(_SIZE_SUFFIX.sub("", key), item.post_id)

    def _find_attachment(self, src: str, wp_id: int | None) -> int | None:
        if wp_id is not None and wp_id in self.attachments:
            return wp_id
        if not src:
            return None
        return self.attachment_keys.get(_upload_key(src))

    def _import_posts(self) -> None:
        processed = 0
        for obj in self.reader:
            if not isinstance(obj, Item) or obj.post_type != "post":
                continue
            processed += 1
            self._import_post(obj)
            self.progress(processed)

    def _import_post(self, item: Item) -> None:
        record = PostRecord(
            post_id=item.post_id,
            title=plain_text(item.title)[:200],
            language="",
            status=item.status,
            action="",
            line=item.line,
        )
        if item.status not in self.statuses:
            self.report.not_selected[item.status or "?"] += 1
            return
        try:
            if item.post_id is None:
                raise ValueError(gettext("The item has no wp:post_id."))
            if item.oversized:
                raise _Skip(
                    gettext(
                        "The post is longer than %(count)s characters (the importer's "
                        "limit); it was not imported. Split it, or shorten it in WordPress."
                    )
                    % {"count": f"{MAX_TEXT_CHARACTERS:,}"}
                )
            prepared = self._prepare(item, PostLog(record))
            if prepared.converted is None:  # unchanged
                self.report.add(prepared.log)
                self._say(prepared.log.record)
                return
            with transaction.atomic():
                self._write(item, prepared)
        except _Skip as skip:
            self.report.fail(record, skip.reason, action="skipped")
        except Exception as error:  # noqa: BLE001 - one post must not stop the others
            self.report.fail(record, str(error) or error.__class__.__name__)
        else:
            self.report.add(prepared.log)
        self._say(record)

    def _say(self, record: PostRecord) -> None:
        verbs = {
            "created": gettext("Would create") if self.dry_run else gettext("Created"),
            "updated": gettext("Would update") if self.dry_run else gettext("Updated"),
            "unchanged": gettext("Unchanged"),
            "failed": gettext("Failed"),
            "skipped": gettext("Skipped"),
        }
        text = gettext("%(action)s: post %(id)s [%(language)s] “%(title)s”") % {
            "action": verbs.get(record.action, record.action),
            "id": record.post_id,
            "language": record.language or "-",
            "title": record.title,
        }
        if record.url:
            text += f" → {record.url}"
        if record.reason:
            text += f" ({record.reason})"
        self.say(text)

    # -- one post: what it will become ---------------------------------------------------

    def _language(self, item: Item) -> Language:
        code = item.meta_value("_wpml_import_language_code").strip()
        if code:
            group = item.meta_value("_wpml_import_translation_group").strip()
            return Language(self.mapping.language(code), code, f"wpml:{group}" if group else "")
        languages = item.terms_of("language")
        if languages:
            code = languages[0].slug or languages[0].name
            groups = item.terms_of("post_translations")
            group = f"pll:{groups[0].slug}" if groups and groups[0].slug else ""
            return Language(self.mapping.language(code), code, group)
        return Language("", "", "")

    def _prepare(self, item: Item, log: PostLog) -> _Prepared:
        language = self._language(item)
        code = language.code or self.index.locale.language_code
        log.record.language = code
        locale = self.locales.get(code.lower())
        if locale is None:
            raise _Skip(
                gettext(
                    "The site has no locale for the language “%(code)s”; add it (or map the "
                    "code in the mapping file) and run the import again."
                )
                % {"code": code}
            )
        digest = self._digest(item, language, code)
        row = (
            ImportedWordPressItem.objects.filter(source=self.source, wp_id=item.post_id)
            .select_related("page")
            .first()
        )
        prepared = _Prepared(log=log, language=language, locale=locale, digest=digest, row=row)
        if row is not None and row.page_id and row.digest == digest:
            log.record.action = "unchanged"
            log.record.page_id = row.page_id
            log.record.url = (row.page.get_url() or "") if row.page.live else ""
            return prepared

        local = _parse_date(item.post_date, utc=False)
        gmt = _parse_date(item.post_date_gmt, utc=True)
        if gmt is None and local is not None:
            gmt = timezone.make_aware(local).astimezone(datetime.UTC)
        prepared.published = gmt
        prepared.publication_date = (local or gmt or timezone.now()).date()

        title = plain_text(item.title)
        if not title:
            title = gettext("Untitled post %(id)s") % {"id": item.post_id}
            log.issue(item.line, "content", "", gettext("The post has no title."))
        if len(title) > 255:
            log.issue(item.line, "content", title, gettext("The title was cut to 255 characters."))
            title = title[:254].rstrip() + "\u2026"
        prepared.title = title
        summary = plain_text(item.excerpt)
        if len(summary) > 1000:
            log.issue(
                item.line, "content", summary, gettext("The excerpt was cut to 1,000 characters.")
            )
            summary = summary[:999].rstrip() + "\u2026"
        prepared.summary = summary

        key = f"{self.source}#{item.post_id}"

        def uid_for(number: int) -> str:
            return hashlib.sha1(f"{key}#note{number}".encode()).hexdigest()[:8]  # noqa: S324

        converted = convert_post(
            item.content,
            uid_for=uid_for,
            find_attachment=self._find_attachment,
            footnotes_meta=item.meta_value("footnotes"),
            block_namespace=key,
        )
        prepared.converted = converted
        for problem in converted.problems:
            line = item.content_line + problem.line - 1 if problem.line else 0
            log.issue(line, problem.kind, problem.text, problem.reason)
        self._count_notes(converted, log)

        blocks = []
        for block in converted.blocks:
            if block["type"] == "image":
                ref: ImageRef = block["value"]["image"]
                image = self._image(ref.attachment_id, log, item, ref.line)
                if image is None or isinstance(image, _DryRunImage):
                    continue
                block = {**block, "value": {**block["value"], "image": image.pk}}
            blocks.append(block)
        prepared.blocks = blocks
        thumbnail = item.meta_value("_thumbnail_id").strip()
        if thumbnail.isdigit():
            image = self._image(int(thumbnail), log, item, 0)
            prepared.lead_image = None if isinstance(image, _DryRunImage) else image
        return prepared

    def _count_notes(self, converted: ConvertedPost, log: PostLog) -> None:
        log.notes["imported"] += len(converted.notes)
        log.notes["referenced"] += converted.linked
        for note in converted.parsed:
            if note.ibid and note.source is not None:
                log.notes["ibid"] += 1
            elif note.source is not None:
                log.notes["with_source"] += 1
            else:
                log.notes["text_only"] += 1
        for style in converted.styles:
            log.notes[f"style:{style}"] += 1

    def _digest(self, item: Item, language: Language, code: str) -> str:
        """What the page is made from: any change makes the post "changed"."""
        referenced = {int(n) for n in re.findall(r"wp-image-(\d+)", item.content)}
        for ids in re.findall(r"\[gallery\b[^\]]*\bids\s*=\s*[\"']?([\d,\s]+)", item.content):
            referenced |= {int(n) for n in re.findall(r"\d+", ids)}
        for src in re.findall(r"<img\b[^>]*\bsrc=[\"']([^\"']+)", item.content, re.I):
            found = self._find_attachment(src, None)
            if found is not None:
                referenced.add(found)
        thumbnail = item.meta_value("_thumbnail_id").strip()
        if thumbnail.isdigit():
            referenced.add(int(thumbnail))
        payload = {
            "importer": IMPORTER_VERSION,
            "index": self.index.pk,
            "language": [code, language.group],
            "fields": [
                item.title,
                item.post_name,
                item.status,
                item.post_password,
                item.post_date,
                item.post_date_gmt,
                item.creator,
                item.excerpt,
                item.content,
                item.link,
            ],
            "terms": [[term.domain, term.slug, term.name] for term in item.terms],
            "meta": [item.meta_value(key) for key in ("footnotes", "_thumbnail_id")],
            "authors": self._credit_names(item),
            "mapping": self.mapping.digest,
            "images": sorted([n, self._image_available(n)] for n in referenced),
        }
        encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()

    # -- images --------------------------------------------------------------------------------

    def _upload_path(self, attachment: Attachment) -> tuple[Path | None, str]:
        relative = attachment.file or _upload_key(attachment.url)
        if self.uploads is None:
            return None, gettext("No --uploads folder was given.")
        if not relative:
            return None, gettext("The export does not say where the file is.")
        candidate = (self.uploads / relative).resolve()
        if not candidate.is_relative_to(self.uploads):
            return None, gettext("The file's path leads out of the uploads folder; refused.")
        if not candidate.is_file():
            return None, gettext("The file is not in the uploads folder.")
        return candidate, ""

    def _image_available(self, attachment_id: int) -> bool:
        if attachment_id in self.images:
            return self.images[attachment_id] is not None
        if ImportedWordPressItem.objects.filter(
            source=self.source, wp_id=attachment_id, image__isnull=False
        ).exists():
            return True
        attachment = self.attachments.get(attachment_id)
        return attachment is not None and self._upload_path(attachment)[0] is not None

    def _image(self, attachment_id: int | None, log: PostLog, item: Item, line: int):
        """The Wagtail image of an attachment (created once, in its own transaction)."""
        if attachment_id is None:
            return None
        if attachment_id not in self.images:
            self.images[attachment_id] = self._load_image(attachment_id)
        image = self.images[attachment_id]
        if image is None:
            file, reason = self.image_reasons[attachment_id]
            self.report.missing_image(attachment_id, file, reason, item.post_id)
            log.issue(
                item.content_line + line - 1 if line else item.line,
                "images",
                file,
                gettext("Image (attachment %(id)s) missing: %(reason)s")
                % {"id": attachment_id, "reason": reason},
            )
        return image

    def _load_image(self, attachment_id: int):
        row = (
            ImportedWordPressItem.objects.filter(
                source=self.source, wp_id=attachment_id, image__isnull=False
            )
            .select_related("image")
            .first()
        )
        if row is not None:
            self.report.images["reused"] += 1
            return row.image
        attachment = self.attachments.get(attachment_id)
        if attachment is None:
            self.image_reasons[attachment_id] = (
                "",
                gettext("The export has no attachment with this id."),
            )
            return None
        path, reason = self._upload_path(attachment)
        if path is None:
            self.image_reasons[attachment_id] = (attachment.file or attachment.url, reason)
            return None
        try:
            from PIL import Image as PILImage

            with PILImage.open(path) as opened:
                opened.verify()
        except Exception:  # noqa: BLE001 - any unreadable file is reported the same way
            self.image_reasons[attachment_id] = (
                attachment.file,
                gettext("The file is not an image Wagtail can read."),
            )
            return None
        self.report.images["created"] += 1
        if self.dry_run:
            return _DryRunImage()
        image_model = get_image_model()
        with transaction.atomic(), open(path, "rb") as handle:
            image = image_model(title=(attachment.title or path.name)[:255])
            if attachment.alt and hasattr(image, "description"):
                image.description = attachment.alt[:255]
            image.file = ImageFile(handle, name=path.name)
            image.save()
            ImportedWordPressItem.objects.update_or_create(
                source=self.source,
                wp_id=attachment_id,
                defaults={
                    "post_type": "attachment",
                    "image": image,
                    "page": None,
                    "digest": image.file_hash or "",
                },
            )
        return image

    # -- one post: writing it ----------------------------------------------------------------

    def _write(self, item: Item, prepared: _Prepared) -> None:
        log = prepared.log
        locale = prepared.locale
        parent = self._parent(locale, log)
        model = self.index.get_analysis_model()
        row = prepared.row
        page = row.page.specific if row is not None and row.page_id else None
        creating = page is None
        if creating:
            page = model(locale=locale, translation_key=self._translation_key(prepared, log))

        page.title = prepared.title
        page.draft_title = prepared.title
        page.slug = self._slug(item, prepared.title, parent, page, log)
        page.summary = prepared.summary
        page.publication_date = prepared.publication_date
        page.body = prepared.blocks
        page.lead_image = prepared.lead_image
        if item.status == "publish" and prepared.published and not page.first_published_at:
            page.first_published_at = prepared.published
        self._set_notes(page, prepared.converted)
        self._set_credits(page, item, log)
        self._set_classification(page, item, locale.language_code, log)

        if creating:
            # The tree position is read from the database: a post rolled back after
            # add_child leaves the cached parent's numchild one too high (treebeard < 5).
            parent.refresh_from_db(fields=["path", "depth", "numchild"])
            parent.add_child(instance=page)
        revision = page.save_revision(log_action=True)
        wanted_live = item.status == "publish"
        if wanted_live:
            revision.publish()
        elif page.live:
            page.unpublish()
        page.refresh_from_db()
        self._set_visibility(page, item, log)
        if item.status in ("future",):
            log.issue(
                item.line,
                "status",
                item.status,
                gettext("A scheduled post was imported as a draft."),
            )
        if wanted_live:
            self._redirects(page, item, prepared.language, log)
        ImportedWordPressItem.objects.update_or_create(
            source=self.source,
            wp_id=item.post_id,
            defaults={
                "post_type": "post",
                "page": page,
                "image": None,
                "language": locale.language_code,
                "translation_group": prepared.language.group,
                "digest": prepared.digest,
            },
        )
        log.record.action = "created" if creating else "updated"
        log.record.page_id = page.pk
        log.record.url = (page.get_url() or "") if page.live else ""

    def _parent(self, locale: Locale, log: PostLog):
        """The index page in the post's language (its translation, made if missing)."""
        if self.index.locale_id == locale.pk:
            return self.index
        found = self.index.get_translation_or_none(locale)
        if found is not None:
            return found.specific
        copy = self.index.copy_for_translation(locale, copy_parents=True)
        if self.index.live:
            copy.save_revision().publish()
        log.index_translations.append(locale.language_code)
        return copy.specific

    def _translation_key(self, prepared: _Prepared, log: PostLog) -> uuid.UUID:
        group = prepared.language.group
        if not group:
            return uuid.uuid4()
        other = (
            ImportedWordPressItem.objects.filter(
                source=self.source, translation_group=group, page__isnull=False
            )
            .select_related("page")
            .first()
        )
        if other is None:
            return uuid.uuid4()
        key = other.page.translation_key
        if Page.objects.filter(translation_key=key, locale=prepared.locale).exists():
            log.issue(
                log.record.line,
                "language",
                group,
                gettext(
                    "Another post of this translation group is already in “%(code)s”; this "
                    "post was imported without a link to its translations."
                )
                % {"code": prepared.locale.language_code},
            )
            return uuid.uuid4()
        return key

    def _slug(self, item: Item, title: str, parent, page, log: PostLog) -> str:
        unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        wanted = slugify(unquote(item.post_name), allow_unicode=unicode) or slugify(
            title, allow_unicode=unicode
        )
        wanted = (wanted or f"post-{item.post_id}")[:240].strip("-") or f"post-{item.post_id}"
        siblings = parent.get_children()
        if page.pk:
            siblings = siblings.exclude(pk=page.pk)
        slug, suffix = wanted, 1
        while siblings.filter(slug=slug).exists():
            suffix += 1
            slug = f"{wanted}-{suffix}"
        if slug != wanted:
            log.issue(
                item.line,
                "slug",
                wanted,
                gettext("The slug “%(wanted)s” is taken in this section; “%(slug)s” was used.")
                % {"wanted": wanted, "slug": slug},
            )
        return slug

    def _set_notes(self, page, converted: ConvertedPost) -> None:
        note_model = notes_model(type(page))
        setattr(
            page,
            NOTES,
            [
                note_model(
                    uid=note["uid"],
                    sources=note["sources"],
                    comment=note["comment"],
                    sort_order=note["sort_order"],
                )
                for note in converted.notes
            ],
        )

    # -- authors ---------------------------------------------------------------------------

    def _credit_names(self, item: Item) -> list[str]:
        """WordPress logins of the post's authors, in order (Co-Authors Plus first)."""
        names = []
        for term in item.terms_of("author"):
            login = term.name or unquote(term.slug).removeprefix("cap-")
            if login and login not in names:
                names.append(login)
        if not names and item.creator:
            names.append(item.creator)
        return names

    def _set_credits(self, page, item: Item, log: PostLog) -> None:
        credit_model = credits_model(type(page))
        credits, seen = [], set()
        for login in self._credit_names(item):
            profile = self._profile(login, log)
            if profile.pk in seen:
                continue
            seen.add(profile.pk)
            credits.append(
                credit_model(author=profile, role=AuthorRole.AUTHOR, sort_order=len(credits))
            )
        setattr(page, ANALYSIS_AUTHORS, credits)

    def _profile(self, login: str, log: PostLog) -> AuthorProfile:
        slug = self.mapping.authors.get(login) or slugify(login)[:100]
        if not slug:
            slug = "author-" + hashlib.sha1(login.encode()).hexdigest()[:10]  # noqa: S324
        profile = AuthorProfile.objects.filter(slug=slug).first()
        if profile is not None:
            log.authors_matched.add(slug)
            return profile
        if login in self.mapping.authors:
            log.issue(
                log.record.line,
                "authors",
                login,
                gettext(
                    "The mapping names the author profile “%(slug)s”, which does not exist; "
                    "it was created."
                )
                % {"slug": slug},
            )
        author = self.authors.get(login)
        guest = self.guests.get(login, {})
        full = " ".join(
            part
            for part in (
                (author.first_name if author else "") or guest.get("first_name", ""),
                (author.last_name if author else "") or guest.get("last_name", ""),
            )
            if part
        )
        name = (author.display_name if author else "") or guest.get("display_name", "")
        name = plain_text(name or full or login)[:200]
        default = build_localized_fieldname("display_name", _default_language())
        profile = AuthorProfile(slug=slug)
        setattr(profile, default, name)
        profile.display_name = name
        profile.save()
        log.authors_created.add(slug)
        return profile

    # -- categories and tags --------------------------------------------------------------

    def _set_classification(self, page, item: Item, language: str, log: PostLog) -> None:
        series = None
        topics, regions, tags = [], [], []
        for term in item.terms:
            target = self.mapping.target(term.domain, term.slug)
            key = f"{term.domain}/{unquote(term.slug)}"
            if target is None:
                log.terms[key] = None
                continue
            name = plain_text(term.name) or unquote(term.slug)
            if target.kind == "tags":
                log.terms[key] = "tags"
                if name and name not in tags:
                    tags.append(name[:100])
                continue
            obj = self._term(target, term, name, language)
            log.terms[key] = f"{target.kind}/{obj.slug}"
            if target.kind == "series":
                if series is None:
                    series = obj
                elif series.pk != obj.pk:
                    log.issue(
                        item.line,
                        "terms",
                        key,
                        gettext("An analysis has one series; “%(name)s” was not used.")
                        % {"name": name},
                    )
            elif target.kind == "topics" and obj not in topics:
                topics.append(obj)
            elif target.kind == "regions" and obj not in regions:
                regions.append(obj)
        page.series = series
        page.topics.set(topics)
        page.regions.set(regions)
        if hasattr(page, "tags"):
            page.tags.set(tags)

    def _term(self, target: Target, term, name: str, language: str):
        model = _TERM_MODELS[target.kind]
        slug = target.slug or slugify(unquote(term.slug)) or slugify(name)
        if not slug:
            slug = f"{target.kind}-" + hashlib.sha1(term.slug.encode()).hexdigest()[:10]  # noqa: S324
        slug = slug[:100]
        obj = model.objects.filter(slug=slug).first()
        column = build_localized_fieldname("name", language)
        if not hasattr(model, column):
            column = build_localized_fieldname("name", _default_language())
        definition = self.terms.get((term.domain, unquote(term.slug).lower()))
        if obj is None:
            obj = model(slug=slug)
            setattr(obj, column, name[:100])
            if definition is not None and definition.description:
                description = build_localized_fieldname(
                    "description", _language_of(model, language)
                )
                setattr(obj, description, plain_text(definition.description))
            obj.save()
        elif not getattr(obj, column, None):
            setattr(obj, column, name[:100])
            obj.save(update_fields=[column])
        return obj

    # -- visibility and redirects ---------------------------------------------------------

    def _set_visibility(self, page, item: Item, log: PostLog) -> None:
        restrictions = PageViewRestriction.objects.filter(page=page)
        if item.status == "private":
            if not restrictions.filter(restriction_type=PageViewRestriction.LOGIN).exists():
                PageViewRestriction.objects.create(
                    page=page, restriction_type=PageViewRestriction.LOGIN
                )
            log.issue(
                item.line,
                "status",
                item.status,
                gettext(
                    "A private post was imported as a draft visible to logged-in users only "
                    "once published."
                ),
            )
        elif item.post_password:
            restriction = restrictions.filter(restriction_type=PageViewRestriction.PASSWORD).first()
            if restriction is None:
                PageViewRestriction.objects.create(
                    page=page,
                    restriction_type=PageViewRestriction.PASSWORD,
                    password=item.post_password[:255],
                )
            elif restriction.password != item.post_password:
                restriction.password = item.post_password[:255]
                restriction.save()
            log.issue(
                item.line,
                "status",
                "",
                gettext("A password-protected post keeps its password."),
            )
        elif item.status == "publish":
            # The post is public on WordPress: so is the page.
            restrictions.filter(
                restriction_type__in=[PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD]
            ).delete()

    def _redirects(self, page, item: Item, language: Language, log: PostLog) -> None:
        from wagtail.contrib.redirects.models import Redirect

        paths = []
        forms = [item.link] if item.link else []
        forms.append(f"/?p={item.post_id}")
        if language.wordpress_code:
            lang = language.wordpress_code
            if item.link and "lang=" not in urlsplit(item.link).query:
                joiner = "&" if urlsplit(item.link).query else "?"
                forms.append(f"{item.link}{joiner}lang={lang}")
            forms.append(f"/?p={item.post_id}&lang={lang}")
        for form in forms:
            path = Redirect.normalise_path(form)
            if path and path != "/" and path not in paths:
                paths.append(path)
        for path in paths:
            existing = Redirect.objects.filter(old_path=path, site__isnull=True).first()
            if existing is None:
                Redirect.objects.create(
                    old_path=path, site=None, redirect_page=page, is_permanent=True
                )
                log.redirects["created"] += 1
            elif existing.redirect_page_id == page.pk:
                log.redirects["unchanged"] += 1
            else:
                log.redirects["conflicts"] += 1
                log.issue(
                    item.line,
                    "redirects",
                    path,
                    gettext("A redirect from this address already leads elsewhere; it was kept."),
                )


def _default_language() -> str:
    from modeltranslation.settings import DEFAULT_LANGUAGE

    return DEFAULT_LANGUAGE


def _language_of(model, language: str) -> str:
    column = build_localized_fieldname("description", language)
    return language if hasattr(model, column) else _default_language()
