"""Author pages: an index of experts and one profile per author, in every language.

Profiles are rows (snippets), not pages; the index page of each locale serves
``<index>/<slug>/`` (profile with the author's analyses in that language) and
``<index>/<slug>/feed/`` (Atom) through routes, so a profile exists in every language
without anyone creating a page per person and language.
"""

from __future__ import annotations

import dataclasses

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from ..authors.identity import person_jsonld
from ..authors.models import AuthorProfile
from ..conf import pubs_settings
from ..registry import ANALYSIS_AUTHORS, AuthorIndexKind
from ..seo.absolute import site_url
from ..seo.feeds import feed_text, item_guid
from ..seo.jsonld import jsonld
from ..taxonomy.models import Topic
from ..text import isolate
from ..visibility import published_analyses
from .base import PubsPageMixin
from .listing import with_card_data
from .snapshot import context_for

FEED_LENGTH = 20
PROFILE_HEAD = "ankasam_pubs/includes/head/author_profile.html"
PROFILE_CONTENT = "ankasam_pubs/includes/author_profile_content.html"


class AuthorIndexPageMixin(PubsPageMixin, AuthorIndexKind, RoutablePageMixin, models.Model):
    intro = models.TextField(gettext_lazy("introduction"), blank=True)

    #: The concrete analysis model whose credits are listed on profiles.
    analysis_model: str = "ankasam_pubs.AnalysisPage"

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    # -- urls ------------------------------------------------------------------------
    def profile_url(self, profile: AuthorProfile) -> str:
        return self.url + self.reverse_subpage("author_profile", args=[profile.slug])

    def feed_url(self, profile: AuthorProfile) -> str:
        return self.url + self.reverse_subpage("author_feed", args=[profile.slug])

    def analyses_by(self, profile: AuthorProfile):
        model = apps.get_model(self.analysis_model)
        return (
            published_analyses(model, locale_id=self.locale_id)
            .filter(**{f"{ANALYSIS_AUTHORS}__author": profile})
            .distinct()
        )

    # -- views -----------------------------------------------------------------------
    @path("", name="author_index")
    def experts(self, request):
        topics = Topic.objects.filter(
            pk__in=AuthorProfile.objects.filter(is_active=True).values("expertise")
        )
        chosen = request.GET.get("expertise") or ""
        profiles = AuthorProfile.objects.filter(is_active=True).select_related("portrait")
        active_topic = None
        if chosen:
            active_topic = next((t for t in topics if t.slug == chosen), None)
            profiles = profiles.filter(expertise=active_topic) if active_topic else profiles.none()
        profiles = list(profiles.prefetch_related("portrait__renditions"))
        return self.render(
            request,
            context_overrides={
                "profiles": [(profile, self.profile_url(profile)) for profile in profiles],
                "topics": list(topics),
                "active_topic": active_topic,
                "unknown_expertise": bool(chosen and active_topic is None),
            },
        )

    @path("<slug:slug>/", name="author_profile")
    def profile(self, request, slug):
        """A person's profile and their analyses in this index's language, kept as a
        snapshot like the app's pages (:mod:`.snapshot`)."""
        context = context_for(
            self,
            request,
            variant="\n".join(["profile", slug, request.GET.get("page") or ""]),
            regions={"head": PROFILE_HEAD, "content": PROFILE_CONTENT},
            kept=("translations", "alternates", "profile"),
            frame=lambda: {
                **self.get_frame_context(request),
                "ankasam_pubs_head_template": PROFILE_HEAD,
            },
            build=lambda: self.profile_context(request, slug),
        )
        return TemplateResponse(request, "ankasam_pubs/author_profile_page.html", context)

    def profile_context(self, request, slug) -> dict:
        profile = get_object_or_404(
            AuthorProfile.objects.select_related("portrait").prefetch_related("expertise"),
            slug=slug,
        )
        paginator = Paginator(
            with_card_data(self.analyses_by(profile)), pubs_settings.INDEX_PAGE_SIZE
        )
        analyses = paginator.get_page(request.GET.get("page"))
        url = site_url(self.profile_url(profile), request, self)
        image = None
        if profile.portrait_id:
            image = site_url(profile.portrait.get_rendition("fill-400x400").url, request, self)
        person = {
            "@context": "https://schema.org",
            **person_jsonld(
                profile, url=url, image=image, organisation=pubs_settings.ORGANISATION_NAME
            ),
        }
        # The index page's own language versions and hreflang links, computed once by
        # get_context, are those of the profile with the profile's path appended.
        context = self.get_context(request)
        suffix = self.reverse_subpage("author_profile", args=[slug])
        context.update(
            {
                "profile": profile,
                "analyses": analyses,
                "feed_url": self.feed_url(profile),
                "person_jsonld": jsonld(person),
                "canonical_url": url,
                "ankasam_pubs_head_template": PROFILE_HEAD,
                "translations": [
                    dataclasses.replace(version, url=version.url + suffix)
                    for version in context["translations"]
                ],
                "alternates": [(code, url + suffix) for code, url in context["alternates"]],
            }
        )
        return context

    @re_path(r"^(?P<slug>[-\w]+)/feed/$", name="author_feed")
    def feed(self, request, slug):
        profile = get_object_or_404(AuthorProfile, slug=slug)
        feed = Atom1Feed(
            title=_("Analyses by %(name)s") % {"name": isolate(feed_text(profile.display_name))},
            link=site_url(self.profile_url(profile), request, self),
            description=profile.short_bio,
            language=self.locale.language_code,
            feed_url=site_url(self.feed_url(profile), request, self),
            author_name=feed_text(profile.display_name),
        )
        analyses = with_card_data(self.analyses_by(profile))[:FEED_LENGTH]
        for analysis in analyses:
            feed.add_item(
                title=feed_text(analysis.title),
                link=analysis.get_full_url(request),
                # Atom's summary is read as HTML: what an editor typed stays text.
                description=escape(analysis.summary),
                pubdate=analysis.first_published_at,
                updateddate=analysis.last_published_at,
                unique_id=item_guid(analysis.translation_key, self.locale.language_code),
                author_name=", ".join(
                    feed_text(credit.author.display_name)
                    for credit in getattr(analysis, ANALYSIS_AUTHORS).all()
                ),
                categories=[feed_text(topic.name) for topic in analysis.topics.all()],
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response


__all__ = ["AuthorIndexPageMixin"]
