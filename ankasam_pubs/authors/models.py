"""Author profiles, one row per person, translated field by field."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from ..text import ascii_slug
from ..translations.fields import localized_name, shown_language, translation_languages
from .identity import initials, normalise_orcid, validate_links, validate_orcid, web_links


class AuthorRole(models.TextChoices):
    """What a person did for an analysis; a translator is credited, not cited."""

    AUTHOR = "author", _("Author")
    CO_AUTHOR = "co-author", _("Co-author")
    TRANSLATOR = "translator", _("Translator")
    EDITOR = "editor", _("Editor")


#: The roles a byline names after the person ("Anna Schmidt (translator)"); an author or
#: co-author is named alone.
BYLINE_ROLES = {AuthorRole.TRANSLATOR: _("translator"), AuthorRole.EDITOR: _("editor")}


def byline_role(role: str) -> str:
    """What a byline says after a person's name for ``role``: empty for an author."""
    return str(BYLINE_ROLES.get(role, ""))


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
    short_bio = models.TextField(
        _("short biography"), blank=True, help_text=_("Two or three sentences for the author box.")
    )
    bio = models.TextField(
        _("full biography"),
        blank=True,
        help_text=_("For the profile page; paragraphs separated by a blank line."),
    )
    expertise = models.ManyToManyField(
        "ankasam_pubs.Topic", blank=True, related_name="+", verbose_name=_("areas of expertise")
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("e.g. Turkish, English")
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=200,
        blank=True,
        help_text=_("Empty means the publishing centre itself."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    show_email = models.BooleanField(
        _("show the e-mail address on the profile page"), default=False
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=37,
        blank=True,
        validators=[validate_orcid],
        help_text=_("e.g. 0000-0002-1825-0097; the check digit is verified."),
    )
    links = models.TextField(
        _("personal and social links"),
        blank=True,
        validators=[validate_links],
        help_text=_("One web address per line (personal site, X, LinkedIn…)."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wagtail user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text=_("Optional: links the profile to the person's admin account."),
    )
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
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def free_slug(self) -> str:
        """An unused ASCII slug made from the name (the default language's first, else
        the first language that has one; Turkish letters and Cyrillic transliterated),
        "author" if there is none; "-2", "-3"… if taken."""
        languages = [settings.LANGUAGE_CODE.split("-")[0]] + translation_languages()
        names = [getattr(self, localized_name("display_name", code), "") for code in languages]
        stems = (ascii_slug(name or "")[:90].strip("-") for name in [*names, self.display_name])
        stem = next((stem for stem in stems if stem), "author")
        taken = set(
            type(self)
            .objects.filter(slug__startswith=stem)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = stem, 1
        while slug in taken:
            n += 1
            slug = f"{stem}-{n}"
        return slug

    def clean(self):
        super().clean()
        if self.orcid:
            self.orcid = normalise_orcid(self.orcid)
            # One person, one profile: a second profile would split their bylines.
            other = AuthorProfile.objects.filter(orcid=self.orcid).exclude(pk=self.pk).first()
            if other is not None:
                raise ValidationError(
                    {
                        "orcid": _(
                            "The profile “%(name)s” already has this ORCID iD: one person "
                            "has one profile. Credit that profile instead."
                        )
                        % {"name": other}
                    }
                )

    @property
    def initials(self) -> str:
        return initials(self.display_name)

    @property
    def link_list(self) -> list[str]:
        return web_links(self.links)

    @property
    def short_bio_language(self) -> str | None:
        """Language of the short biography shown now (differs from the reader's on fallback)."""
        return shown_language(self, "short_bio")

    @property
    def full_bio(self) -> str:
        """The full biography, or the short one when no full one is written."""
        return self.bio or self.short_bio
