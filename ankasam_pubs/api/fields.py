"""Serialiser fields of the API: plain JSON values, never HTML made from text fields.

Analysis fields read what :class:`~ankasam_pubs.api.data.AnalysisSet` computed for the
whole response (``context["view"].analysis_set``), in the page's own language.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod

from django.utils import translation
from rest_framework.fields import Field
from wagtail.api.v2.utils import get_object_detail_url

from ..authors.identity import web_links
from ..authors.models import AuthorRole
from ..footnotes.exports import publishable, to_csl_json
from ..footnotes.models import COMMENT_FEATURES
from ..registry import NOTES


def rich_text(source: str, context: dict, features=None):
    """Stored rich text in the format the request asks for (Wagtail 8's
    ``?rich_text_format=``, default database HTML); Wagtail 7 gives it as stored."""
    try:
        from wagtail.api.rich_text import APIRichText
    except ImportError:  # Wagtail 7
        return source
    rich_text_format = context.get("_wagtail_rich_text_format")
    if rich_text_format is None:
        request = context.get("request")
        raw = request.GET.get("rich_text_format") if request is not None else None
        rich_text_format = APIRichText.resolve_format(raw)
    return APIRichText.serialize(source, format=rich_text_format, features=features)


def term_data(term) -> dict:
    return {"id": term.pk, "slug": term.slug, "name": term.name}


class PageField(Field, metaclass=ABCMeta):
    """A value computed from the whole page, in the page's language."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            return self.represent(page, self.context["view"].analysis_set)

    @abstractmethod
    def represent(self, page, analyses):
        """The field's value for ``page``; ``analyses`` holds what was read in bulk."""


class TermField(PageField):
    """A series (one) or topics and regions (many): id, slug and name."""

    def __init__(self, *, many: bool = False, **kwargs):
        self.many = many
        super().__init__(**kwargs)

    def represent(self, page, analyses):
        analyses.prefetch(self.field_name)
        value = getattr(page, self.field_name)
        if self.many:
            return [term_data(term) for term in value.all()]
        return term_data(value) if value is not None else None


class AuthorsField(PageField):
    """The ordered credits: role, and the profile as a reader sees it."""

    def represent(self, page, analyses):
        roles = dict(AuthorRole.choices)
        router = self.context["router"]
        request = self.context["request"]
        credits = []
        for credit in analyses.credits[page.pk]:
            profile = credit.author
            credits.append(
                {
                    "role": credit.role,
                    "role_label": str(roles.get(credit.role, credit.role)),
                    "id": profile.pk,
                    "slug": profile.slug,
                    "display_name": profile.display_name,
                    "position": profile.position,
                    "short_bio": profile.short_bio,
                    "orcid": profile.orcid,
                    "url": credit.url,
                    "detail_url": get_object_detail_url(router, request, type(profile), profile.pk)
                    if profile.is_active
                    else None,
                }
            )
        return credits


class NotesField(PageField):
    """Notes numbered in document order, each with its sources as CSL-JSON items.

    Citation ids follow the page's reference exports (``note-3``, ``note-3-2``); a
    source keeps its locator here (the note cites that place), as ``to_csl_json``
    gives it. "Ibid." is a rendering choice and is left to the client.
    """

    def represent(self, page, analyses):
        analyses.prefetch(NOTES)
        notes = []
        for numbered in page.get_numbering().notes:
            note = numbered.note
            number = numbered.number
            sources = [
                (f"note-{number}" + (f"-{position}" if position > 1 else ""), publishable(source))
                for position, source in enumerate(note.get_sources(), start=1)
            ]
            notes.append(
                {
                    "number": number,
                    "uid": note.uid,
                    "anchor": numbered.anchor,
                    "referenced": numbered.is_referenced,
                    "comment": rich_text(note.comment, self.context, COMMENT_FEATURES),
                    "sources": to_csl_json(sources),
                }
            )
        return notes


class TranslationsField(PageField):
    """Other language versions a reader may open: live, public, not aliases."""

    def represent(self, page, analyses):
        router = self.context["router"]
        request = self.context["request"]
        result = []
        for version in analyses.translations[page.pk]:
            other = version.page
            model = other.specific_class
            result.append(
                {
                    "id": other.pk,
                    "language": version.language_code,
                    "language_name": version.name_local,
                    "title": other.title,
                    "url": version.url,
                    "detail_url": get_object_detail_url(router, request, model, other.pk)
                    if model is not None
                    else None,
                }
            )
        return result


class SimilarPostsField(PageField):
    """The page's similar posts as its HTML page lists them."""

    def represent(self, page, analyses):
        return [
            {
                "title": item.title,
                "url": item.url,
                "language": item.language_code,
                "published": item.published.isoformat() if item.published else None,
                "score": item.score,
                "pinned": item.pinned,
            }
            for item in analyses.similar[page.pk]
        ]


# -- author profiles ---------------------------------------------------------------------


class ProfileField(Field):
    """A value computed from the whole profile (the view sets the language)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class LinksField(ProfileField):
    def to_representation(self, profile):
        return web_links(profile.links)


class PublicEmailField(ProfileField):
    """The e-mail address only when the profile chose to show it."""

    def to_representation(self, profile):
        return profile.email if profile.show_email and profile.email else None


class ExpertiseField(ProfileField):
    def to_representation(self, profile):
        return [term_data(topic) for topic in profile.expertise.all()]


class ProfileUrlField(ProfileField):
    """The profile page on the authors index of the requested language, if it has one."""

    def to_representation(self, profile):
        return self.context["view"].profile_set.urls.get(profile.pk)


class AnalysesCountField(ProfileField):
    def to_representation(self, profile):
        return self.context["view"].profile_set.analyses_counts.get(profile.pk, 0)


class AnalysesUrlField(ProfileField):
    def to_representation(self, profile):
        return self.context["view"].profile_set.analyses_url(profile)
