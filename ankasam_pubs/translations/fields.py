"""Field-by-field translation (django-modeltranslation) that works in a reusable app.

modeltranslation adds one column per configured language (``name_en``, ``name_tr``…).
A reusable app cannot ship migrations with a fixed set of such columns: the host's
languages differ from ours. Our migrations therefore call :func:`translated_fields`,
which expands one field definition into one column per language *of the host that
runs the migration*, exactly as modeltranslation defines them on the model. The
migration state then always matches the models and ``makemigrations --check`` stays
clean whatever ``LANGUAGES`` says. A language added after migrating is reported by
the ``ankasam_pubs.E008`` database check, which names the command that adds it.
"""

from __future__ import annotations

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


def translation_languages() -> list[str]:
    from modeltranslation import settings as mt_settings

    return list(mt_settings.AVAILABLE_LANGUAGES)


def localized_name(name: str, language: str) -> str:
    from modeltranslation.utils import build_localized_fieldname

    return build_localized_fieldname(name, language)


def translated_fields(name: str, field: models.Field) -> list[tuple[str, models.Field]]:
    """The ``(name_<lang>, field)`` pairs modeltranslation adds for ``field``.

    modeltranslation makes every translation column nullable (booleans excepted) and
    otherwise copies the original definition; we do the same so states agree.
    """
    _name, path, args, kwargs = field.deconstruct()
    if not isinstance(field, models.BooleanField):
        kwargs["null"] = True
    pairs = []
    for language in translation_languages():
        pairs.append((localized_name(name, language), field.__class__(*args, **kwargs)))
    return pairs


def add_translated_fields(model_name: str, name: str, field: models.Field) -> list:
    """``AddField`` operations for every language, for use in a later migration."""
    from django.db import migrations

    return [
        migrations.AddField(model_name=model_name, name=localized, field=localized_field)
        for localized, localized_field in translated_fields(name, field)
    ]


def alter_translated_fields(model_name: str, name: str, field: models.Field) -> list:
    """``AlterField`` operations for every language, for use in a later migration."""
    from django.db import migrations

    return [
        migrations.AlterField(model_name=model_name, name=localized, field=localized_field)
        for localized, localized_field in translated_fields(name, field)
    ]


def missing_translation_columns(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """Translation columns our models declare but ``connection``'s tables lack."""
    from django.apps import apps
    from modeltranslation.translator import translator

    app_config = apps.get_app_config("ankasam_pubs")
    missing: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        registered = set(translator.get_registered_models(abstract=False))
        for model in app_config.get_models():
            if model not in registered:
                continue
            table = model._meta.db_table
            if table not in tables:
                continue  # not migrated yet: migrate will create every column
            existing = {
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            }
            options = translator.get_options_for_model(model)
            wanted = [
                localized_name(field_name, language)
                for field_name in options.fields
                for language in translation_languages()
            ]
            absent = [column for column in wanted if column not in existing]
            if absent:
                missing[table] = absent
    return missing


def translated_panels(
    name: str, heading: str | None = None, *, row: bool = True, slug_source: bool = False
):
    """One panel per configured language, side by side in one form.

    Built from the host's languages at call time, never hard-coded. With
    ``slug_source``, typing the default language's value fills the form's ``slug`` (a
    new object's only: an existing slug is an address readers already have).
    """
    from django.conf import settings
    from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel

    class NewSlugSourcePanel(TitleFieldPanel):
        class BoundPanel(TitleFieldPanel.BoundPanel):
            def get_should_apply(self):
                return not (self.instance and self.instance.pk)

    names = dict(settings.LANGUAGES)
    default = settings.LANGUAGE_CODE.split("-")[0]

    def panel(language: str):
        field, label = localized_name(name, language), str(names.get(language, language))
        if slug_source and language == default:
            return NewSlugSourcePanel(field, heading=label, placeholder=False, classname="")
        return FieldPanel(field, heading=label)

    panels = [panel(language) for language in translation_languages()]
    return MultiFieldPanel([FieldRowPanel(panels)] if row else panels, heading=heading)


def shown_language(obj, name: str) -> str | None:
    """The language whose value of ``obj.<name>`` a reader sees now, after fallbacks.

    Lets templates mark a fallback (``lang`` attribute and a visible hint) instead of
    silently mixing languages.
    """
    from django.utils.translation import get_language
    from modeltranslation.utils import resolution_order

    language = (get_language() or "").split("-")[0]
    for code in resolution_order(language):
        if getattr(obj, localized_name(name, code), None):
            return code
    return None
