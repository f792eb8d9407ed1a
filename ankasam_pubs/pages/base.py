"""What every page type of the app is made of, whatever it shows."""

from __future__ import annotations

from ..caching.serving import CacheHeadersMixin
from ..conf import pubs_settings
from ..registry import PubsPage
from ..seo.feeds import FeedLinksMixin
from ..translations.live import LanguageVersionsMixin, language_direction
from .head import HeadCheckMixin


class PubsPageMixin(
    CacheHeadersMixin, HeadCheckMixin, FeedLinksMixin, LanguageVersionsMixin, PubsPage
):
    """Cache headers on every route, feed autodiscovery, the language switcher and
    ``hreflang``, the base template the host chose, and what ``{% ankasam_pubs_head %}``
    and the content's wrapper need."""

    #: What ``{% ankasam_pubs_head %}`` renders for this page type, after the stylesheet.
    head_template: str = "ankasam_pubs/includes/head/page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ankasam_pubs_base_template"] = pubs_settings.BASE_TEMPLATE
        context["ankasam_pubs_head_template"] = self.head_template
        # The content wrapper's lang and dir: the page's language, whatever the host's
        # <html> says.
        language = self.locale.language_code
        context["ankasam_pubs_language"] = language
        context["ankasam_pubs_direction"] = language_direction(language)
        return context
