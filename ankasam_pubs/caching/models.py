"""The counters that say whether a kept rendering is still what a reader would see."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """One named counter, moved on by every change of its kind (see
    :mod:`ankasam_pubs.caching.generations`). Kept in the database, not in a cache, so
    that every process reads the same value, in the same transaction as the change."""

    name = models.CharField(_("name"), max_length=20, primary_key=True)
    value = models.BigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("cache generation")
        verbose_name_plural = _("cache generations")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"
