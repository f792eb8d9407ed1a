"""Public URLs of the app: ``path("", include("ankasam_pubs.urls"))`` in the host."""

from django.urls import path, re_path

from .api.urls import urlpatterns as api_urlpatterns
from .seo.feeds import feed_view
from .seo.sitemap import sitemap_part_view, sitemap_view

app_name = "ankasam_pubs"

urlpatterns = [
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap_part_view, name="sitemap_part"),
    # Feeds of a language's analyses (docs/reference/feeds.md); unknown languages,
    # kinds and slugs are answered with 404 by the view.
    re_path(r"^feeds/(?P<language>[-\w]+)/(?P<feed_format>rss|atom)/$", feed_view, name="feed"),
    re_path(
        r"^feeds/(?P<language>[-\w]+)/(?P<kind>[-\w]+)/(?P<slug>[-\w]+)/(?P<feed_format>rss|atom)/$",
        feed_view,
        name="filtered_feed",
    ),
]
# The headless API, when the host has Wagtail's API apps installed (see docs/reference/api.md).
urlpatterns += api_urlpatterns
