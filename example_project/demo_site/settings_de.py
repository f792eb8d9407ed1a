"""The example site as a host with other languages (English and German).

Used by the tests to prove the app's migrations adapt to any language set.
"""

from .settings import *  # noqa: F403

LANGUAGES = [("en", "English"), ("de", "Deutsch")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
