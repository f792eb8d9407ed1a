"""The admin's Translate action, able to translate a page whose parent is untranslated.

Wagtail's own view greys out such languages, and a request for one anyway ends in a
server error (ParentNotTranslatedError). Ours offers every language and creates the
missing parents as aliases of the originals (Wagtail's ``copy_parents``), which our
listings never show to readers.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView


class TranslatePageView(SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        widget = form.fields["locales"].widget
        if getattr(widget, "disabled_values", None):
            widget.disabled_values = []
            form.fields["locales"].help_text = _(
                "Where a parent page is not translated yet, it is created as an alias of "
                "the original until someone translates it."
            )
        return form

    def post(self, request, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**kwargs))
        locales = list(form.cleaned_data["locales"])
        with transaction.atomic():
            for locale in locales:
                CopyPageForTranslationAction(
                    page=self.object,
                    locale=locale,
                    include_subtree=form.cleaned_data["include_subtree"],
                    copy_parents=True,
                    user=request.user,
                ).execute(skip_permission_checks=True)
        translated = self.object.get_translation(locales[0]) if len(locales) == 1 else None
        names = (
            locales[0].get_display_name()
            if len(locales) == 1
            else _("%(count)s languages") % {"count": len(locales)}
        )
        messages.success(request, self.get_success_message(names))
        return redirect(self.get_success_url(translated))
