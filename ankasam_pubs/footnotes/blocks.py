"""The admin form of a source: one StructBlock with CSL-style fields."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .sources import LocatorLabel, PartialDate, SourceType

SOURCE_TYPE_CHOICES = [
    (SourceType.WEB_PAGE.value, _("Web page")),
    (SourceType.NEWS_ARTICLE.value, _("News article")),
    (SourceType.JOURNAL_ARTICLE.value, _("Journal article")),
    (SourceType.BOOK.value, _("Book")),
    (SourceType.CHAPTER.value, _("Book chapter")),
    (SourceType.REPORT.value, _("Report")),
    (SourceType.INTERVIEW.value, _("Interview")),
    (SourceType.OTHER.value, _("Other")),
]
LOCATOR_CHOICES = [
    (LocatorLabel.PAGE.value, _("Page")),
    (LocatorLabel.PARAGRAPH.value, _("Paragraph")),
    (LocatorLabel.SECTION.value, _("Section")),
    (LocatorLabel.CHAPTER.value, _("Chapter")),
]
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ACCESSED_FORMAT = "%d.%m.%Y"

#: Only web addresses a reader can safely follow: javascript:, data:, ftp: are refused.
http_url_validator = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://.")
)


def validate_issued(value: str) -> None:
    if value and PartialDate.parse(value) is None:
        raise ValidationError(
            _("Enter the date as YYYY, YYYY-MM or YYYY-MM-DD."), code="invalid_issued"
        )


def validate_doi(value: str) -> None:
    if value and not DOI.match(value.strip()):
        raise ValidationError(_('Enter a DOI such as "10.1234/abc.5678".'), code="invalid_doi")


class SourceBlock(blocks.StructBlock):
    type = blocks.ChoiceBlock(
        choices=SOURCE_TYPE_CHOICES, default=SourceType.WEB_PAGE.value, label=_("Type")
    )
    authors = blocks.TextBlock(
        required=False,
        label=_("Authors"),
        help_text=_('One per line. People as "Family, Given"; an organisation as its full name.'),
    )
    title = blocks.CharBlock(required=False, max_length=500, label=_("Title"))
    container_title = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("Outlet, journal or site"),
    )
    publisher = blocks.CharBlock(required=False, max_length=300, label=_("Publisher"))
    issued = blocks.CharBlock(
        required=False,
        max_length=10,
        validators=[validate_issued],
        label=_("Date published"),
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD"),
    )
    # A CharBlock, not a URLBlock: one clear message for every unsafe or malformed address.
    url = blocks.CharBlock(
        required=False,
        max_length=2000,
        validators=[http_url_validator],
        label=_("Web address (URL)"),
    )
    # Typed the house way (15.03.2023, as the notes print it). The admin's date picker
    # replaces what it cannot read in its format with today's date when the field loses
    # focus, so the widget's format is the one editors type; ISO dates are accepted too.
    accessed = blocks.DateBlock(
        required=False,
        format=ACCESSED_FORMAT,
        input_formats=[ACCESSED_FORMAT, "%Y-%m-%d", "%d/%m/%Y"],
        label=_("Date accessed"),
        help_text=_("DD.MM.YYYY, e.g. 15.03.2023"),
    )
    volume = blocks.CharBlock(required=False, max_length=20, label=_("Volume"))
    issue = blocks.CharBlock(required=False, max_length=20, label=_("Issue"))
    pages = blocks.CharBlock(required=False, max_length=30, label=_("Pages"))
    doi = blocks.CharBlock(required=False, max_length=200, validators=[validate_doi], label="DOI")
    locator = blocks.CharBlock(
        required=False,
        max_length=30,
        label=_("Cited at"),
        help_text=_("The page or paragraph this note cites, e.g. 12 or 12-14."),
    )
    locator_label = blocks.ChoiceBlock(
        choices=LOCATOR_CHOICES,
        default=LocatorLabel.PAGE.value,
        label=_("Cited at (kind)"),
        required=False,
    )

    class Meta:
        icon = "doc-full"
        label = _("Source")
        form_classname = "ap-source-block"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not (value.get("title") or value.get("url") or value.get("container_title")):
            errors["title"] = ValidationError(
                _("A source needs at least a title, an outlet or a URL.")
            )
        accessed = value.get("accessed")
        if accessed and accessed > timezone.localdate():
            errors["accessed"] = ValidationError(
                _("A source cannot have been accessed after today (%(today)s).")
                % {"today": timezone.localdate().strftime(ACCESSED_FORMAT)}
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value
