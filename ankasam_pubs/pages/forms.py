"""The analysis edit form: the notes checks, and a slug that keeps the title's words."""

from __future__ import annotations

import inspect

from wagtail.admin.widgets.slug import SlugInput

from ..footnotes.forms import NotesPageForm
from ..text import DASHES

#: Wagtail 7.1 and later let a slug input rewrite text before slugifying it; 7.0 does not.
SLUG_FORMATTERS = "formatters" in inspect.signature(SlugInput.__init__).parameters


def slug_widget(locale=None) -> SlugInput:
    """Wagtail's slug input, with dashes turned into hyphens where Wagtail can (alone it
    drops them and joins the words: "japansouth-korea"); 7.0 keeps its own behaviour."""
    if SLUG_FORMATTERS:
        return SlugInput(formatters=[(DASHES, "-")], locale=locale)
    return SlugInput()


class AnalysisPageForm(NotesPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget = slug_widget(getattr(self.instance, "locale", None))
