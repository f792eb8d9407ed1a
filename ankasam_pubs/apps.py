from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnkasamPubsConfig(AppConfig):
    name = "ankasam_pubs"
    label = "ankasam_pubs"
    verbose_name = _("Publications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .caching import signals as caching_signals
        from .search import signals as search_signals
        from .similar import signals as similar_signals

        similar_signals.connect()
        caching_signals.connect()
        search_signals.connect()
