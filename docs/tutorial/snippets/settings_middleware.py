# The language of each request comes from its address (/en/…, /de/…).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "django.middleware.locale.LocaleMiddleware",
)
# Wagtail's redirects, except that an old address never leads on to a draft or expired page.
MIDDLEWARE[MIDDLEWARE.index("wagtail.contrib.redirects.middleware.RedirectMiddleware")] = (
    "ankasam_pubs.middleware.RedirectMiddleware"
)
