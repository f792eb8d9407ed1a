"""The reader's filters of an index and what a listing card shows: query building.

Which analyses an index may list at all is the visibility rule's
(:func:`ankasam_pubs.visibility.published_analyses`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from ..registry import ANALYSIS_AUTHORS, credits_model
from ..taxonomy.models import Region, Series, Topic


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


class AnalysisFilterForm(forms.Form):
    series = forms.ModelChoiceField(
        Series.objects.all(), to_field_name="slug", required=False, label=_("Series")
    )
    topic = forms.ModelChoiceField(
        Topic.objects.all(), to_field_name="slug", required=False, label=_("Topic")
    )
    region = forms.ModelChoiceField(
        Region.objects.all(), to_field_name="slug", required=False, label=_("Region")
    )
    year = forms.TypedChoiceField(coerce=int, required=False, label=_("Year"), empty_value=None)

    def __init__(self, *args, years: list[int] = (), **kwargs):
        super().__init__(*args, **kwargs)
        all_label = _("All")
        for name in ("series", "topic", "region"):
            self.fields[name].empty_label = all_label
        self.fields["year"].choices = [("", all_label)] + [(y, str(y)) for y in years]


@dataclass
class Listing:
    analyses: PaginatorPage
    form: AnalysisFilterForm
    is_filtered: bool
    querystring: str = ""


def build_listing(queryset: QuerySet, params, *, page_size: int) -> Listing:
    """Apply the reader's filters (invalid values are reported, not applied) and paginate."""
    years = [d.year for d in queryset.dates("publication_date", "year", order="DESC")]
    form = AnalysisFilterForm(params, years=years)
    # A filter with an invalid value is reported by the form and left out; valid ones apply.
    form.is_valid()
    active = {name: value for name, value in form.cleaned_data.items() if value}
    if "series" in active:
        queryset = queryset.filter(series=active["series"])
    if "topic" in active:
        queryset = queryset.filter(topics=active["topic"])
    if "region" in active:
        queryset = queryset.filter(regions=active["region"])
    if "year" in active:
        queryset = queryset.filter(publication_date__year=active["year"])

    paginator = Paginator(with_card_data(queryset), page_size)
    analyses = paginator.get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return Listing(
        analyses=analyses,
        form=form,
        is_filtered=bool(active),
        querystring=query.urlencode(),
    )
