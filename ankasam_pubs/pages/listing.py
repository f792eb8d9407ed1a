"""The reader's filters and search of an index, and what a listing card shows: query
building.

Which analyses an index may list at all is the visibility rule's
(:func:`ankasam_pubs.visibility.published_analyses`); a search only ranks and narrows
that set (:mod:`ankasam_pubs.search`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from ..authors.models import AuthorProfile
from ..registry import ANALYSIS_AUTHORS, credits_model
from ..search.query import in_rank_order, ranked_ids
from ..search.text import query_terms, snippet
from ..taxonomy.models import Region, Series, Topic
from ..text import MAX_SEARCH_LENGTH, plain_text


def with_card_data(queryset: QuerySet) -> QuerySet:
    """Everything a listing card shows, fetched in a fixed number of queries."""
    queryset = queryset.select_related("series", "lead_image").prefetch_related(
        "topics", "lead_image__renditions"
    )
    credits = credits_model(queryset.model)
    if credits is None:  # a host's analysis class without credits
        return queryset
    return queryset.prefetch_related(
        Prefetch(
            ANALYSIS_AUTHORS,
            queryset=credits.objects.select_related("author").order_by("sort_order", "pk"),
        )
    )


#: Each filter: the lookup it applies to the analyses, and the value it counts by.
FILTERS = {
    "series": ("series", "series__slug"),
    "topic": ("topics", "topics__slug"),
    "region": ("regions", "regions__slug"),
    "author": (f"{ANALYSIS_AUTHORS}__author", f"{ANALYSIS_AUTHORS}__author__slug"),
    "year": ("publication_date__year", "publication_date__year"),
}


class AnalysisFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        strip=True,
        label=_("Search"),
        widget=forms.TextInput(attrs={"type": "search", "dir": "auto"}),
    )
    series = forms.ModelChoiceField(
        Series.objects.all(), to_field_name="slug", required=False, label=_("Series")
    )
    topic = forms.ModelChoiceField(
        Topic.objects.all(), to_field_name="slug", required=False, label=_("Topic")
    )
    region = forms.ModelChoiceField(
        Region.objects.all(), to_field_name="slug", required=False, label=_("Region")
    )
    author = forms.ModelChoiceField(
        AuthorProfile.objects.all(), to_field_name="slug", required=False, label=_("Author")
    )
    year = forms.TypedChoiceField(coerce=int, required=False, label=_("Year"), empty_value=None)

    def __init__(self, *args, years: list[int] = (), with_authors: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["maxlength"] = MAX_SEARCH_LENGTH
        if not with_authors:  # a host's analysis class without credits
            del self.fields["author"]
        all_label = _("All")
        for name in ("series", "topic", "region", "author"):
            if name in self.fields:
                self.fields[name].empty_label = all_label
        self.fields["year"].choices = [("", all_label)] + [(y, str(y)) for y in years]

    def show_counts(self, counts: dict[str, dict]) -> None:
        """Offer only the choices with results, each with its count ("Energy (3)").
        Validation is untouched: a chosen value with no results stays valid and shown."""
        all_label = _("All")
        for name, by_value in counts.items():
            chosen = self.cleaned_data.get(name)
            if name == "year":
                options = [(value, str(value)) for value, _label in self.fields[name].choices[1:]]
            else:
                objects = self.fields[name].queryset.filter(slug__in=set(by_value) | _slug(chosen))
                options = [(obj.slug, str(obj)) for obj in objects]
            shown = [("", all_label)]
            for value, label in options:
                key = _key(name, value)
                if by_value.get(key) or key == _key(name, _value(chosen)):
                    shown.append((value, f"{label} ({by_value.get(key, 0)})"))
            self.fields[name].choices = shown


def _slug(obj) -> set[str]:
    return {obj.slug} if obj is not None and hasattr(obj, "slug") else set()


def _value(chosen):
    return getattr(chosen, "slug", chosen)


def _key(name: str, value):
    return int(value) if name == "year" and value not in (None, "") else value


@dataclass
class Listing:
    analyses: PaginatorPage
    form: AnalysisFilterForm
    is_filtered: bool
    querystring: str = ""
    query: str = ""
    has_filters: bool = False
    counts: dict[str, dict] = field(default_factory=dict)


def build_listing(queryset: QuerySet, params, *, page_size: int, language: str = "en") -> Listing:
    """Apply the reader's search and filters (invalid values are reported, not applied),
    count the results by each filter, and paginate.

    ``queryset`` is what the reader may see; a search ranks its matches, best first,
    and otherwise the listing keeps ``queryset``'s order.
    """
    years = [d.year for d in queryset.dates("publication_date", "year", order="DESC")]
    with_authors = credits_model(queryset.model) is not None
    form = AnalysisFilterForm(params, years=years, with_authors=with_authors)
    # A filter with an invalid value is reported by the form and left out; valid ones apply.
    form.is_valid()
    active = {name: value for name, value in form.cleaned_data.items() if value}
    query = active.pop("q", "")
    words = query_terms(query, language) if query else []

    matches = queryset
    ids: list[int] = []
    if query:
        ids = ranked_ids(queryset, query, language)
        matches = queryset.filter(pk__in=ids)

    def narrowed(base: QuerySet, leave_out: str | None = None) -> QuerySet:
        for name, value in active.items():
            if name != leave_out:
                base = base.filter(**{FILTERS[name][0]: value})
        return base

    # Each filter's counts leave that filter out, so a reader sees what choosing
    # another value would give; the others apply.
    counts = {}
    for name in form.fields:
        if name in FILTERS:
            by = FILTERS[name][1]
            rows = (
                narrowed(matches, leave_out=name)
                .order_by()
                .values_list(by)
                .annotate(n=Count("pk", distinct=True))
            )
            counts[name] = {value: n for value, n in rows if value is not None}
    form.show_counts(counts)

    results = narrowed(matches)
    if query:
        results = in_rank_order(results, ids)
    paginator = Paginator(with_card_data(results), page_size)
    analyses = paginator.get_page(params.get("page"))
    if query:
        for analysis in analyses:
            # What a card shows under a search: the passage that matched, marked.
            text = f"{analysis.summary}\n{plain_text(analysis.body.raw_data)}"
            analysis.search_snippet = snippet(text, words, language)
    querystring = params.copy()
    querystring.pop("page", None)
    return Listing(
        analyses=analyses,
        form=form,
        is_filtered=bool(active) or bool(query),
        querystring=querystring.urlencode(),
        query=query,
        has_filters=bool(active),
        counts=counts,
    )
