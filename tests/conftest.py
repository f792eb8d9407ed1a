import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

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


@pytest.fixture
def authors_index(tree):
    """Authors index pages in English and Turkish (none in Russian)."""
    from ankasam_pubs.models import AuthorIndexPage
    from tests.factories import translate

    en = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="authors", locale=tree["locales"]["en"])
    )
    en.save_revision().publish()
    tr = translate(en, tree["locales"]["tr"], title="Uzmanlar", slug="yazarlar")
    return {"en": en, "tr": tr}


@pytest.fixture
def no_network(monkeypatch):
    """The importer never opens a connection (it downloads nothing; an external entity
    or DTD would): any attempt fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


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


@pytest.fixture(scope="session")
def wheel(tmp_path_factory):
    """The package's wheel, built once for the tests that install it (test_wheel.py,
    test_tutorial.py)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)],
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
        capture_output=True,
        timeout=900,
    )
    [built] = out.glob("ankasam_pubs-*.whl")
    return built


# -- the no-500 property tests' count of inputs, in pytest's summary --------------------
# With pytest-xdist each process counts its own: workers hand theirs to the controller.
NO_500_MODULE = "tests.security.test_no_server_errors"
_inputs_from_workers: Counter = Counter()


def _inputs_here() -> Counter:
    module = sys.modules.get(NO_500_MODULE)  # not imported: none of its tests ran here
    return Counter(module.INPUTS) if module else Counter()


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # an xdist worker
        session.config.workeroutput["no_500_inputs"] = dict(_inputs_here())


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    _inputs_from_workers.update(getattr(node, "workeroutput", {}).get("no_500_inputs", {}))


def pytest_terminal_summary(terminalreporter):
    inputs = _inputs_here() + _inputs_from_workers
    if inputs:
        total, each = sum(inputs.values()), dict(sorted(inputs.items()))
        terminalreporter.write_line(f"no-500 property tests: {total} requests: {each}")
