"""Which language versions of a page exist, and which lag behind their source."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class VersionStatus:
    language_code: str
    language_name: str
    page: Page | None
    state: str  # "live", "draft", "alias", "missing"
    is_source: bool
    outdated: bool  # the source was published after this version last changed
    edit_url: str | None
    is_current: bool = False  # the version being edited
    untranslated: bool = False  # its text is still another language version's text
    translate_url: str | None = None  # where to make it (missing) or convert it (alias)


def may_translate(page: Page, user) -> bool:
    """Wagtail's own rule for the Translate action (simple_translation's view checks
    the same two things), so a link is offered only where it will be accepted."""
    return bool(
        user is not None
        and apps.is_installed("wagtail.contrib.simple_translation")
        and user.has_perm("simple_translation.submit_translation")
        and page.permissions_for_user(user).can_edit()
    )


def _words(value: Any) -> Any:
    # Block ids and the editor's markup (data-block-key, re-saved on every edit) change
    # without the text changing; only the words say whether it was translated.
    if isinstance(value, dict):
        return {k: _words(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_words(v) for v in value]
    if isinstance(value, str):
        return " ".join(strip_tags(value).split())
    return value


def text_signature(page: Page) -> str | None:
    """The body as stored, minus block ids; None when the page has no body or it is
    empty (an empty body is unwritten, not untranslated)."""
    body = getattr(page, "body", None)
    if body is None or not hasattr(body, "get_prep_value"):
        return None
    raw = _words(body.get_prep_value())
    return json.dumps(raw, sort_keys=True) if raw else None


def untranslated_from(page: Page, others, signatures: dict | None = None) -> Page | None:
    """The older language version whose body ``page`` still carries word for word.

    Only an older one: a translation is created after its source (a higher id), so the
    source is never called a copy of its own translation. ``signatures`` (by page id)
    lets a caller comparing every version with every other compute each body once."""
    if signatures is None:
        signatures = {p.pk: text_signature(p) for p in [page, *others]}
    mine = signatures[page.pk]
    if mine is None:
        return None
    for other in others:
        if other.pk < page.pk and not other.alias_of_id and signatures[other.pk] == mine:
            return other
    return None


def translation_status(page: Page, user=None) -> list[VersionStatus]:
    """One row per content language, in LANGUAGES order (a pure read of the database).

    With ``user``, rows for missing languages and aliases carry the link to translate
    them when that user may."""
    versions = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).select_related("locale").specific()
    }
    translate = may_translate(page, user)
    signatures = {p.pk: text_signature(p) for p in versions.values()}
    source = versions.get(settings.LANGUAGE_CODE)
    source_published = source.last_published_at if source else None
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    known = set(Locale.objects.values_list("language_code", flat=True))
    rows = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code not in known and code not in versions:
            continue
        version = versions.get(code)
        if version is None:
            state = "missing"
        elif version.alias_of_id:
            state = "alias"
        elif version.live:
            state = "live"
        else:
            state = "draft"
        is_source = version is not None and source is not None and version.pk == source.pk
        changed = version.latest_revision_created_at if version else None
        outdated = bool(
            version is not None
            and not is_source
            and source_published
            and (changed is None or changed < source_published)
        )
        translate_url = None
        if translate and state == "missing":
            form_url = reverse("ankasam_pubs_translate_page", args=[page.pk])
            translate_url = f"{form_url}?{urlencode({'locale': code})}"
        elif translate and state == "alias":
            translate_url = reverse("wagtailadmin_pages:convert_alias", args=[version.pk])
        rows.append(
            VersionStatus(
                language_code=code,
                language_name=str(name),
                page=version,
                state=state,
                is_source=is_source,
                outdated=outdated,
                edit_url=reverse("wagtailadmin_pages:edit", args=[version.pk]) if version else None,
                is_current=version is not None and version.pk == page.pk,
                untranslated=bool(
                    state in ("live", "draft")
                    and not is_source
                    and untranslated_from(version, versions.values(), signatures)
                ),
                translate_url=translate_url,
            )
        )
    rows.sort(key=lambda row: codes.index(row.language_code))
    return rows


class TranslationStatusPanel(Panel):
    """Read-only panel on the edit view: the page's languages and stale translations."""

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("Languages"), **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "ankasam_pubs/admin/translation_status.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rows = translation_status(self.instance, getattr(self.request, "user", None))
            context["rows"] = rows
            context["current"] = next((row for row in rows if row.is_current), None)
            return context
