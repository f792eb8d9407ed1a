"""Admin forms for author profiles."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..translations.fields import localized_name, translation_languages
from .models import AuthorProfile


def profile_creation_form() -> type[forms.ModelForm]:
    """The "New profile" tab of the page's author chooser: the person's name in each of
    the host's languages (built from them at call time). The slug is made from the name
    when the profile is saved; the rest is filled in on the profile's own page later."""
    # Built per call: the host's languages decide the fields.
    names = dict(settings.LANGUAGES)
    name_fields = [localized_name("display_name", code) for code in translation_languages()]

    class ProfileCreationForm(WagtailAdminModelForm):
        class Meta:
            model = AuthorProfile
            fields = name_fields
            labels = {
                localized_name("display_name", code): format_lazy(
                    "{} ({})", _("Name"), names.get(code, code)
                )
                for code in translation_languages()
            }

        def clean(self):
            cleaned = super().clean()
            if not any((cleaned.get(name) or "").strip() for name in name_fields):
                raise forms.ValidationError(_("Give the person's name in at least one language."))
            return cleaned

    return ProfileCreationForm
