"""Author profiles, one row per person, translated field by field."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class AuthorProfile(index.Indexed, models.Model):
    display_name = models.CharField(_("display name"), max_length=200)
    sort_name = models.CharField(
        _("sortable name"),
        max_length=200,
        blank=True,
        help_text=_('How the name sorts in lists, e.g. "Yılmaz, Ayşe". Empty uses the name.'),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    short_bio = models.TextField(_("short biography"), blank=True)
    is_active = models.BooleanField(
        _("current staff"),
        default=True,
        help_text=_("Former staff keep their profile; they are not listed as current experts."),
    )

    search_fields = [
        index.SearchField("display_name"),
        index.AutocompleteField("display_name"),
    ]

    class Meta:
        ordering = ["sort_name", "display_name"]
        verbose_name = _("author profile")
        verbose_name_plural = _("author profiles")

    def __str__(self) -> str:
        return self.display_name or self.slug

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.display_name
        super().save(*args, **kwargs)
