"""The endpoints: analyses (Wagtail's pages endpoint, narrowed) and author profiles.

Wagtail's ``PagesAPIViewSet`` serves every live page of the site minus those whose
view restriction the *request* does not pass. For a publishing API that is not
enough, and :class:`AnalysesAPIViewSet` closes the gaps in one place, its base
queryset (which the ``child_of``, ``descendant_of``, ``ancestor_of`` and
``translation_of`` filters also use to find the page they name):

- it serves only what the visibility rule lets any reader be offered
  (:mod:`ankasam_pubs.visibility`): view restrictions of every kind are excluded
  whoever asks (a logged-in editor or a reader who typed a page's password gets the
  same answers as anyone), aliases are excluded (Wagtail lists them as pages of their
  own), and so are pages past ``expire_at`` before ``publish_scheduled`` runs;
- ``?type=`` may only name analysis page types (Wagtail's would swap in any page model,
  reaching home pages, indexes and forms through this endpoint).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from urllib.parse import unquote, urlencode

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.utils import translation
from django.utils.functional import classproperty
from django.utils.translation import gettext
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import (
    BadRequestError,
    get_full_url,
    page_models_from_string,
    parse_fields_parameter,
)
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.coreutils import resolve_model_string
from wagtail.models import Locale, Page, Site

from ..authors.credits import authors_indexes
from ..authors.models import AuthorProfile
from ..registry import analysis_query_models, credits_model
from ..search.query import in_rank_order, ranked_ids_by_language
from ..text import MAX_SEARCH_LENGTH
from ..visibility import offered
from . import fields
from .data import AnalysisSet, absolute_page_url
from .errors import JsonErrorsMixin


class PubsAPIRouter(WagtailAPIRouter):
    """Wagtail's router, asking each endpoint which models it serves.

    Wagtail matches ``issubclass(model, endpoint.model)``; the analyses endpoint may
    serve several page models, and must never claim other pages (an index page's
    ``detail_url`` would lead to a 404).
    """

    def get_model_endpoint(self, model):
        for name, class_ in self._endpoints.items():
            serves = getattr(class_, "serves_model", None)
            if serves(model) if serves else issubclass(model, class_.model):
                return name, class_
        return None


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?<field>=<value>`` filters; a value the field cannot take (a date
    that is not one, a word for a topic id) is a bad request, not a server error."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(
                gettext("invalid filter value: %(error)s") % {"error": " ".join(error.messages)}
            ) from error
        except ValueError as error:
            raise BadRequestError(
                gettext("invalid filter value: %(error)s") % {"error": error}
            ) from error


class CheckedSearchFilter(BaseFilterBackend):
    """``?search=``: reader search (:mod:`ankasam_pubs.search`) among the analyses the
    other parameters left, each language's pages searched with its own stems, best
    first unless ``?order=`` is given. A search longer than
    :data:`~ankasam_pubs.text.MAX_SEARCH_LENGTH` or an unknown ``search_operator``
    is a bad request; punctuation and operators' syntax are ignored."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if len(query) > MAX_SEARCH_LENGTH:
            raise BadRequestError(
                gettext("search is too long (at most %(count)d characters)")
                % {"count": MAX_SEARCH_LENGTH}
            )
        operator = request.GET.get("search_operator") or "and"
        if operator not in ("and", "or"):
            raise BadRequestError(gettext("search_operator must be 'and' or 'or'"))
        if "\x00" in query:
            raise BadRequestError(gettext("search may not contain NUL characters"))
        ids = ranked_ids_by_language(queryset, query, operator=operator)
        if "order" in request.GET:
            return queryset.filter(pk__in=ids)
        return in_rank_order(queryset, ids)


def _single_valued(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return not (field.many_to_many or field.one_to_many)


class CheckedOrderingFilter(OrderingFilter):
    """``?order=`` only by single-valued fields a client may filter by.

    Wagtail 7 accepts any API field: a computed one fails with a server error, and on
    profiles ``?order=email`` would sort by addresses the API never shows. Ordering by
    a to-many relation (topics, notes) would list a page once per related row.
    """

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if order and order != "random":
            model = queryset.model
            allowed = {
                name
                for name in view.get_available_fields(model, db_fields_only=True)
                if _single_valued(model, name)
            }
            for name in order.split(","):
                if name.lstrip("-") not in allowed:
                    raise BadRequestError(
                        gettext("cannot order by '%(field)s' (unknown field)") % {"field": name}
                    )
        return super().filter_queryset(request, queryset, view)


def _keep_child_of(source, filtered):
    """Carry Wagtail's ``child_of`` marker over a further filter."""
    marker = getattr(source, "_filtered_by_child_of", None)
    if marker is not None:
        filtered._filtered_by_child_of = marker
    return filtered


class AuthorFilter(BaseFilterBackend):
    """``?author=<profile slug>``: analyses crediting that profile, in any role."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("author")
        if slug is None:
            return queryset
        if "\x00" in slug:
            return _keep_child_of(queryset, queryset.none())
        credited = Q(pk__in=[])
        for model in view.get_page_models():
            credits = credits_model(model)
            if credits is not None:
                credited |= Q(pk__in=credits.objects.filter(author__slug=slug).values("page_id"))
        return _keep_child_of(queryset, queryset.filter(credited))


class AnalysesAPIViewSet(JsonErrorsMixin, PagesAPIViewSet):
    """Live, public analyses (no aliases), with credits, notes, translations and
    similar posts; listing newest first."""

    name = "analyses"
    #: Page models served, as "app_label.ModelName"; None: every concrete model built
    #: on AnalysisPageMixin.
    page_models: tuple[str, ...] | None = None

    filter_backends = [
        CheckedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        CheckedOrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        AuthorFilter,
        CheckedSearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["author"])
    body_fields = PagesAPIViewSet.body_fields + [
        "summary",
        "publication_date",
        APIField("series", serializer=fields.TermField()),
        APIField("topics", serializer=fields.TermField(many=True)),
        APIField("regions", serializer=fields.TermField(many=True)),
        APIField("authors", serializer=fields.AuthorsField()),
        "body",
        APIField("notes", serializer=fields.NotesField()),
        APIField("translations", serializer=fields.TranslationsField()),
        APIField("similar_posts", serializer=fields.SimilarPostsField()),
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "summary",
        "publication_date",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._served = None
        self.analysis_set = None

    # -- which pages ---------------------------------------------------------------
    @classmethod
    def get_page_models(cls) -> list[type[Page]]:
        if cls.page_models is not None:
            return [resolve_model_string(label) for label in cls.page_models]
        return analysis_query_models()

    @classproperty
    def model(cls):
        page_models = cls.get_page_models()
        return page_models[0] if len(page_models) == 1 else Page

    @classmethod
    def serves_model(cls, model) -> bool:
        return any(issubclass(model, page_model) for page_model in cls.get_page_models())

    def get_base_queryset(self):
        """Every page a reader may see: Wagtail's (live, in the request's site) made
        public for everyone, without aliases or pages past their expiry time."""
        if self._served is None:
            try:
                pages = super().get_base_queryset()
            except Site.DoesNotExist as error:  # Wagtail 7, ?site= naming no site
                raise Http404("not found") from error
            self._served = offered(pages)
        return self._served

    def get_queryset(self):
        page_models = self.get_page_models()
        requested = self.request.GET.get("type")
        if requested:
            try:
                types = page_models_from_string(requested)
            except (LookupError, ValueError) as error:
                raise BadRequestError("type doesn't exist") from error
            if not all(self.serves_model(model) for model in types):
                raise BadRequestError(
                    gettext("type must be an analysis page type: %(types)s")
                    % {"types": ", ".join(model._meta.label for model in page_models)}
                )
            page_models = list(types)
        served = self.get_base_queryset().values_list("pk", flat=True)
        if len(page_models) == 1:
            return (
                page_models[0]
                .objects.filter(pk__in=served)
                .order_by("-publication_date", "-first_published_at", "-pk")
            )
        return (
            Page.objects.filter(pk__in=served)
            .type(*page_models)
            .order_by("-first_published_at", "-pk")
        )

    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = super().get_object()
        return self._object

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            page = self._page_at(request, request.GET["html_path"])
            return page if page is not None and queryset.filter(pk=page.pk).exists() else None
        try:
            return super().find_object(queryset, request)
        except (ValueError, ValidationError):  # ?id=abc
            return None

    @staticmethod
    def _page_at(request, path: str):
        """The page an HTML path names, with or without its language prefix ("/tr/...")
        as the site's pages are served: the prefix picks that language's tree."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        # meta.html_url is percent-encoded (a Russian slug); routing wants what a served
        # request's path holds, the decoded text.
        components = [component for component in unquote(path).split("/") if component]
        root = site.root_page
        codes = {code for code, _name in settings.LANGUAGES}
        if components and components[0] in codes:
            locale = Locale.objects.filter(language_code=components[0]).first()
            translated = root.get_translation_or_none(locale) if locale else None
            if translated is None:
                return None
            root, components = translated, components[1:]
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page

    # -- serialising ---------------------------------------------------------------
    def get_serializer_class(self):
        if self.action == "listing_view":
            model = self.get_queryset().model
            if not self.serves_model(model):  # several page models: their shared fields
                model = self.get_page_models()[0]
            show_details = False
        else:
            model = type(self.get_object())
            show_details = True
        fields_config = []
        if "fields" in self.request.GET:
            try:
                fields_config = parse_fields_parameter(self.request.GET["fields"])
            except ValueError as error:
                raise BadRequestError(f"fields error: {error}") from error
        return self._get_serializer_class(
            self.request.wagtailapi_router, model, fields_config, show_details=show_details
        )

    def _specific(self, pages) -> list:
        """The results as their own page classes (one query per class if they are not)."""
        pages = list(pages)
        if all(self.serves_model(type(page)) for page in pages):
            return pages
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()
        }
        return [specific[page.pk] for page in pages if page.pk in specific]

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        pages = self._specific(self.paginate_queryset(queryset))
        self.analysis_set = AnalysisSet(pages, request)
        serializer = self.get_serializer(pages, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        page = self.get_object()
        self.analysis_set = AnalysisSet([page], request)
        return Response(self.get_serializer(page).data)


class ProfileSet:
    """What the authors endpoint adds to one response's profiles, in one language."""

    def __init__(self, profiles, request, language: str):
        self.profiles = list(profiles)
        self.request = request
        self.language = language

    @cached_property
    def locale(self) -> Locale | None:
        return Locale.objects.filter(language_code=self.language).first()

    @cached_property
    def urls(self) -> dict[int, str]:
        """Profile pages on the language's authors index (none if it has no index)."""
        if self.locale is None or not self.profiles:
            return {}
        index = authors_indexes([self.locale.pk]).get(self.locale.pk)
        if index is None:
            return {}
        return {
            profile.pk: absolute_page_url(index.profile_url(profile), self.request)
            for profile in self.profiles
        }

    @cached_property
    def analyses_counts(self) -> Counter:
        """Analyses the analyses endpoint lists for each profile in this language."""
        counts: Counter = Counter()
        if self.locale is None or not self.profiles:
            return counts
        served = (
            AnalysesAPIViewSet(request=self.request)
            .get_base_queryset()
            .filter(locale=self.locale)
            .values("pk")
        )
        ids = [profile.pk for profile in self.profiles]
        for model in AnalysesAPIViewSet.get_page_models():
            credits = credits_model(model)
            if credits is None:
                continue
            rows = (
                credits.objects.filter(author_id__in=ids, page_id__in=served)
                .values("author_id")
                .annotate(analyses=Count("page_id", distinct=True))
            )
            for row in rows:
                counts[row["author_id"]] += row["analyses"]
        return counts

    @cached_property
    def _analyses_listing(self) -> str | None:
        router = self.request.wagtailapi_router
        page_models = AnalysesAPIViewSet.get_page_models()
        path = router.get_model_listing_urlpath(page_models[0]) if page_models else None
        return get_full_url(self.request, path) if path else None

    def analyses_url(self, profile) -> str | None:
        """The analyses endpoint's listing of this profile's analyses in this language."""
        if self._analyses_listing is None:
            return None
        query = urlencode({"author": profile.slug, "locale": self.language})
        return f"{self._analyses_listing}?{query}"


class AuthorsAPIViewSet(JsonErrorsMixin, BaseAPIViewSet):
    """Current staff's author profiles (``is_active``), translated fields in ``?lang=``."""

    name = "authors"
    model = AuthorProfile
    filter_backends = [CheckedFieldsFilter, CheckedOrderingFilter]
    known_query_parameters = (
        BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}
    ) | {"lang"}
    #: The only model fields a client may filter or order by: never the e-mail
    #: address (hidden unless shown on the profile), nor the linked user.
    filter_fields = ("id", "slug", "orcid", "sort_name")
    body_fields = BaseAPIViewSet.body_fields + [
        "slug",
        "display_name",
        "sort_name",
        "position",
        "short_bio",
        "bio",
        "affiliation",
        "languages",
        "orcid",
        APIField("links", serializer=fields.LinksField()),
        APIField("email", serializer=fields.PublicEmailField()),
        APIField("expertise", serializer=fields.ExpertiseField()),
        APIField("url", serializer=fields.ProfileUrlField()),
        APIField("analyses_count", serializer=fields.AnalysesCountField()),
        APIField("analyses_url", serializer=fields.AnalysesUrlField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "slug",
        "display_name",
        "position",
        "url",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile_set = None

    @classmethod
    def serves_model(cls, model) -> bool:
        return issubclass(model, AuthorProfile)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        available = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            available = [name for name in available if name in cls.filter_fields]
        return available

    def get_queryset(self):
        return (
            AuthorProfile.objects.filter(is_active=True)
            .prefetch_related("expertise")
            .order_by("sort_name", "pk")
        )

    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = super().get_object()
        return self._object

    def find_object(self, queryset, request):
        try:
            return super().find_object(queryset, request)
        except (ValueError, ValidationError):
            return None

    def get_language(self) -> str:
        """``?lang=``, one of the site's LANGUAGES; the site's LANGUAGE_CODE if absent."""
        codes = [code for code, _name in settings.LANGUAGES]
        language = self.request.GET.get("lang") or settings.LANGUAGE_CODE
        if language not in codes:
            raise BadRequestError(
                gettext("lang must be one of the site's languages: %(languages)s")
                % {"languages": ", ".join(codes)}
            )
        return language

    def listing_view(self, request):
        language = self.get_language()
        with translation.override(language):
            queryset = self.get_queryset()
            self.check_query_parameters(queryset)
            queryset = self.filter_queryset(queryset)
            profiles = list(self.paginate_queryset(queryset))
            self.profile_set = ProfileSet(profiles, request, language)
            serializer = self.get_serializer(profiles, many=True)
            return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        language = self.get_language()
        with translation.override(language):
            profile = self.get_object()
            self.profile_set = ProfileSet([profile], request, language)
            return Response(self.get_serializer(profile).data)


def build_router(namespace: str) -> PubsAPIRouter:
    router = PubsAPIRouter(namespace)
    router.register_endpoint("analyses", AnalysesAPIViewSet)
    router.register_endpoint("authors", AuthorsAPIViewSet)
    return router
