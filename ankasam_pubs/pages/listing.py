"""Which analyses an index shows, and the reader's filters: pure query building."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..taxonomy.models import Region, Series, Topic


def current_q(prefix: str = "") -> Q:
    """Not expired, and not past ``expire_at`` (``publish_scheduled`` may be late)."""
    return Q(**{f"{prefix}expired": False}) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": timezone.now()})
    )


def published_analyses(model, *, locale_id: int, within: Page | None = None) -> QuerySet:
    """Live, public, current, non-alias analyses of one locale, newest first.

    ``public()`` drops pages under any view restriction (password, login, groups),
    including restrictions set on an ancestor section; :func:`current_q` drops pages
    whose expiry time has passed even before ``publish_scheduled`` unpublishes them.
    """
    queryset = (
        model.objects.live()
        .public()
        .filter(current_q(), locale_id=locale_id, alias_of__isnull=True)
    )
    if within is not None:
        queryset = queryset.descendant_of(within)
    return queryset.order_by("-publication_date", "-first_published_at", "-pk")


def with_card_data(queryset: QuerySet) -> QuerySet:
    """Everything a listing card shows, fetched in a fixed number of queries."""
    from ..pages.mixins import ANALYSIS_AUTHORS

    return queryset.select_related("series", "lead_image").prefetch_related(
        "topics",
        "lead_image__renditions",
        Prefetch(
            ANALYSIS_AUTHORS,
            queryset=_author_model(queryset.model)
            .objects.select_related("author")
            .order_by("sort_order"),
        ),
    )


def _author_model(page_model):
    from ..pages.mixins import ANALYSIS_AUTHORS

    return page_model._meta.get_field(ANALYSIS_AUTHORS).related_model


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
