"""Template filters of ankasam_pubs: display precomputed values, compute nothing else."""

from django import template
from wagtail.rich_text import RichText, expand_db_html

from ..footnotes.numbering import Numbering
from ..footnotes.rendering import render_rich_text

register = template.Library()


@register.filter
def note_richtext(value, numbering):
    """Rich text with numbered note references; plain ``|richtext`` without a numbering."""
    if isinstance(numbering, Numbering):
        return render_rich_text(value, numbering)
    if isinstance(value, RichText):
        return value.__html__()
    from django.utils.safestring import mark_safe

    return mark_safe(expand_db_html(value or ""))  # noqa: S308 - stored rich text
