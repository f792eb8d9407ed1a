"""Translations: live language versions of pages, and field-by-field translated rows."""
