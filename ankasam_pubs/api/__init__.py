"""A headless read API on Wagtail's API v2: analyses and author profiles.

Optional: its routes exist only when the host installs ``rest_framework`` and
``wagtail.api.v2`` (see :mod:`ankasam_pubs.api.urls` and ``docs/reference/api.md``).
"""
