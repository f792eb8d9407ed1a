"""Wagtail hooks: snippets for taxonomies and author profiles, admin views and panels,
and the serving side of the visibility rule (expired pages)."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.html import json_script
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.slug import SlugInput
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .authors.forms import profile_creation_form
from .authors.models import AuthorProfile
from .authors.panels import MyAnalysesPanel
from .footnotes.editor import register_feature as register_note_reference_feature
from .footnotes.views import paste_legacy_notes
from .registry import PubsPage, analyses_using
from .taxonomy.models import Region, Series, Topic
from .text import isolate
from .translations.fields import translated_panels
from .translations.status import untranslated_from
from .visibility import is_current


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.panels = [
            translated_panels("name", heading=_("Name")),
            FieldPanel("slug"),
            translated_panels("description", heading=_("Description"), row=False),
        ]


class SeriesViewSet(TaxonomyViewSet):
    model = Series
    icon = "folder-open-inverse"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.panels = [*self.panels, FieldPanel("is_report")]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"


class AuthorProfileChooserViewSet(SnippetChooserViewSet):
    """The page's author chooser can create the profile it cannot find."""

    create_action_label = _("Create the profile")
    creation_tab_label = _("New profile")

    def __init__(self, *args, **kwargs):
        self.creation_form_class = profile_creation_form()
        super().__init__(*args, **kwargs)


class AuthorProfileViewSet(SnippetViewSet):
    model = AuthorProfile
    icon = "user"
    chooser_viewset_class = AuthorProfileChooserViewSet
    list_display = ["display_name", "position", "is_active"]
    search_fields = ["display_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.panels = [
            translated_panels("display_name", heading=_("Display name"), slug_source=True),
            MultiFieldPanel(
                [
                    FieldPanel("sort_name"),
                    # ASCII, as the model's slug field requires (Cyrillic is transliterated).
                    FieldPanel(
                        "slug", widget=SlugInput(attrs={"data-w-slug-allow-unicode-value": "false"})
                    ),
                    FieldPanel("is_active"),
                ],
                heading=_("Identity"),
            ),
            FieldPanel("portrait"),
            translated_panels("position", heading=_("Position")),
            translated_panels("short_bio", heading=_("Short biography"), row=False),
            translated_panels("bio", heading=_("Full biography"), row=False),
            FieldPanel("expertise"),
            translated_panels("languages", heading=_("Languages spoken")),
            translated_panels("affiliation", heading=_("Affiliation")),
            MultiFieldPanel(
                [
                    FieldPanel("email"),
                    FieldPanel("show_email"),
                    FieldPanel("orcid"),
                    FieldPanel("links"),
                    FieldPanel("user"),
                ],
                heading=_("Contact and identity"),
            ),
        ]


class PublicationsGroup(SnippetViewSetGroup):
    items = (SeriesViewSet, TopicViewSet, RegionViewSet, AuthorProfileViewSet)
    menu_icon = "doc-full"
    menu_label = _("Publications")
    menu_name = "ankasam_pubs"


register_snippet(PublicationsGroup)


@hooks.register("before_serve_page")
def expired_pages_are_gone(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is gone for readers at once, as an unpublished page
    is, though Wagtail keeps it live until ``publish_scheduled`` runs."""
    if not is_current(page):
        raise Http404("expired")


@hooks.register("before_serve_page")
def mark_page_being_served(page, request, serve_args, serve_kwargs):
    """The instance about to be served may keep what it reads about itself for this
    request (its view restrictions: see ``PubsPageMixin.get_view_restrictions``)."""
    if isinstance(page, PubsPage):
        page._ankasam_pubs_serving = True


@hooks.register("before_serve_page")
def pages_only_under_their_own_language(page, request, serve_args, serve_kwargs):
    """An app page is served only in its own language's tree.

    When a language has no live home yet (the Translate action creates missing parents
    as drafts), Wagtail's routing falls back to the default language's tree, so
    ``/de/analyses/`` would show the English index under German chrome (``lang``, menus,
    dates). The reader is sent (302) to the page at its own address instead. An alias is
    at its own address in its own tree and stays served (see ``visibility``)."""
    if not isinstance(page, PubsPage) or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    try:
        active = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    if page.locale.language_code == active:  # no query for a page routed with its locale
        return None
    target = page.get_url(request)
    match = request.resolver_match
    site = Site.find_for_request(request)
    if not target or match is None or match.url_name != "wagtail_serve" or site is None:
        return None
    # What the route consumed below the page (an author's profile, an export) follows it.
    components = [c for c in (match.args[0] if match.args else "").split("/") if c]
    remainder = components[page.depth - site.root_page.depth :]
    target += "".join(f"{component}/" for component in remainder)
    if target == request.path:
        return None  # no language in the address: nothing better to send the reader to
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponseRedirect(target)


@hooks.register("before_delete_snippet")
def refuse_deleting_what_analyses_use(request, instances):
    """Deleting a series, topic, region or profile still in use would lose data silently."""
    blocked = [(instance, analyses_using(instance)) for instance in instances]
    blocked = [(instance, pages) for instance, pages in blocked if pages]
    if not blocked:
        return None
    for instance, pages in blocked:
        titles = ", ".join(
            f"“{isolate(page.title)}” ({page.locale.language_code})" for page in pages[:10]
        )
        if len(pages) > 10:
            titles += " …"
        messages.error(
            request,
            ngettext(
                "“%(name)s” was not deleted: %(count)d analysis uses it: %(titles)s.",
                "“%(name)s” was not deleted: %(count)d analyses use it: %(titles)s.",
                len(pages),
            )
            % {"name": isolate(str(instance)), "count": len(pages), "titles": titles},
        )
    return redirect(type(blocked[0][0]).snippet_viewset.get_url_name("list"))


@hooks.register("register_rich_text_features")
def register_note_references(features):
    register_note_reference_feature(features)


@hooks.register("insert_editor_js")
def note_reference_strings():
    """The Draftail note chooser's words, translated like every other admin string."""
    strings = {
        "title": gettext("Reference a note"),
        "cancel": gettext("Cancel"),
        "empty": gettext("Add a note in the Notes panel first, then reference it here."),
        "note": gettext("Note %(number)s"),
        "dialog": gettext("Choose a note"),
        "missing": gettext("This note is not on the page."),
        "untitled": gettext("(no source yet)"),
        "unreferenced": gettext("not referenced in the text"),
        "more": gettext("More fields (%(count)s)"),
        "fewer": gettext("Fewer fields"),
        "newNote": gettext("New note"),
        "newTitle": gettext("Title of the source"),
        "add": gettext("Add and reference"),
        "ibid": gettext("Same source as previous (Ibid.)"),
        "confirmDelete": gettext(
            "Note [%(number)s] “%(label)s” is referenced in the text (%(count)s). Delete it "
            "anyway? Its references then show [?], and saving puts the note back until "
            "they are removed."
        ),
    }
    return json_script(strings, "ap-note-ref-strings")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_unreferenced_notes(request, page):
    """A note nobody cites is allowed (it is still listed) but probably a mistake.

    Said on an explicit save or publish only: autosave (a request for JSON) would queue
    one more message every few seconds, shown stacked on whatever page comes next.
    """
    if not request.accepts("text/html"):
        return
    page = page.specific
    if not hasattr(page, "get_numbering"):
        return
    unreferenced = page.get_numbering().unreferenced
    if unreferenced:
        messages.warning(
            request,
            ngettext(
                "%(count)d note is not referenced in the text: %(notes)s. It is listed after "
                "the referenced notes.",
                "%(count)d notes are not referenced in the text: %(notes)s. They are listed "
                "after the referenced notes.",
                len(unreferenced),
            )
            % {
                "count": len(unreferenced),
                "notes": ", ".join(f"{n.number}. {isolate(str(n.note))}" for n in unreferenced),
            },
        )


@hooks.register("after_publish_page")
def warn_about_untranslated_text(request, page):
    """Publishing a translation whose text is still another language's is allowed (a
    page may be published on purpose before its text is ready) but is said plainly."""
    if not request.accepts("text/html"):
        return
    page = page.specific
    if page.alias_of_id:
        return
    others = page.get_translations().select_related("locale").specific()
    source = untranslated_from(page, others)
    if source is not None:
        messages.warning(
            request,
            gettext(
                "“%(title)s” is published in %(language)s, but its text is still the same "
                "as the %(source)s version. Translate it and publish again."
            )
            % {
                "title": isolate(page.title),
                "language": page.locale.get_display_name(),
                "source": source.locale.get_display_name(),
            },
        )


@hooks.register("register_admin_urls", order=-1)
def translate_with_parents_url():
    """Ours is resolved before wagtail.contrib.simple_translation's view of the same URL."""
    # Imported here: it builds on wagtail.contrib.simple_translation, which a host may
    # leave out of INSTALLED_APPS (then nothing else of it is loaded).
    from .translations.views import TranslatePageView

    return [
        path(
            "translation/submit/page/<int:page_id>/",
            TranslatePageView.as_view(),
            name="ankasam_pubs_translate_page",
        )
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [path("legacy-notes/<int:page_id>/", paste_legacy_notes, name="paste_legacy_notes")]
    return [
        path("ankasam-pubs/", include((urls, "ankasam_pubs_admin"), namespace="ankasam_pubs_admin"))
    ]


@hooks.register("register_page_header_buttons")
def legacy_notes_button(page, user, view_name=None, next_url=None):
    if (
        hasattr(page.specific_class or object, "note_fields")
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Paste legacy notes"),
            url=reverse("ankasam_pubs_admin:paste_legacy_notes", args=[page.pk]),
            icon_name="doc-full",
            priority=45,
        )


@hooks.register("construct_homepage_panels")
def my_analyses_panel(request, panels):
    """A profile linked to the editor's account puts their own analyses on the dashboard."""
    profile = AuthorProfile.objects.filter(user=request.user).first()
    if profile is not None:
        panels.append(MyAnalysesPanel(profile))
