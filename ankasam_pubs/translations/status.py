"""Which language versions of a page exist, and which lag behind their source."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
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


def translation_status(page: Page) -> list[VersionStatus]:
    """One row per content language, in LANGUAGES order (a pure read of the database)."""
    versions = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).select_related("locale")
    }
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
        rows.append(
            VersionStatus(
                language_code=code,
                language_name=str(name),
                page=version,
                state=state,
                is_source=is_source,
                outdated=outdated,
                edit_url=reverse("wagtailadmin_pages:edit", args=[version.pk]) if version else None,
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
            context["rows"] = translation_status(self.instance)
            return context
