"""What the API shows of a set of analyses, read for all of them at once.

A listing response serialises up to ``limit`` analyses. :class:`AnalysisSet` reads
their credits, translations and similar posts with the same batched functions the
HTML pages use (:func:`~ankasam_pubs.authors.credits.credits_for`,
:func:`~ankasam_pubs.translations.live.live_translations_for`,
:func:`~ankasam_pubs.similar.display.similar_posts_for`), so a response costs a fixed
number of queries and follows the same rules, the visibility rule above all; the API
only makes their URLs absolute.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from functools import cached_property

from django.db.models import prefetch_related_objects

from ..authors.credits import AuthorCredit, credits_for
from ..registry import NOTES, notes_model
from ..seo.absolute import site_url
from ..similar.display import SimilarItem, similar_posts_for
from ..translations.live import LanguageVersion, live_translations_for


def absolute_page_url(url: str | None, request) -> str | None:
    """A page URL as Wagtail's ``full_url`` gives it: a relative URL from
    ``page.get_url(request)`` belongs to the request's site."""
    return site_url(url, request)


class AnalysisSet:
    """The analyses of one response; each part is read the first time a field asks."""

    def __init__(self, pages, request):
        self.pages = list(pages)
        self.request = request
        self._prefetched: set[str] = set()
        self.prefetch("locale")

    def prefetch(self, name: str) -> None:
        """Prefetch one relation (``series``, ``topics``, ``regions``, notes)."""
        if name in self._prefetched:
            return
        self._prefetched.add(name)
        groups: dict[type, list] = defaultdict(list)
        for page in self.pages:
            groups[type(page)].append(page)
        for model, pages in groups.items():
            if name == NOTES and notes_model(model) is None:
                continue  # a host's analysis class without notes
            prefetch_related_objects(pages, name)

    def _absolute(self, url: str | None) -> str | None:
        return absolute_page_url(url, self.request)

    @cached_property
    def credits(self) -> dict[int, list[AuthorCredit]]:
        return {
            pk: [dataclasses.replace(c, url=self._absolute(c.url)) for c in credits]
            for pk, credits in credits_for(self.pages).items()
        }

    @cached_property
    def translations(self) -> dict[int, list[LanguageVersion]]:
        return {
            pk: [dataclasses.replace(v, url=self._absolute(v.url)) for v in versions]
            for pk, versions in live_translations_for(self.pages, self.request).items()
        }

    @cached_property
    def similar(self) -> dict[int, list[SimilarItem]]:
        return {
            pk: [dataclasses.replace(item, url=self._absolute(item.url)) for item in items]
            for pk, items in similar_posts_for(self.pages, self.request).items()
        }
