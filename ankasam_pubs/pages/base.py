"""What every page type of the app is made of, whatever it shows."""

from __future__ import annotations

from wagtail.models import Page, PageViewRestriction

from ..caching.serving import CacheHeadersMixin
from ..conf import pubs_settings
from ..registry import PubsPage
from ..seo.feeds import FeedLinksMixin
from ..translations.live import LanguageVersionsMixin, language_direction
from ..visibility import view_restrictions
from .head import HeadCheckMixin

#: Set on a page read by a lean route (``AnalysisIndexContentMixin.route``).
MAY_BE_RESTRICTED = "_ankasam_pubs_may_be_restricted"


class PubsPageMixin(
    CacheHeadersMixin, HeadCheckMixin, FeedLinksMixin, LanguageVersionsMixin, PubsPage
):
    """Cache headers on every route, feed autodiscovery, the language switcher and
    ``hreflang``, the base template the host chose, and what ``{% ankasam_pubs_head %}``
    and the content's wrapper need."""

    #: What ``{% ankasam_pubs_head %}`` renders for this page type, after the stylesheet.
    head_template: str = "ankasam_pubs/includes/head/page.html"

    #: Set by the ``before_serve_page`` hook on the instance being served.
    SERVING = "_ankasam_pubs_serving"

    def get_view_restrictions(self):
        """Wagtail's restrictions in one query; asked once while this instance is served
        (Wagtail's own check, cache headers and snapshots all read the same rows)."""
        kept = getattr(self, "_ankasam_pubs_view_restrictions", None)
        if kept is not None:
            return kept
        if getattr(self, MAY_BE_RESTRICTED, None) is False:  # read with the page: none
            restrictions = PageViewRestriction.objects.none()
        else:
            restrictions = view_restrictions(self)
        if getattr(self, self.SERVING, False):
            list(restrictions)  # evaluated once; every later reader uses these rows
            self._ankasam_pubs_view_restrictions = restrictions
        return restrictions

    def frame_context(self) -> dict:
        """What the page template needs around the page's own content: the base template,
        the head, the content wrapper's lang and dir (the page's language, whatever the
        host's <html> says)."""
        language = self.locale.language_code
        return {
            "ankasam_pubs_base_template": pubs_settings.BASE_TEMPLATE,
            "ankasam_pubs_head_template": self.head_template,
            "ankasam_pubs_language": language,
            "ankasam_pubs_direction": language_direction(language),
        }

    def get_frame_context(self, request, *args, **kwargs) -> dict:
        """Wagtail's own page context and the frame, without the page's content (what a
        snapshot leaves to compute: see :mod:`.snapshot`)."""
        context = Page.get_context(self, request, *args, **kwargs)
        context.update(self.frame_context())
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.frame_context())
        return context
