"""Keep the similar-posts tables in step with the qualifying analyses.

``rebuild(locale)`` recomputes a language from scratch; ``update(locale, page_ids)``
re-reads the given pages (published, changed, unpublished, made private, moved or
deleted: the pages decide by whether they still qualify) and edits only the lists
they touch. Both run in one transaction, so readers see the old lists or the new.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Locale, Page

from ..conf import pubs_settings
from . import engine
from .documents import collect, params
from .models import (
    SimilarityCorpus,
    SimilarityDocument,
    SimilarPost,
    SimilarPostExclusion,
    SimilarPostPin,
)

Progress = Callable[[str, int, int], None]

#: Sent after the commit that changed what some analyses show as similar posts, with
#: ``page_ids`` (a set): the front-end cache purge listens (ankasam_pubs.caching).
similar_lists_changed = Signal()


def _shown(page_ids: Iterable[int] | None, locale_id: int) -> dict[int, list[int]]:
    """The stored lists (similar page ids in rank order) of some pages or a language."""
    rows = SimilarPost.objects.order_by("page_id", "rank")
    if page_ids is None:
        rows = rows.filter(page__locale_id=locale_id)
    else:
        rows = rows.filter(page_id__in=page_ids)
    shown: dict[int, list[int]] = defaultdict(list)
    for page_id, similar_id in rows.values_list("page_id", "similar_id"):
        shown[page_id].append(similar_id)
    return shown


def _announce(before: dict[int, list[int]], lists: dict[int, list[engine.Choice]]) -> None:
    after = {key: [choice.key for choice in choices] for key, choices in lists.items()}
    changed = {
        key for key in before.keys() | after.keys() if before.get(key, []) != after.get(key, [])
    }
    if changed:
        # Sent in the transaction that writes the lists: a receiver that must change
        # with them (the caches' generation) does; one that must wait for the commit
        # (a front-end purge) asks for it.
        similar_lists_changed.send(sender=SimilarPost, page_ids=changed)


def _dumps(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _editor_choices(page_ids: Iterable[int], locale_id: int):
    """Pins (ordered) and exclusions of ``page_ids``, as page ids of ``locale_id``.

    Editors may pick any language version; each list uses the version in its own
    language, so a translated page keeps its source's pins.
    """
    page_ids = list(page_ids)
    pins = list(
        SimilarPostPin.objects.filter(page_id__in=page_ids)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "analysis__translation_key")
    )
    exclusions = list(
        SimilarPostExclusion.objects.filter(page_id__in=page_ids).values_list(
            "page_id", "analysis__translation_key"
        )
    )
    keys = {key for _page, key in pins + exclusions}
    local = (
        dict(
            Page.objects.filter(locale_id=locale_id, translation_key__in=keys).values_list(
                "translation_key", "pk"
            )
        )
        if keys
        else {}
    )
    pinned: dict[int, list[int]] = defaultdict(list)
    excluded: dict[int, set[int]] = defaultdict(set)
    for page, key in pins:
        if key in local:
            pinned[page].append(local[key])
    for page, key in exclusions:
        if key in local:
            excluded[page].add(local[key])
    return pinned, excluded


def _choose(keys: Iterable[int], documents: dict[int, engine.Indexed], locale_id, p):
    keys = list(keys)
    pinned, excluded = _editor_choices(keys, locale_id)
    return {
        key: engine.select(
            documents[key],
            documents[key].reserve,
            documents,
            p,
            pins=pinned.get(key, ()),
            excluded=excluded.get(key, ()),
        )
        for key in keys
    }


def _post_rows(lists: dict[int, list[engine.Choice]]) -> list[SimilarPost]:
    return [
        SimilarPost(
            page_id=key,
            similar_id=choice.key,
            rank=rank,
            score=round(choice.score, 6),
            pinned=choice.pinned,
            version=engine.ALGORITHM_VERSION,
        )
        for key, choices in lists.items()
        for rank, choice in enumerate(choices, start=1)
    ]


def _document_row(doc: engine.Indexed, locale_id: int) -> SimilarityDocument:
    return SimilarityDocument(
        page_id=doc.key,
        locale_id=locale_id,
        published=datetime.date.fromordinal(doc.date) if doc.date else None,
        data=_dumps(doc.to_json()),
        reserve=_dumps([[k, round(s, 6)] for k, s in doc.reserve]),
        version=engine.ALGORITHM_VERSION,
    )


def _stage(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def rebuild(locale: Locale | int, progress: Progress | None = None) -> int:
    """Recompute every list of one language; returns how many analyses qualify."""
    locale_id = locale if isinstance(locale, int) else locale.pk
    p = params()
    _stage(progress, "read", 0, 1)
    documents = collect(locale_id)
    _stage(progress, "read", 1, 1)
    stats, indexed = engine.build(documents, p, progress)
    by_key = {doc.key: doc for doc in indexed}
    lists = _choose(by_key, by_key, locale_id, p)
    _stage(progress, "write", 0, 1)
    with transaction.atomic():
        _announce(_shown(None, locale_id), lists)
        SimilarPost.objects.filter(page__locale_id=locale_id).delete()
        SimilarityDocument.objects.filter(locale_id=locale_id).delete()
        SimilarityDocument.objects.bulk_create(
            [_document_row(doc, locale_id) for doc in indexed], batch_size=500
        )
        SimilarPost.objects.bulk_create(_post_rows(lists), batch_size=1000)
        SimilarityCorpus.objects.update_or_create(
            locale_id=locale_id,
            defaults={
                "documents": stats.documents,
                "frequencies": _dumps(dict(sorted(stats.df.items()))),
                "version": engine.ALGORITHM_VERSION,
                "built_at": timezone.now(),
            },
        )
    _stage(progress, "write", 1, 1)
    return len(indexed)


class _Reserves:
    """Stored reserves, parsed only for the documents an update touches.

    An update reads every document of the language; parsing each reserve would cost
    more than the rest of the update. The stored JSON is searched as text first.
    """

    def __init__(self, documents: dict[int, engine.Indexed], raw: dict[int, str]):
        self.documents = documents
        self.raw = raw

    def get(self, key: int) -> list:
        text = self.raw.pop(key, None)
        if text is not None:
            self.documents[key].reserve = [(k, s) for k, s in json.loads(text)]
        return self.documents[key].reserve

    def holds(self, key: int, other: int) -> bool:
        text = self.raw.get(key)
        if text is not None:
            return f"[{other}," in text
        return any(k == other for k, _s in self.documents[key].reserve)


def _load(locale_id: int) -> tuple[dict[int, engine.Indexed], _Reserves]:
    rows = list(
        SimilarityDocument.objects.filter(locale_id=locale_id).values_list(
            "page_id", "data", "reserve"
        )
    )
    # One parse for the whole language is much faster than one per document.
    data = json.loads("[" + ",".join(row[1] for row in rows) + "]")
    documents = {
        row[0]: engine.Indexed.from_json(row[0], item) for row, item in zip(rows, data, strict=True)
    }
    return documents, _Reserves(documents, {row[0]: row[2] for row in rows})


def update(locale: Locale | int, page_ids: Iterable[int]) -> dict[str, int]:
    """Bring the lists up to date after ``page_ids`` changed in any way.

    A page that qualifies is (re)scored against the corpus: it gets its own list and
    enters every list where it now beats the last reserve entry. A page that no
    longer qualifies (or no longer exists) leaves every list. IDF weights come from
    the last full rebuild, so a new page is weighed like the corpus it joins; once the
    number of analyses has moved from that rebuild's by more than
    ``SIMILAR_POSTS_REBUILD_DRIFT``, the update is a full rebuild instead.
    """
    locale_id = locale if isinstance(locale, int) else locale.pk
    page_ids = sorted(set(page_ids))
    with transaction.atomic():
        corpus = SimilarityCorpus.objects.filter(locale_id=locale_id).first()
        if corpus is None or corpus.version != engine.ALGORITHM_VERSION:
            count = rebuild(locale_id)
            return {"rebuilt": count, "changed": len(page_ids), "lists": count}
        return _update(locale_id, corpus, page_ids)


def _update(locale_id: int, corpus: SimilarityCorpus, page_ids: list[int]) -> dict[str, int]:
    p = params()
    fresh = {doc.key: doc for doc in collect(locale_id, page_ids)}
    gone = {key for key in page_ids if key not in fresh}
    documents, reserves = _load(locale_id)
    for key in gone | set(fresh):
        documents.pop(key, None)
        reserves.raw.pop(key, None)
    if engine.weights_drifted(
        corpus.documents, len(documents) + len(fresh), pubs_settings.SIMILAR_POSTS_REBUILD_DRIFT
    ):
        count = rebuild(locale_id)
        return {"rebuilt": count, "changed": len(page_ids), "lists": count}
    dirty: set[int] = set()

    if gone:
        for doc in documents.values():
            if any(reserves.holds(doc.key, k) for k in gone):
                doc.reserve = [(k, s) for k, s in reserves.get(doc.key) if k not in gone]
                dirty.add(doc.key)
        # A pinned page that stops qualifying leaves lists it was pinned to.
        dirty.update(
            SimilarPost.objects.filter(similar_id__in=gone)
            .values_list("page_id", flat=True)
            .distinct()
        )

    if fresh:
        stats = engine.Stats(corpus.documents, Counter(json.loads(corpus.frequencies)))
        index = engine.Index(list(documents.values()), p)
        reserves.documents = index.documents  # the same objects, plus the fresh ones
        for key, document in fresh.items():
            (counted,) = engine.count([document], p)
            doc = engine.index_document(counted, stats, p)
            index.documents[key] = doc
            doc.inferred, scores = index.scores_against(doc)
            doc.reserve = engine.top(((k, forward) for k, (forward, _back) in scores.items()), p)
            dirty.add(key)
            for other in index.documents.values():
                if other.key == key:
                    continue
                back = scores.get(other.key, (0.0, 0.0))[1]
                if back < p.min_score and not reserves.holds(other.key, key):
                    continue  # neither in its reserve nor good enough to enter it
                reserve = reserves.get(other.key)
                present = any(k == key for k, _s in reserve)
                qualifies = back >= p.min_score and (
                    len(reserve) < p.reserve or (-back, key) < (-reserve[-1][1], reserve[-1][0])
                )
                if present or qualifies:
                    other.reserve = engine.merge_reserve(
                        reserve, key, back if back >= p.min_score else None, p
                    )
                    dirty.add(other.key)
        documents = index.documents
        # Pages that pin one of the fresh pages (in any language) show it now.
        keys = Page.objects.filter(pk__in=fresh).values("translation_key")
        dirty.update(
            SimilarPostPin.objects.filter(analysis__translation_key__in=keys).values_list(
                "page_id", flat=True
            )
        )

    dirty &= documents.keys()
    for key in dirty:
        reserves.get(key)
    lists = _choose(dirty, documents, locale_id, p)
    # Lists of pages that hold a gone page are all in ``dirty`` (reserve or pin).
    _announce(_shown(dirty | gone, locale_id), lists)
    SimilarPost.objects.filter(page_id__in=dirty | gone).delete()
    SimilarPost.objects.filter(similar_id__in=gone).delete()
    SimilarityDocument.objects.filter(page_id__in=gone | set(fresh)).delete()
    SimilarityDocument.objects.bulk_create([_document_row(documents[k], locale_id) for k in fresh])
    changed_reserves = [_document_row(documents[k], locale_id) for k in sorted(dirty - set(fresh))]
    SimilarityDocument.objects.bulk_update(changed_reserves, ["reserve"], batch_size=500)
    SimilarPost.objects.bulk_create(_post_rows(lists), batch_size=1000)
    return {"rebuilt": 0, "changed": len(page_ids), "lists": len(lists)}


def rebuild_all(progress: Progress | None = None) -> dict[str, int]:
    return {
        locale.language_code: rebuild(locale, progress)
        for locale in Locale.objects.order_by("language_code")
    }
