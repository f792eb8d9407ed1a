"""Structured footnotes: numbering in document order, accessible markup, Ibid., safety."""

import re
import sys
import threading
from types import SimpleNamespace

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.models import Site

from ankasam_pubs.footnotes.models import CitationSettings
from ankasam_pubs.footnotes.numbering import iter_rich_texts, letters, number_notes
from ankasam_pubs.footnotes.rendering import render_notes, render_rich_text
from tests import factories as f
from tests.factories import paragraphs, ref, source


def notes(*uids):
    return [SimpleNamespace(uid=uid) for uid in uids]


# -- the pure numbering ------------------------------------------------------------------


def test_numbers_follow_first_reference_not_editorial_order():
    texts = [f"<p>A{ref('b')} B{ref('a')}</p>", f"<p>C{ref('b')}</p>"]
    numbering = number_notes(notes("a", "b", "c"), texts)
    assert [(n.note.uid, n.number) for n in numbering.notes] == [("b", 1), ("a", 2), ("c", 3)]
    b, a, c = numbering.notes
    assert [r.anchor for r in b.references] == ["ref-1-a", "ref-1-b"]
    assert [r.anchor for r in a.references] == ["ref-2"]
    assert c.references == () and numbering.unreferenced == (c,)
    assert numbering.dangling == ()


def test_dangling_references_are_reported_not_numbered():
    numbering = number_notes(notes("a"), [f"{ref('a')}{ref('ghost')}{ref('ghost')}"])
    assert numbering.dangling == ("ghost",)
    references = numbering.references_for(next(iter(numbering.by_text.values()))[0])
    assert [(r.uid, r.number) for r in references] == [("a", 1), ("ghost", None), ("ghost", None)]


def test_numbering_is_pure_and_repeatable():
    texts = [f"{ref('x')}{ref('y')}", f"{ref('x')}"]
    first = number_notes(notes("y", "x"), texts)
    second = number_notes(notes("y", "x"), texts)
    assert [(n.note.uid, n.number, n.references) for n in first.notes] == [
        (n.note.uid, n.number, n.references) for n in second.notes
    ]


def test_letters():
    assert letters(1) == [""]
    assert letters(3) == ["a", "b", "c"]
    assert letters(28)[-3:] == ["z", "aa", "ab"]


class Inner(blocks.StructBlock):
    text = blocks.RichTextBlock()
    items = blocks.ListBlock(blocks.RichTextBlock())


class Body(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock()
    box = Inner()
    nested = blocks.StreamBlock([("paragraph", blocks.RichTextBlock())])


def test_walk_finds_nested_rich_text_in_document_order():
    block = Body()
    value = block.to_python(
        [
            {"type": "paragraph", "value": f"<p>{ref('one')}</p>"},
            {
                "type": "box",
                "value": {"text": f"<p>{ref('two')}</p>", "items": [f"<p>{ref('three')}</p>"]},
            },
            {"type": "nested", "value": [{"type": "paragraph", "value": f"<p>{ref('four')}</p>"}]},
        ]
    )
    assert isinstance(value, StreamValue)
    texts = list(iter_rich_texts([value, f"<p>{ref('five')}</p>"]))
    numbering = number_notes(notes("five", "four", "three", "two", "one"), texts)
    assert [n.note.uid for n in numbering.notes] == ["one", "two", "three", "four", "five"]


# -- pages -------------------------------------------------------------------------------


@pytest.fixture
def grain(tree):
    index = tree["index"]["en"]
    return f.analysis(
        index,
        "Grain",
        body=paragraphs(
            f"<p>Exports rose.{ref('n1')} Prices fell.{ref('n2')}</p>",
            f"<p>As noted before.{ref('n1')}</p>",
        ),
        notes=[
            {"uid": "n2", "sources": [source("Second Source", url="https://example.org/b")]},
            {"uid": "n1", "sources": [source("First Source", url="https://example.org/a")]},
            {"uid": "n3", "comment": "<p>An unreferenced remark.</p>"},
        ],
    )


def test_page_renders_numbered_accessible_references(client, grain):
    html = client.get(grain.url).content.decode()
    assert (
        '<sup class="ap-noteref"><a href="#note-1" id="ref-1-a" role="doc-noteref" '
        'aria-label="Footnote 1">[1]</a></sup>'
    ) in html
    assert 'id="ref-1-b" role="doc-noteref"' in html
    assert 'href="#note-2" id="ref-2" role="doc-noteref" aria-label="Footnote 2"' in html
    section = html[html.index('role="doc-endnotes"') :]
    assert '<h2 id="ap-notes-heading">Notes</h2>' in section
    assert section.index("First Source") < section.index("Second Source")
    assert section.index("Second Source") < section.index("An unreferenced remark.")
    assert 'href="#ref-1-a" role="doc-backlink" aria-label="Back to reference 1a"' in section
    assert 'href="#ref-1-b" role="doc-backlink" aria-label="Back to reference 1b"' in section
    assert 'href="#ref-2" role="doc-backlink" aria-label="Back to reference 2"' in section
    assert '<li id="note-3" value="3">' in section
    assert 'linktype="note"' not in html


def test_every_reference_target_and_backlink_target_exists(client, grain):
    html = client.get(grain.url).content.decode()
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', html):
        if target != "main":
            assert target in ids, target


def test_rendering_the_same_page_object_twice_gives_identical_html(rf, grain):
    page = grain.specific
    site = Site.objects.get(is_default_site=True)

    def render():
        request = rf.get(page.url)
        request.user = SimpleNamespace(is_authenticated=False, is_active=False)
        request._wagtail_site = site
        response = page.serve(request)
        response.render()
        return response.content.decode()

    assert render() == render()


def test_dangling_reference_renders_a_marker_not_a_raw_key_or_blank(client, tree):
    page = f.analysis(
        tree["index"]["en"],
        body=paragraphs(f"<p>Claim.{ref('gone-7f3a')}</p>"),
        notes=[],
    )
    html = client.get(page.url).content.decode()
    assert "gone-7f3a" not in html
    assert '<sup class="ap-noteref ap-noteref-missing">[?]' in html
    assert "(missing note)" in html


def ibid_page(tree, *note_specs, **kwargs):
    uids = [f"u{n}" for n in range(len(note_specs))]
    body = paragraphs("<p>" + "".join(f"Claim {ref(uid)}" for uid in uids) + "</p>")
    note_list = [dict(uid=uid, **spec) for uid, spec in zip(uids, note_specs, strict=True)]
    return f.analysis(tree["index"]["en"], body=body, notes=note_list, **kwargs)


def note_texts(html):
    section = html[html.index('role="doc-endnotes"') :]
    return [
        re.sub(r"<[^>]+>", "", m).strip()
        for m in re.findall(
            r'<span class="ap-note-text" dir="auto">(.*?)</span>\s*<a', section, re.S
        )
    ]


def test_ibid_follows_the_same_single_source(client, tree):
    book = source("Book of Corridors", type="book", locator="12")
    page = ibid_page(
        tree,
        {"sources": [book]},
        {"sources": [book]},  # same locator: Ibid.
        {"sources": [{**book, "locator": "14"}]},  # other locator: Ibid., 14.
        {"comment": "<p>A remark.</p>"},
        {"sources": [book]},  # after a discursive note: full citation
        {"sources": [book, source("Other")]},
        {"sources": [book]},  # after a multi-source note: full citation
    )
    texts = note_texts(client.get(page.url).content.decode())
    assert texts[1] == "Ibid."
    assert texts[2] == "Ibid., 14."
    assert "Book of Corridors" in texts[4]
    assert "Book of Corridors" in texts[6] and "Ibid" not in texts[6]


def test_ibid_can_be_switched_off_per_site(client, tree):
    book = source("Book of Corridors", type="book")
    page = ibid_page(tree, {"sources": [book]}, {"sources": [book]})
    settings = CitationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.use_ibid = False
    settings.save()
    texts = note_texts(client.get(page.url).content.decode())
    assert "Ibid" not in texts[1] and "Book of Corridors" in texts[1]


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "' onmouseover='alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    "</script><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_note_fields_are_escaped(client, tree, payload):
    page = ibid_page(
        tree,
        {
            "sources": [
                source(
                    payload,
                    authors=payload,
                    container_title=payload,
                    publisher=payload,
                    locator=payload[:30],
                    volume=payload[:20],
                    url="javascript:alert(1)",
                )
            ]
        },
    )
    html = client.get(page.url).content.decode()
    main = html[html.index("<main") :]
    for dangerous in ("<script>alert", "<img src=x", "<svg/onload", "<iframe", "onmouseover='"):
        assert dangerous not in main
    assert 'href="javascript:' not in main
    assert str(escape(payload)) in main  # shown as text, not dropped


def test_render_query_count_is_constant(client, tree, settings):
    # The rendering itself (a snapshot would answer all with the same few queries).
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "RENDER_CACHE_TIMEOUT": 0}
    index = tree["index"]["en"]

    def page_with(note_count, blocks_count):
        uids = [f"q{n}" for n in range(note_count)]
        chunks = [uids[i::blocks_count] for i in range(blocks_count)]
        body = paragraphs(
            *("<p>" + "".join(f"x{ref(u)}" for u in chunk) + "</p>" for chunk in chunks)
        )
        note_list = [
            {"uid": uid, "sources": [source(f"S{uid}", url=f"https://example.org/{uid}")]}
            for uid in uids
        ]
        return f.analysis(index, body=body, notes=note_list)

    def queries(page):
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    counts = {
        (notes_count, blocks_count): queries(page_with(notes_count, blocks_count))
        for notes_count, blocks_count in [(5, 1), (40, 1), (80, 1), (5, 10), (40, 10), (80, 10)]
    }
    assert len(set(counts.values())) == 1, counts


def test_threads_rendering_different_pages_never_mix_notes(tree):
    index = tree["index"]["en"]
    pages = []
    for p in range(6):
        count = 5 + p * 3
        uids = [f"p{p}n{n}" for n in range(count)]
        body = paragraphs(*(f"<p>{p}-{n}{ref(uid)}</p>" for n, uid in enumerate(reversed(uids))))
        note_list = [{"uid": uid, "sources": [source(f"P{p} source {uid}")]} for uid in uids]
        pages.append(f.analysis(index, f"Page {p}", body=body, notes=note_list))
    loaded = []
    for page in pages:
        page = type(page).objects.prefetch_related("notes").get(pk=page.pk)
        loaded.append((page, page.get_notes()))

    def render(page):
        numbering = page.get_numbering()
        body = page.body.render_as_block(context={"numbering": numbering, "page": page})
        notes_html = render_to_string(
            "ankasam_pubs/includes/notes.html",
            {"rendered_notes": render_notes(numbering, style="house", language="en")},
        )
        return str(body) + notes_html

    expected = {page.pk: render(page) for page, _ in loaded}
    results, errors = {}, []

    def worker(page, rounds=25):
        try:
            for _ in range(rounds):
                html = render(page)
                if html != expected[page.pk]:
                    errors.append(page.pk)
            results[page.pk] = html
        except Exception as error:  # pragma: no cover - reported below
            errors.append(repr(error))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [
            threading.Thread(target=worker, args=(page,)) for page, _ in loaded for _ in range(3)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    for page, _ in loaded:
        html = results[page.pk]
        count = len(page.get_notes())
        # Reversed editorial order: the last note is cited first and so numbered 1.
        assert html.count('role="doc-noteref"') == count
        assert f'href="#note-{count}"' in html and f'href="#note-{count + 1}"' not in html
        assert f"P{page.title[-1]} source" in html


def test_rich_text_value_not_walked_gets_numbers_without_anchors():
    numbering = number_notes(notes("a"), [f"<p>{ref('a')}</p>"])
    html = render_rich_text(f"<p>again{ref('a')}</p>", numbering)
    assert '<a href="#note-1" role="doc-noteref" aria-label="Footnote 1">[1]</a>' in html


def test_plain_richtext_rendering_never_shows_the_key():
    from wagtail.rich_text import expand_db_html

    html = expand_db_html(f"<p>x{ref('secretkey')}</p>")
    assert 'href="#notes"' in html
    assert ">secretkey<" not in html


# -- exports -----------------------------------------------------------------------------


def test_references_export_in_three_formats(client, tree):
    import json

    import bibtexparser
    import rispy

    book = source(
        "Book of Corridors",
        type="book",
        authors="Demir, Ayşe",
        publisher="Example Press",
        issued="2021",
        locator="3",
    )
    page = ibid_page(
        tree,
        {"sources": [book]},
        {"sources": [{**book, "locator": "9"}]},  # same work: exported once
        {
            "sources": [
                source("Ports & Power", url="https://example.org/ports", accessed="2023-03-15")
            ]
        },
        {"comment": "<p>Just a remark.</p>"},
        slug="corridors",
    )
    html = client.get(page.url).content.decode()
    links = re.findall(r'href="([^"]+/references/[\w-]+/)" download', html)
    assert len(links) == 3

    response = client.get(page.url + "references/bibtex/")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert 'filename="corridors-references.bib"' in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == ["note_1", "note_3"]
    assert library.entries[0].entry_type == "book"

    records = rispy.loads(client.get(page.url + "references/ris/").content.decode())
    assert [record["title"] for record in records] == ["Book of Corridors", "Ports & Power"]
    assert records[1]["urls"] == ["https://example.org/ports"]

    items = json.loads(client.get(page.url + "references/csl-json/").content)
    assert [item["id"] for item in items] == ["note-1", "note-3"]
    assert items[0]["author"] == [{"family": "Demir", "given": "Ayşe"}]
    assert "locator" not in items[0]

    assert client.get(page.url + "references/pdf/").status_code == 404


def test_exports_of_protected_and_draft_pages_are_not_served(client, tree):
    private = ibid_page(tree, {"sources": [source("Secret source")]})
    f.restrict(private)
    response = client.get(private.url + "references/bibtex/")
    assert b"Secret source" not in response.content
    draft = ibid_page(tree, {"sources": [source("Draft source")]}, live=False)
    response = client.get(f"/en/analysis/{draft.slug}/references/bibtex/")
    assert response.status_code == 404


def test_cached_fragment_follows_every_new_revision(client, tree):
    page = ibid_page(tree, {"sources": [source("Original title")]})
    assert "Original title" in client.get(page.url).content.decode()
    page = type(page).objects.get(pk=page.pk)
    notes = list(page.notes.all())
    notes[0].sources = [{"type": "source", "value": source("Corrected title")}]
    page.notes = notes
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Corrected title" in html and "Original title" not in html


def test_changing_citation_settings_never_serves_an_old_fragment(client, tree):
    book = source("Book of Corridors", type="book")
    page = ibid_page(tree, {"sources": [book]}, {"sources": [book]})
    assert note_texts(client.get(page.url).content.decode())[1] == "Ibid."
    settings = CitationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.use_ibid = False
    settings.save()
    assert "Book of Corridors" in note_texts(client.get(page.url).content.decode())[1]


def test_reference_places_name_the_paragraph_of_each_reference():
    from ankasam_pubs.footnotes.richtext import reference_places

    texts = [
        f"<p>No references.</p><p>First <b>claim</b>{ref('k1')} here.</p>",
        f"<h2>Heading{ref('k2')}</h2><ul><li>one two three four five six seven eight nine"
        f"{ref('k1')}</li></ul>",
        f"bare text{ref('k3')}",
    ]
    assert list(reference_places(texts)) == [
        ("k1", 2, "First claim here."),
        ("k2", 3, "Heading"),
        ("k1", 4, "one two three four five six seven eight …"),
        ("k3", 0, ""),
    ]
