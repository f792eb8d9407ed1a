"""What each WordPress post or attachment became: the key to idempotent re-imports."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedWordPressItem(models.Model):
    """One post (→ a page) or attachment (→ an image) of one WordPress site.

    A re-import finds the page or image here by site and WordPress id, and compares
    ``digest`` to tell an unchanged post from a changed one. Deleting the page or the
    image deletes the row, so a later import brings the item back.
    """

    source = models.CharField(
        _("WordPress site"), max_length=255, help_text=_("The export's base site address.")
    )
    wp_id = models.PositiveBigIntegerField(_("WordPress id"))
    post_type = models.CharField(_("WordPress post type"), max_length=40)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=20, blank=True)
    translation_group = models.CharField(_("translation group"), max_length=200, blank=True)
    digest = models.CharField(_("digest of the imported data"), max_length=64)
    created_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "wp_id"], name="ankasam_pubs_wordpress_item_per_site"
            )
        ]
        indexes = [models.Index(fields=["source", "translation_group"])]

    def __str__(self) -> str:
        return f"{self.source} #{self.wp_id}"
