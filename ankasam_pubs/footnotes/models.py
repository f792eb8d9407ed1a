"""Notes belong to one page; the citation style and "Ibid." are per-site settings."""

from __future__ import annotations

import secrets

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from .blocks import SourceBlock
from .sources import Source

COMMENT_FEATURES = ["bold", "italic", "link", "superscript", "subscript"]


def new_note_uid() -> str:
    """A short random key; references in rich text point at it, translations keep it."""
    return secrets.token_hex(4)


class KeyPanel(FieldPanel):
    """The note's reference key: posted with the form, never typed, so no label (a
    hidden input under a "Reference key *" label reads as a field the editor missed)."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "ankasam_pubs/admin/hidden_field.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.heading = ""


class AbstractNote(Orderable):
    """A citation of one or more sources, a discursive comment, or both.

    A host page class defines ``page = ParentalKey(<its page>, related_name="notes")``.
    """

    uid = models.CharField(_("reference key"), max_length=32, default=new_note_uid)
    sources = StreamField([("source", SourceBlock())], blank=True, verbose_name=_("sources"))
    comment = RichTextField(
        _("comment"),
        blank=True,
        features=COMMENT_FEATURES,
        help_text=_("Discursive text of the note, shown after its sources."),
    )

    panels = [
        KeyPanel("uid", widget=forms.HiddenInput, classname="ap-note-uid"),
        FieldPanel("sources"),
        FieldPanel("comment"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        sources = self.get_sources()
        if sources and sources[0].title:
            return sources[0].title
        return _("Note %(key)s") % {"key": self.uid}

    def get_sources(self) -> list[Source]:
        # From the stored JSON directly: converting every StructBlock child through
        # Wagtail's block machinery costs more than the rest of the note rendering.
        return [
            Source.from_block_value(item["value"])
            for item in self.sources.raw_data
            if item.get("type") == "source" and isinstance(item.get("value"), dict)
        ]


CITATION_STYLE_CHOICES = [
    ("house", _('House style: Author, "Title", Outlet, url, (Date of Accession: …)')),
    ("chicago", _("Chicago notes and bibliography")),
]


@register_setting(icon="doc-full")
class CitationSettings(BaseSiteSetting):
    citation_style = models.CharField(
        _("citation style"), max_length=20, choices=CITATION_STYLE_CHOICES, default="house"
    )
    use_ibid = models.BooleanField(
        _('automatic "Ibid."'),
        default=True,
        help_text=_(
            'A note citing the same single source as the note just before it reads "Ibid.".'
        ),
    )

    panels = [FieldPanel("citation_style"), FieldPanel("use_ibid")]

    class Meta:
        verbose_name = _("citation settings")
