"""Template tags of ankasam_pubs: display precomputed values, compute nothing else."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

from ..footnotes.numbering import Numbering
from ..footnotes.rendering import render_rich_text
from ..text import isolate as isolate_text

register = template.Library()


@register.filter
def isolate(value):
    """A name or title as a bidirectional isolate where markup cannot go (attributes,
    translated sentences): see :func:`ankasam_pubs.text.isolate`."""
    return isolate_text(str(value))


@register.simple_tag(takes_context=True)
def note_richtext(context, value):
    """Rich text with numbered note references when the page has a ``numbering``;
    plain ``|richtext`` output on pages without notes."""
    numbering = context.get("numbering")
    if isinstance(numbering, Numbering):
        return render_rich_text(value, numbering)
    if isinstance(value, RichText):
        return value.__html__()
    return mark_safe(expand_db_html(value or ""))  # noqa: S308 - stored rich text
