"""An empty urlconf: set on API requests that end in a 404 so that Django's
``LocaleMiddleware`` does not redirect them to a language-prefixed page
(see :func:`ankasam_pubs.api.errors.keep_address`)."""

urlpatterns: list = []
