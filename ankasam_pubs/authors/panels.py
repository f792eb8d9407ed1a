"""Dashboard panel: an editor linked to an author profile sees the analyses they sign."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..registry import analyses_using


class MyAnalysesPanel(Component):
    name = "ankasam_pubs_my_analyses"
    template_name = "ankasam_pubs/admin/my_analyses_panel.html"
    order = 150

    def __init__(self, profile):
        self.profile = profile

    def get_context_data(self, parent_context=None):
        pages = analyses_using(self.profile)
        return {
            "profile": self.profile,
            "rows": [
                (page, reverse("wagtailadmin_pages:edit", args=[page.pk])) for page in pages[:20]
            ],
            "more": max(0, len(pages) - 20),
        }
