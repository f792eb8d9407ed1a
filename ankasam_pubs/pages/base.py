"""What every page type of the app is made of, whatever it shows."""

from __future__ import annotations

from ..caching.serving import CacheHeadersMixin
from ..conf import pubs_settings
from ..registry import PubsPage
from ..seo.feeds import FeedLinksMixin
from ..translations.live import LanguageVersionsMixin


class PubsPageMixin(CacheHeadersMixin, FeedLinksMixin, LanguageVersionsMixin, PubsPage):
    """Cache headers on every route, feed autodiscovery, the language switcher and
    ``hreflang``, and the base template and stylesheet the host chose."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ankasam_pubs_base_template"] = pubs_settings.BASE_TEMPLATE
        context["ankasam_pubs_stylesheet"] = pubs_settings.STYLESHEET
        return context
