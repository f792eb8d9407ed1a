"""Template tags of ankasam_pubs: display precomputed values, compute nothing else.

The one exception is the language switcher, which also goes on the host's own pages,
whose context the app does not build: it looks its links up (two queries at most).
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html

from ..conf import pubs_settings
from ..footnotes.numbering import Numbering
from ..footnotes.rendering import render_rich_text
from ..pages.head import mark_head_rendered
from ..text import isolate as isolate_text
from ..translations.live import LanguageVersionsMixin
from ..translations.switcher import SWITCHER_CONTEXT, switcher_links

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


@register.simple_tag(takes_context=True)
def ankasam_pubs_head(context):
    """Everything the app puts in ``<head>``: the stylesheet (unless ``STYLESHEET`` is
    None) and, on the app's pages, the head its page type names in the context
    (canonical URL, ``hreflang``, citation metadata, feeds, JSON-LD, scripts).

    Place it once inside the ``<head>`` of any base template; elsewhere it gives just
    the stylesheet. It also tells the development warning that the head is there.
    """
    mark_head_rendered(context.get("request"))
    template = context.template.engine.get_template("ankasam_pubs/includes/head.html")
    with context.push(ankasam_pubs_stylesheet=pubs_settings.STYLESHEET):
        return template.render(context)


@register.inclusion_tag("ankasam_pubs/includes/language_switcher.html", takes_context=True)
def ankasam_pubs_language_switcher(context):
    """Links to the current page in each of the site's languages: its live translation,
    else that language's home page (see :mod:`ankasam_pubs.translations.switcher`)."""
    if SWITCHER_CONTEXT in context:  # kept with the page's snapshot
        return {"languages": context[SWITCHER_CONTEXT]}
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    # An app page's context already holds its live versions (for an author profile,
    # with the profile's path): reuse them rather than asking again.
    translations = None
    if isinstance(page, LanguageVersionsMixin) and "translations" in context:
        translations = context["translations"]
    return {"languages": switcher_links(page, context.get("request"), translations)}
