from django.conf.urls.i18n import i18n_patterns

urlpatterns += [path("", include("ankasam_pubs.urls"))]  # /sitemap.xml for every language
urlpatterns += i18n_patterns(path("", include(wagtail_urls)))
