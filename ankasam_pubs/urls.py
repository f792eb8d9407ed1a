"""Public URLs of the app: ``path("", include("ankasam_pubs.urls"))`` in the host."""

from django.urls import path

from .seo.sitemap import sitemap_view

app_name = "ankasam_pubs"

urlpatterns = [
    path("sitemap.xml", sitemap_view, name="sitemap"),
]
