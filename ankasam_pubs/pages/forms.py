"""The analysis edit form: the notes checks, and a slug that keeps the title's words."""

from __future__ import annotations

import inspect

from wagtail.admin.widgets.slug import SlugInput

from ..footnotes.forms import NotesPageForm
from ..text import DASHES


def slug_widget(locale=None) -> SlugInput:
    """Wagtail's slug input, with dashes turned into hyphens where Wagtail can (it would
    drop them and join the words: "japansouth-korea"; this uses its
    ``formatters``, Wagtail 7.1 and later; 7.0 keeps its own behaviour)."""
    parameters = inspect.signature(SlugInput.__init__).parameters
    if "formatters" in parameters:
        return SlugInput(formatters=[(DASHES, "-")], locale=locale)
    return SlugInput()


class AnalysisPageForm(NotesPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget = slug_widget(getattr(self.instance, "locale", None))
