"""Fixtures of the security suite: the hostile site and the staff of a section."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils.html import escape

from ankasam_pubs.models import (
    AnalysisIndexPage,
    AuthorIndexPage,
    AuthorProfile,
    Region,
    Series,
    Topic,
)
from tests.factories import (
    analysis,
    image,
    paragraphs,
    ref,
    source,
    translate,
)

from .common import PAYLOADS, Payload, admin_user_in, localised, page_permission, value


@pytest.fixture(params=PAYLOADS, ids=lambda p: p.name)
def hostile(request, tree, admin_user):
    """Every editable text field holds the payload, behind a tag naming the field."""
    payload: Payload = request.param
    locs = tree["locales"]

    def v(tag):
        return value(tag, payload)

    series = Series.objects.create(slug="hostile-series", **localised("series_", payload, "name"))
    topic = Topic.objects.create(slug="hostile-topic", **localised("topic_", payload, "name"))
    region = Region.objects.create(slug="hostile-region", **localised("region_", payload, "name"))
    writer = AuthorProfile.objects.create(
        slug="hostile-writer",
        links="https://example.org/writer",
        user=admin_user,
        **localised(
            "",
            payload,
            "display_name",
            "position",
            "short_bio",
            "bio",
            "languages",
            "affiliation",
        ),
    )
    writer.expertise.set([topic])
    picture = image()
    body = [
        {"type": "paragraph", "value": f"<p>{escape(v('Tpara'))}{ref('n1')}</p>"},
        {"type": "heading", "value": {"text": v("Thead"), "level": "h2"}},
        {"type": "quote", "value": {"quote": v("Tquote"), "attribution": v("Tattrib")}},
        {
            "type": "image",
            "value": {"image": picture.pk, "alt_text": v("Talt"), "caption": v("Tfigcap")},
        },
        {
            "type": "table",
            "value": {
                "caption": v("Ttabcap"),
                "table": {
                    "data": [[v("Tcell"), "2"]],
                    "first_row_is_table_header": False,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            },
        },
    ]
    note = {
        "uid": "n1",
        "sources": [
            source(
                v("Tsrctitle"),
                authors=v("Tsrcauth"),
                container_title=v("Tcontainer"),
                publisher=v("Tpublisher"),
                url="https://example.org/source?a=1&b=2",
                locator="12",
            )
        ],
        "comment": f"<p>{escape(v('Tcomment'))}</p>",
    }

    home = tree["home"]["en"]
    home.title, home.intro = v("Thome"), v("Thomeintro")
    home.save_revision().publish()
    index = tree["index"]["en"]
    index.title, index.intro = v("Tindex"), v("Tintro")
    index.save_revision().publish()

    page = analysis(
        index,
        v("Ttitle-en"),
        slug="hostile",
        seo_title=v("Tseo"),
        search_description=v("Tdesc"),
        summary=v("Tsummary-en"),
        series=series,
        series_number=v("Tnum"),
        authors=[writer],
        topics=[topic],
        regions=[region],
        body=body,
        notes=[note],
    )
    pages = {"en": page}
    for code in ("tr", "ru"):
        pages[code] = translate(
            page,
            locs[code],
            title=v(f"Ttitle-{code}"),
            summary=v(f"Tsummary-{code}"),
            slug=f"hostile-{code}",
        )
    authors_index = {}
    authors_en = home.add_child(
        instance=AuthorIndexPage(
            title=v("Tauthidx"), intro=v("Tauthintro"), slug="authors", locale=locs["en"]
        )
    )
    authors_en.save_revision().publish()
    authors_index["en"] = authors_en
    for code in ("tr", "ru"):
        authors_index[code] = translate(authors_en, locs[code], slug=f"authors-{code}")
    return {
        "payload": payload,
        "pages": pages,
        "index": tree["index"],
        "home": tree["home"],
        "authors_index": authors_index,
        "writer": writer,
        "series": series,
        "topic": topic,
        "region": region,
        "tree": tree,
    }


@pytest.fixture
def staff(tree, django_user_model):
    """Real Wagtail groups: drafters (add + change, no publish) on the English analyses,
    editors of another section only, and admin users with no page permission at all."""
    base = Group.objects.create(name="Admin access")
    base.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    drafters = Group.objects.create(name="Drafters")
    for codename in ("add_page", "change_page"):
        page_permission(drafters, tree["index"]["en"], codename)
    other_section = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(title="Other", slug="other", locale=tree["locales"]["en"])
    )
    other_section.save_revision().publish()
    others = Group.objects.create(name="Other section")
    for codename in ("add_page", "change_page", "publish_page"):
        page_permission(others, other_section, codename)
    page = analysis(
        tree["index"]["en"], "Guarded", slug="guarded", body=paragraphs("<p>Exports rose [1].</p>")
    )
    return {
        "page": page,
        "drafter": admin_user_in(django_user_model, "drafter", base, drafters),
        "other": admin_user_in(django_user_model, "other-editor", base, others),
        "nobody": admin_user_in(django_user_model, "nobody", base),
        "tree": tree,
    }
