import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made
# by the tests themselves (not by the live server thread) must still be allowed.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tree(db):
    from tests.factories import site_tree

    return site_tree()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Rendered fragments must never leak from one test's database into another's."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Requests to /tr/ or /ru/ activate that language for the thread: reset it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_pending_similar_updates():
    """Similar-posts updates queued by a test whose transaction never commits must not
    go out with the next test's (they are kept per thread until the commit)."""
    from ankasam_pubs.similar import tasks

    tasks._pending.pages = None
    yield
    tasks._pending.pages = None


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what runs after a real commit (similar-posts tasks, cache purges)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
