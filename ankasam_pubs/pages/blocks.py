"""StreamField blocks of an analysis body."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from ..footnotes.richtext import FEATURE as NOTE_REFERENCE

# Fixed rather than a setting: block definitions are frozen into migrations.
PLAIN_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]
RICH_TEXT_FEATURES = [*PLAIN_RICH_TEXT_FEATURES, NOTE_REFERENCE]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "ankasam_pubs/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "ankasam_pubs/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Describe the image for readers who cannot see it; empty uses its title."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "ankasam_pubs/blocks/figure.html"


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "ankasam_pubs/blocks/table.html"


class AnalysisBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Rich text"),
        template="ankasam_pubs/blocks/rich_text.html",
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        icon="media",
        template="ankasam_pubs/blocks/embed.html",
    )
    table = TableWithCaptionBlock()


class PlainBodyBlock(AnalysisBodyBlock):
    """The same blocks without note references, for pages that have no notes."""

    paragraph = blocks.RichTextBlock(
        features=PLAIN_RICH_TEXT_FEATURES,
        label=_("Rich text"),
        template="ankasam_pubs/blocks/rich_text.html",
    )
