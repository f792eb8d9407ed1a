"""The admin's Translate action, able to translate a page whose parents are untranslated.

Wagtail's own view greys out such languages (and hides the Submit button when no other
language is left); asked anyway it fails with ``ParentNotTranslatedError``, and its
``copy_parents`` option creates the missing parents as *live aliases*: the original
language's content served at the new language's addresses, published on behalf of a
user who may have no right to publish. Ours offers every language and creates each
missing parent as a **draft translation** (a copy in the new language, like the page
itself): nothing is published, nothing new is served to readers, and the editor is told
which pages above it still need translating and publishing.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Locale, Page

from ..text import isolate


def missing_parents(page: Page, locale: Locale) -> list[Page]:
    """The ancestors of ``page`` (root excluded) with no version in ``locale``, from
    the top down."""
    ancestors = page.get_ancestors().filter(depth__gt=1).order_by("depth")
    translated = set(
        Page.objects.filter(
            locale=locale, translation_key__in=ancestors.values("translation_key")
        ).values_list("translation_key", flat=True)
    )
    return [ancestor for ancestor in ancestors if ancestor.translation_key not in translated]


def translate_as_draft(page: Page, locale: Locale, user, *, include_subtree=False) -> Page:
    """A draft copy of ``page`` in ``locale``, its missing parents first (drafts too)."""
    for ancestor in missing_parents(page, locale):
        CopyPageForTranslationAction(
            page=ancestor.specific, locale=locale, copy_parents=False, user=user
        ).execute(skip_permission_checks=True)
    return CopyPageForTranslationAction(
        page=page,
        locale=locale,
        include_subtree=include_subtree,
        copy_parents=False,
        user=user,
    ).execute(skip_permission_checks=True)


class TranslatePageView(SubmitPageTranslationView):
    """Who may use it is Wagtail's rule (``submit_translation`` and the right to edit the
    page); it never publishes anything, so it needs no more."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        if getattr(field.widget, "disabled_values", None):
            field.widget.disabled_values = []
            field.help_text = _(
                "Where a page above this one is not translated yet, a draft translation of "
                "it is created too, to translate and publish in turn."
            )
        # The Languages panel's "Translate into …" links name the language to tick.
        wanted = self.request.GET.get("locale")
        if wanted and not self.request.method == "POST":
            field.initial = list(
                field.queryset.filter(language_code=wanted).values_list("pk", flat=True)
            )
        # Wagtail hides the button when every language left was greyed out.
        form.show_submit = field.queryset.exists()
        return form

    def post(self, request, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**kwargs))
        locales = list(form.cleaned_data["locales"])
        parents: dict[str, list[str]] = {}
        with transaction.atomic():
            for locale in locales:
                missing = missing_parents(self.object, locale)
                translate_as_draft(
                    self.object,
                    locale,
                    request.user,
                    include_subtree=form.cleaned_data["include_subtree"],
                )
                if missing:
                    parents[locale.get_display_name()] = [p.title for p in missing]
        translated = self.object.get_translation(locales[0]) if len(locales) == 1 else None
        names = (
            locales[0].get_display_name()
            if len(locales) == 1
            else _("%(count)s languages") % {"count": len(locales)}
        )
        messages.success(request, self.get_success_message(names))
        for language, titles in parents.items():
            messages.warning(
                request,
                ngettext(
                    "%(language)s: the page above it, %(titles)s, was not translated and is "
                    "now a draft translation too; translate and publish it, or its address "
                    "in that language stays empty.",
                    "%(language)s: the pages above it, %(titles)s, were not translated and "
                    "are now draft translations too; translate and publish them, or their "
                    "addresses in that language stay empty.",
                    len(titles),
                )
                % {
                    "language": language,
                    "titles": ", ".join(f"“{isolate(title)}”" for title in titles),
                },
            )
        return redirect(self.get_success_url(translated))
