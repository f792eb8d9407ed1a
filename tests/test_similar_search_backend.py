"""The Elasticsearch/OpenSearch backend, against recorded request/response pairs.

No search server can run where these tests run, so the backend's requests are checked
against recordings (tests/recordings/similar_search.json) and the recorded responses
are fed back: the queries it sends and how it handles the hits are both tested.
"""

import json
from pathlib import Path

import pytest

from ankasam_pubs.similar import service
from ankasam_pubs.similar.backends import search
from ankasam_pubs.similar.backends.search import SearchBackend, http_transport
from ankasam_pubs.similar.models import SimilarPost
from tests.factories import analysis, paragraphs

RECORDINGS = Path(__file__).parent / "recordings" / "similar_search.json"


def fill(value, names: dict[str, str]):
    """The recording with its {placeholders} replaced (ids keep their JSON type)."""
    if isinstance(value, str):
        if value.startswith("{") and value.endswith("}") and value[1:-1] in names:
            return names[value[1:-1]]
        for key, replacement in names.items():
            value = value.replace("{" + key + "}", str(replacement))
        return value
    if isinstance(value, list):
        return [fill(item, names) for item in value]
    if isinstance(value, dict):
        return {fill(k, names): fill(v, names) for k, v in value.items()}
    return value


class Recorded:
    """A transport that answers only the recorded requests, each exactly as recorded."""

    def __init__(self, names):
        pairs = json.loads(RECORDINGS.read_text())["pairs"]
        self.pairs = [fill(pair, names) for pair in pairs]
        self.sent = []

    def __call__(self, method, path, body):
        self.sent.append((method, path, body))
        for pair in self.pairs:
            request = pair["request"]
            if (request["method"], request["path"], request["body"]) == (method, path, body):
                return pair["response"]
        raise AssertionError(f"unrecorded request: {method} {path} {json.dumps(body)}")


@pytest.fixture
def pages(tree):
    index = tree["index"]["en"]
    return {
        "energy": analysis(index, "Gas", body=paragraphs("<p>gas pipelines winter</p>")),
        "energy2": analysis(index, "Storage", body=paragraphs("<p>gas storage winter</p>")),
        "water": analysis(index, "Water", body=paragraphs("<p>rivers drought</p>")),
        "draft": analysis(index, "Gas draft", live=False),
    }


@pytest.fixture
def recorded(pages, tree, settings, monkeypatch):
    conventions = search.index_conventions()
    names = {key: str(page.pk) for key, page in pages.items()}
    names["locale"] = tree["locales"]["en"].pk
    prefix = "" if "modelsearch" in conventions["content_type"] else "wagtail"
    names["index"] = conventions["index"].format(prefix=prefix)
    names["content_type_field"] = conventions["content_type"]
    transport = Recorded(names)
    settings.ANKASAM_PUBS = {
        "SIMILAR_POSTS_BACKEND": "tests.test_similar_search_backend.RecordedBackend"
    }
    RecordedBackend.transport_for_tests = transport
    return transport


class RecordedBackend(SearchBackend):
    transport_for_tests = None

    def __init__(self):
        super().__init__(transport=self.transport_for_tests)


def shown(page):
    return list(
        SimilarPost.objects.filter(page=page).order_by("rank").values_list("similar_id", flat=True)
    )


def test_rebuild_asks_one_more_like_this_query_per_qualifying_page(pages, tree, recorded):
    service.rebuild(tree["locales"]["en"])
    asked = [
        body["query"]["bool"]["must"][0]["more_like_this"]["like"][0]["_id"]
        for _m, _p, body in recorded.sent
    ]
    assert sorted(asked) == sorted(str(pages[k].pk) for k in ("energy", "energy2", "water"))
    # Hits that do not qualify here (a draft the index still holds, a foreign
    # document id) never reach a list; scores are scaled to the best hit.
    assert shown(pages["energy"]) == [pages["energy2"].pk, pages["water"].pk]
    first, second = SimilarPost.objects.filter(page=pages["energy"]).order_by("rank")
    # No shared taxonomy and the same date: the scaled hit scores are the scores.
    assert first.score == pytest.approx(1.0, rel=0.01)
    assert second.score == pytest.approx(0.2, rel=0.01)
    assert shown(pages["water"]) == []
    assert not SimilarPost.objects.filter(similar=pages["draft"]).exists()


def test_an_incremental_update_asks_for_the_changed_page_only(pages, tree, recorded):
    service.rebuild(tree["locales"]["en"])
    recorded.sent.clear()
    service.update(tree["locales"]["en"], [pages["energy2"].pk])
    assert len(recorded.sent) == 1
    assert shown(pages["energy2"]) == [pages["energy"].pk]


def test_http_transport_refuses_other_schemes():
    with pytest.raises(ValueError, match="http or https"):
        http_transport("file:///etc/passwd")


def test_index_conventions_follow_the_installed_wagtail(monkeypatch):
    monkeypatch.setattr(search.importlib.util, "find_spec", lambda name: object())
    assert search.index_conventions()["content_type"] == "_django_content_type"
    monkeypatch.setattr(search.importlib.util, "find_spec", lambda name: None)
    assert search.index_conventions() == {
        "index": "{prefix}__wagtailcore_page",
        "content_type": "content_type",
    }
