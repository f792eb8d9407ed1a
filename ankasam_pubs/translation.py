"""django-modeltranslation registrations (autodiscovered by modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .authors.models import AuthorProfile
from .taxonomy.models import Region, Series, Topic


class TaxonomyTranslation(TranslationOptions):
    fields = ("name", "description")


register(Series)(TaxonomyTranslation)
register(Topic)(TaxonomyTranslation)
register(Region)(TaxonomyTranslation)


@register(AuthorProfile)
class AuthorProfileTranslation(TranslationOptions):
    fields = ("display_name", "position", "short_bio", "bio", "languages", "affiliation")
