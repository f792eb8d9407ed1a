"""A stock ``wagtail start`` urls.py with ``i18n_patterns`` appended after Wagtail's
catch-all line, as a host might write it (check ``ankasam_pubs.W003``)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]
urlpatterns += i18n_patterns(path("", include(wagtail_urls)))
