"""Validators of analysis fields."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..footnotes.citations import bare_doi

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def validate_doi(value: str) -> None:
    """A DOI (``10.1234/abc``), also accepted as ``doi:…`` or ``https://doi.org/…``."""
    if value and not _DOI.match(bare_doi(value)):
        raise ValidationError(
            _('"%(value)s" is not a DOI; a DOI looks like 10.12345/abc-123.'),
            params={"value": value},
            code="invalid_doi",
        )
