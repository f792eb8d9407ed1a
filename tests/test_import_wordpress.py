"""``manage.py import_wordpress``: a WordPress + WPML/Polylang export with notes,
authors, translations, images and redirects, imported once and again.

The export (tests/fixtures/wordpress/export.xml) is invented: posts 101-103 are one
WPML group (en live, tr live, ru draft), 104-105 a Polylang pair, 106 private, 107
pending, 108 has an impossible date, 109 is German (the site has no German locale).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision

from ankasam_pubs.importers.wordpress.content import convert_post
from ankasam_pubs.importers.wordpress.mapping import Mapping, MappingError
from ankasam_pubs.importers.wordpress.wxr import Item, WxrError, WxrReader, WxrSecurityError
from ankasam_pubs.models import (
    AnalysisNote,
    AnalysisPage,
    AuthorProfile,
    ImportedWordPressItem,
    Region,
    Series,
    Topic,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wordpress"
EXPORT = FIXTURES / "export.xml"
MAPPING = FIXTURES / "mapping.json"

#: The importer downloads nothing: every test here fails on a connection attempt.
pytestmark = pytest.mark.usefixtures("no_network")


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A copy of the old site's wp-content/uploads: two of the three images are there."""
    folder = tmp_path / "uploads"
    for relative, colour in (("2023/05/corridor-map.png", (20, 90, 160)),
                             ("2023/06/port-photo.png", (160, 90, 20))):  # fmt: skip
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (12, 8), colour).save(path, "PNG")
    return folder  # 2023/05/price-chart.png is missing on purpose


def run(*args, export=EXPORT, into="/en/analysis/") -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(export), "--into", into, *args, stdout=out)
    return out.getvalue()


def import_all(uploads, tmp_path, *extra, export=EXPORT) -> tuple[str, dict]:
    report = tmp_path / f"report-{len(list(tmp_path.glob('report-*')))}.json"
    output = run(
        "--uploads", str(uploads), "--mapping", str(MAPPING), "--report", str(report),
        *extra, export=export,
    )  # fmt: skip
    return output, json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture
def imported(tree, uploads, tmp_path):
    output, report = import_all(uploads, tmp_path)
    return {"output": output, "report": report, "tree": tree, "uploads": uploads}


def page_of(post_id: int) -> AnalysisPage:
    item = ImportedWordPressItem.objects.get(wp_id=post_id, post_type="post")
    return item.page.specific


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "analyses": AnalysisPage.objects.count(),
        "notes": AnalysisNote.objects.count(),
        "revisions": Revision.objects.count(),
        "authors": AuthorProfile.objects.count(),
        "topics": Topic.objects.count(),
        "regions": Region.objects.count(),
        "series": Series.objects.count(),
        "images": get_image_model().objects.count(),
        "redirects": Redirect.objects.count(),
        "items": ImportedWordPressItem.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


def export_line(text: str) -> int:
    for number, line in enumerate(EXPORT.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


# -- reading the file ---------------------------------------------------------------------


def test_reader_streams_wxr_1_2_into_plain_data():
    reader = WxrReader(EXPORT)
    items = [obj for obj in reader if isinstance(obj, Item)]
    assert reader.channel.version == "1.2"
    assert reader.channel.base_site_url == "https://old.centre.example"
    post = next(item for item in items if item.post_id == 101)
    assert post.post_type == "post" and post.status == "publish"
    assert post.line == export_line("<title><![CDATA[Grain Corridor After the Deal") - 1
    assert post.content_line == export_line("Grain left the northern ports")
    assert post.meta_value("_wpml_import_translation_group") == "50"
    assert [t.slug for t in post.terms_of("author")] == ["cap-ayse", "cap-mehmet-kaya"]
    assert {item.post_type for item in items} == {"post", "page", "attachment", "guest-author"}
    # A second iteration reads the file again (the importer makes two passes).
    assert sum(isinstance(obj, Item) for obj in reader) == len(items)


def test_reader_reads_wxr_1_1(tmp_path):
    path = tmp_path / "old.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.1/">\n'
        "<channel><title>Old</title><wp:wxr_version>1.1</wp:wxr_version>\n"
        "<wp:base_site_url>http://old.example</wp:base_site_url>\n"
        "<item><title>Hello</title><dc:creator>ann</dc:creator>"
        "<content:encoded><![CDATA[Body [1]]]></content:encoded>"
        "<excerpt:encoded><![CDATA[Short]]></excerpt:encoded>"
        "<wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:status>publish</wp:status></item></channel></rss>\n",
        encoding="utf-8",
    )
    reader = WxrReader(path)
    (item,) = list(reader)
    assert reader.channel.version == "1.1"
    assert (item.post_id, item.creator, item.content, item.excerpt) == (
        7,
        "ann",
        "Body [1]",
        "Short",
    )
    assert reader.warnings == []


def test_reader_warns_about_an_unknown_version(tmp_path):
    path = tmp_path / "new.xml"
    path.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.3/"><channel>'
        "<wp:wxr_version>1.3</wp:wxr_version><item><wp:post_id>1</wp:post_id></item>"
        "</channel></rss>"
    )
    reader = WxrReader(path)
    assert len(list(reader)) == 1
    assert "1.3" in reader.warnings[0]


def test_reader_streams_without_holding_the_file(tmp_path):
    """Items are dropped from the tree once read: memory stays far below the file's size."""
    import tracemalloc

    path = tmp_path / "big.xml"
    body = "Lorem ipsum dolor sit amet. " * 150  # about 4 KB per post
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
        )
        for n in range(2000):
            handle.write(
                f"<item><title>Post {n}</title><wp:post_id>{n}</wp:post_id>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded></item>\n"
            )
        handle.write("</channel></rss>\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _item in WxrReader(path))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert size > 8_000_000
    assert peak < size / 8, (peak, size)


def test_malformed_file_is_a_clear_error_with_its_line(tree):
    with pytest.raises(CommandError) as error:
        run(export=FIXTURES / "malformed.xml")
    message = str(error.value)
    assert "Line 11" in message and "not well-formed" in message and "mismatched tag" in message
    assert "Nothing was imported" in message
    assert not AnalysisPage.objects.exists()


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_entities_are_refused(tree, name):
    with pytest.raises(WxrSecurityError) as error:
        list(WxrReader(FIXTURES / name))
    assert "Line 3" in str(error.value)
    with pytest.raises(CommandError) as error:
        run(export=FIXTURES / name)
    message = str(error.value)
    assert "XML entity" in message and "refused" in message
    assert "root:" not in message  # nothing of /etc/passwd was read
    assert not AnalysisPage.objects.exists()


def test_a_file_that_is_not_an_export(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text("<feed><entry/></feed>")
    with pytest.raises(WxrError, match="not a WordPress export"):
        list(WxrReader(path))


# -- the import ---------------------------------------------------------------------------


def test_posts_become_analyses_in_each_language(imported, client):
    tree = imported["tree"]
    en, tr, ru = page_of(101), page_of(102), page_of(103)
    assert (en.locale.language_code, tr.locale.language_code, ru.locale.language_code) == (
        "en",
        "tr",
        "ru",
    )
    assert en.get_parent().pk == tree["index"]["en"].pk
    assert tr.get_parent().pk == tree["index"]["tr"].pk
    assert ru.get_parent().pk == tree["index"]["ru"].pk
    assert en.url == "/en/analysis/grain-corridor/"
    assert tr.url == "/tr/analizler/tahil-koridoru/"
    assert en.summary == "How the reopened corridor changed the grain trade."
    assert str(en.publication_date) == "2023-05-14"  # wp:post_date, local time
    assert en.first_published_at.isoformat() == "2023-05-14T06:30:00+00:00"  # post_date_gmt
    assert ru.slug  # WordPress had no slug for the draft: one is made from the title

    html = html_of(client, en)
    assert '<h1 class="ap-title" dir="auto">Grain Corridor After the Deal</h1>' in html
    assert "<h2>What changed</h2>" in html
    assert '<a href="https://example.org/route-rules">route rules</a>' in html
    assert "javascript:" not in html and "data:text/html" not in html
    assert "tracking" not in html  # the script is gone
    assert html_of(client, tr).count("Anlaşmadan Sonra Tahıl Koridoru") >= 1


def test_notes_are_numbered_with_their_sources(imported, client):
    html = html_of(client, page_of(101))
    assert 'href="#note-1" id="ref-1" role="doc-noteref"' in html
    assert 'href="#note-3" id="ref-3"' in html
    notes = re.search(r'<section class="ap-notes".*?</section>', html, re.S).group(0)
    assert re.search(r'id="note-1".*Grain in Transit.*Example Maritime Review', notes, re.S)
    assert re.search(r'id="note-2"[^>]*class="ap-ibid".*Ibid\., 12\.', notes, re.S)
    assert "The author&#x27;s own count of filed routes." in notes
    assert "A fourth claim [4] has no note." in html  # left as it was, and reported

    first = page_of(101).notes.order_by("sort_order").first().get_sources()[0]
    assert first.url == "https://example.org/grain-transit"
    assert str(first.accessed) == "2023-03-15"


@pytest.mark.parametrize(
    ("post", "expected"),
    [
        (102, ["Limanlar ve Güç", "A.g.e., 7."]),  # Word _ftn anchors, Turkish "Ibid."
        (104, ["Ports and Power", "Ibid., 4.", "two"]),  # WordPress footnotes block
        (105, ["Limanlar ve Güç", "A.g.e., 4."]),  # ((…)) shortcodes
    ],
)
def test_every_notes_style_links_its_references(imported, client, post, expected):
    page = page_of(post)
    html = html_of(client, page)
    notes = re.search(r'<section class="ap-notes".*?</section>', html, re.S).group(0)
    for number, text in enumerate(expected, start=1):
        assert f'id="note-{number}"' in notes
        assert f'href="#note-{number}"' in html
        assert text in notes
    assert page.get_numbering().notes  # every note is referenced from the text
    assert all(n.references for n in page.get_numbering().notes)


def test_easy_footnotes_in_a_draft(imported):
    ru = page_of(103)
    assert not ru.live
    notes = list(ru.notes.order_by("sort_order"))
    assert len(notes) == 2
    assert notes[0].get_sources()[0].title == "Каспийский транзит"
    assert notes[1].get_sources()[0].locator == "3"  # "Там же, 3." repeats the source
    assert [n.number for n in ru.get_numbering().notes] == [1, 2]


def test_translations_are_linked_and_only_live_ones_offered(imported, client):
    en, tr, ru = page_of(101), page_of(102), page_of(103)
    assert en.translation_key == tr.translation_key == ru.translation_key
    nav = re.search(r'<nav class="ap-translations".*?</nav>', html_of(client, en), re.S).group(0)
    assert "This post is also available in:" in nav
    assert "Türkçe" in nav and "Русский" not in nav  # the Russian version is a draft
    nav = re.search(r'<nav class="ap-translations".*?</nav>', html_of(client, tr), re.S).group(0)
    assert "English" in nav
    # Polylang's post_translations group links 104 and 105.
    assert page_of(104).translation_key == page_of(105).translation_key
    assert page_of(106).translation_key != en.translation_key


def test_drafts_and_private_posts_are_never_public(imported, client):
    for post in (103, 106, 107):
        page = page_of(post)
        assert not page.live, post
        assert client.get(page.url).status_code == 404
    private = page_of(106)
    assert private.get_view_restrictions().filter(restriction_type="login").exists()
    assert client.get("/?p=106").status_code != 301  # no redirect leads to it


def test_authors_and_co_authors_become_profiles_in_order(imported):
    ayse = AuthorProfile.objects.get(slug="ayse")
    mehmet = AuthorProfile.objects.get(slug="mehmet-kaya")
    assert ayse.display_name_en == "Ayşe Demir"
    assert mehmet.display_name_en == "Mehmet Kaya"  # a Co-Authors Plus guest author
    credits = page_of(101).analysis_authors.order_by("sort_order")
    assert [c.author.slug for c in credits] == ["ayse", "mehmet-kaya"]
    assert [c.author.slug for c in page_of(104).analysis_authors.all()] == ["ayse"]
    assert [c.author.slug for c in page_of(105).analysis_authors.all()] == ["mehmet-kaya"]
    editor = page_of(107).analysis_authors.get().author
    assert editor.display_name_en == "Desk Editor"
    assert sorted(imported["report"]["authors"]["created"]) == ["ayse", "editor", "mehmet-kaya"]


def test_existing_profiles_are_matched_not_duplicated(tree, uploads, tmp_path):
    existing = AuthorProfile.objects.create(slug="ayse", display_name_en="Dr Ayşe Demir")
    _output, report = import_all(uploads, tmp_path)
    assert AuthorProfile.objects.filter(slug__startswith="ayse").count() == 1
    assert page_of(101).analysis_authors.order_by("sort_order").first().author == existing
    assert report["authors"]["matched"] == ["ayse"]
    assert "ayse" not in report["authors"]["created"]


def test_categories_and_tags_follow_the_mapping(imported):
    en = page_of(101)
    assert en.series.slug == "commentary"
    assert [t.slug for t in en.topics.all()] == ["economy"]
    assert [r.slug for r in en.regions.all()] == ["black-sea"]
    assert sorted(t.name for t in en.tags.all()) == ["grain", "ports"]
    # The Turkish and Russian categories fold into the same topic, named in each language.
    economy = Topic.objects.get(slug="economy")
    assert [t.pk for t in page_of(102).topics.all()] == [economy.pk]
    assert [t.pk for t in page_of(103).topics.all()] == [economy.pk]
    assert (economy.name_en, economy.name_tr, economy.name_ru) == (
        "Economy",
        "Ekonomi",
        "Экономика",
    )
    assert Region.objects.get(slug="black-sea").name_tr == "Karadeniz"
    assert not page_of(106).topics.exists()  # "Uncategorized" is ignored
    report = imported["report"]
    assert report["mapping"]["source"] == str(MAPPING)
    assert report["mapping"]["terms"]["category/ekonomi"] == {"topics": "economy"}
    assert report["terms"]["category/ekonomi"] == "topics/economy"
    assert report["terms"]["category/uncategorized"] is None


def test_default_mapping_without_a_file(tree, tmp_path):
    report_path = tmp_path / "report.json"
    output = run("--report", str(report_path))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["mapping"]["source"] == "default"
    assert report["mapping"]["taxonomies"] == {"category": "topics", "post_tag": "tags"}
    assert "Mapping (default): category → topics, post_tag → tags" in output
    en = page_of(101)
    assert en.series is None
    assert sorted(t.slug for t in en.topics.all()) == ["black-sea", "commentary", "economy"]
    assert not Series.objects.exists()
    # No uploads folder: every image is reported missing, none downloaded.
    assert {entry["attachment_id"] for entry in report["images"]["missing"]} == {201, 202}
    assert "No --uploads folder was given." in output


def test_images_from_the_uploads_folder(imported, client):
    en = page_of(101)
    assert en.lead_image is not None
    assert en.lead_image.title == "corridor-map"
    assert en.lead_image.description == "Map of the grain corridor"
    assert 'alt="Map of the grain corridor"' in html_of(client, en)
    assert not any(block.block_type == "image" for block in en.body)  # 202 is missing
    missing = imported["report"]["images"]["missing"]
    assert missing == [
        {
            "attachment_id": 202,
            "file": "2023/05/price-chart.png",
            "reason": "The file is not in the uploads folder.",
            "posts": [101],
        }
    ]
    assert imported["report"]["images"]["created"] == 1
    issue = next(i for i in imported["report"]["issues"] if i["kind"] == "images")
    assert issue["line"] == export_line("price-chart-1024x576.png")


def test_body_images_become_image_blocks(tree, uploads, tmp_path):
    (uploads / "2023/05/price-chart.png").write_bytes(
        (uploads / "2023/06/port-photo.png").read_bytes()
    )
    import_all(uploads, tmp_path)
    blocks = [block for block in page_of(101).body if block.block_type == "image"]
    assert len(blocks) == 1
    assert blocks[0].value["image"].title == "price-chart"
    assert blocks[0].value["alt_text"] == "Freight prices, 2022-2023"


def test_redirects_from_old_addresses(imported, client):
    en, tr = page_of(101), page_of(102)
    for old, page in [
        ("/2023/05/grain-corridor/", en),
        ("/?p=101", en),
        ("/2023/05/grain-corridor/?lang=en", en),
        ("/2023/05/tahil-koridoru/?lang=tr", tr),
        ("/?p=102&lang=tr", tr),
        ("/tr/2023/06/karadenizde-limanlar/", page_of(105)),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url, old
    assert not Redirect.objects.filter(redirect_page__in=[page_of(103), page_of(106)]).exists()
    assert imported["report"]["redirects"]["created"] == Redirect.objects.count()


def test_a_second_run_creates_nothing_new(imported, tmp_path):
    before = snapshot()
    output, report = import_all(imported["uploads"], tmp_path)
    assert snapshot() == before
    assert report["posts"] == {
        "created": 0,
        "updated": 0,
        "unchanged": 7,
        "failed": 1,
        "skipped": 1,
    }
    assert "Posts: 0 created, 0 updated, 7 unchanged, 1 failed, 1 skipped." in output


def test_a_changed_post_is_updated_in_place(imported, tmp_path):
    page = page_of(101)
    changed = tmp_path / "changed.xml"
    text = EXPORT.read_text(encoding="utf-8")
    text = text.replace("Grain Corridor After the Deal", "Grain Corridor, One Year On")
    text = text.replace("[3] The author's own count", "[3] The author's revised count")
    changed.write_text(text, encoding="utf-8")
    notes_before = AnalysisNote.objects.count()
    _output, report = import_all(imported["uploads"], tmp_path, export=changed)
    assert report["posts"]["updated"] == 1 and report["posts"]["created"] == 0
    assert report["posts"]["unchanged"] == 6
    updated = page_of(101)
    assert updated.pk == page.pk and updated.live
    assert updated.title == "Grain Corridor, One Year On"
    assert "revised count" in updated.notes.order_by("sort_order")[2].comment
    assert AnalysisNote.objects.count() == notes_before
    assert updated.translation_key == page_of(102).translation_key


def test_dry_run_writes_nothing(tree, uploads, tmp_path, settings):
    before = snapshot()
    output, report = import_all(uploads, tmp_path, "--dry-run")
    assert snapshot() == before
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))
    assert "Dry run: nothing was written." in output
    assert "Would create: post 101 [en] “Grain Corridor After the Deal”" in output
    assert report["dry_run"] is True
    assert report["posts"]["created"] == 7


def test_one_failing_post_does_not_stop_the_others(imported):
    report = imported["report"]
    (failed,) = report["failed"]
    assert failed["post_id"] == 108
    assert "2023-02-30" in failed["reason"]
    assert "Failed: post 108 “A Post With a Broken Date”" in imported["output"]
    assert not ImportedWordPressItem.objects.filter(wp_id=108).exists()
    assert not Page.objects.filter(slug="broken-date").exists()
    assert report["posts"]["created"] == 7


def test_a_post_failing_half_way_leaves_nothing_and_a_rerun_completes(
    tree, uploads, tmp_path, monkeypatch
):
    from ankasam_pubs.importers.wordpress.importer import WordPressImporter

    original = WordPressImporter._redirects

    def broken(self, page, item, language, log):
        if item.post_id == 104:
            raise RuntimeError("disk full")
        return original(self, page, item, language, log)

    monkeypatch.setattr(WordPressImporter, "_redirects", broken)
    _output, report = import_all(uploads, tmp_path)
    assert any(e["post_id"] == 104 and e["reason"] == "disk full" for e in report["failed"])
    # The page was already added when the error came: its savepoint took it back.
    assert not Page.objects.filter(slug="ports-and-power").exists()
    assert not ImportedWordPressItem.objects.filter(wp_id=104).exists()
    assert page_of(105).live  # its translation went ahead

    monkeypatch.setattr(WordPressImporter, "_redirects", original)
    _output, report = import_all(uploads, tmp_path)
    assert report["posts"]["created"] == 1 and report["posts"]["unchanged"] == 6
    assert page_of(104).translation_key == page_of(105).translation_key


def test_a_language_without_a_locale_is_reported_not_guessed(imported):
    report = imported["report"]
    assert report["unknown_languages"] == {"de": 1}
    (skipped,) = report["skipped"]
    assert skipped["post_id"] == 109 and "“de”" in skipped["reason"]
    assert not Page.objects.filter(title="Der Getreidekorridor").exists()


def test_a_missing_index_translation_is_created(tree, uploads, tmp_path):
    tree["index"]["ru"].delete()
    _output, report = import_all(uploads, tmp_path)
    ru = page_of(103)
    parent = ru.get_parent().specific
    assert parent.locale.language_code == "ru"
    assert parent.translation_key == tree["index"]["en"].translation_key
    assert report["index_translations_created"] == ["ru"]


def test_report_json_and_summary(imported):
    report = imported["report"]
    assert report["source"] == "https://old.centre.example"
    assert report["wxr_version"] == "1.2"
    assert report["notes"] == {
        "imported": 12,
        "with_source": 5,
        "ibid": 5,
        "text_only": 2,
        "referenced": 12,
        "unparsed": 1,
        "styles": {
            "double-parentheses": 1,
            "efn_note": 1,
            "footnotes-block": 1,
            "list": 1,
            "word": 1,
        },
    }
    assert report["languages"] == {"-": 2, "de": 1, "en": 3, "ru": 1, "tr": 2}
    assert report["translation_groups"] == 3
    assert report["translation_groups_with_several_languages"] == 2
    assert report["ignored_post_types"] == {"page": 1}
    output = imported["output"]
    assert "Posts: 7 created, 0 updated, 0 unchanged, 1 failed, 1 skipped." in output
    assert "Authors: 0 matched, 3 created." in output
    assert "Images: 1 created, 0 already imported, 1 missing." in output
    assert "Processed 9 posts." in output


def test_problems_name_the_post_and_the_line(imported):
    issues = imported["report"]["issues"]
    marker = next(i for i in issues if i["text"] == "[4]")
    assert marker["post_id"] == 101
    assert marker["line"] == export_line("A fourth claim [4]")
    assert "There is no note 4" in marker["reason"]
    link = next(i for i in issues if i["kind"] == "links" and "javascript" in i["text"])
    assert link["line"] == export_line("javascript:alert")
    line = marker["line"]
    assert (
        f"post 101 “Grain Corridor After the Deal”, line {line}: There is no note 4"
        in (imported["output"])
    )


def test_status_filter(tree, tmp_path):
    output = run("--status", "publish")
    assert not AnalysisPage.objects.filter(live=False).exists()
    assert AnalysisPage.objects.count() == 4
    assert "Not selected: 1 post with status “draft”." in output


def test_progress_is_shown(tree, tmp_path):
    items = "".join(
        f"<item><title>Post {n}</title><wp:post_id>{n}</wp:post_id>"
        f"<wp:post_type>post</wp:post_type><wp:status>draft</wp:status>"
        f"<wp:post_name>post-{n}</wp:post_name>"
        f"<content:encoded><![CDATA[Text {n}.]]></content:encoded></item>\n"
        for n in range(1, 31)
    )
    path = tmp_path / "many.xml"
    path.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://many.example"
        f"</wp:base_site_url>{items}</channel></rss>",
        encoding="utf-8",
    )
    output = run(export=path)
    assert "Processed 25 posts…" in output and "Processed 30 posts." in output
    assert AnalysisPage.objects.count() == 30


def test_index_by_id_and_bad_targets(tree):
    index = tree["index"]["en"]
    run("--status", "private", into=str(index.pk))
    assert page_of(106).get_parent().pk == index.pk
    with pytest.raises(CommandError, match="not an analysis index page"):
        run(into=str(tree["home"]["en"].pk))
    with pytest.raises(CommandError, match="There is no page at /en/nowhere/"):
        run(into="/en/nowhere/")
    with pytest.raises(CommandError, match="Unknown status"):
        run("--status", "publish,trash")


def test_mapping_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"taxonomies": {"category": "topics",}}')
    with pytest.raises(MappingError, match="line 1"):
        Mapping.from_file(bad)
    with pytest.raises(MappingError, match="unknown target “authors”"):
        Mapping.from_data({"taxonomies": {"category": "authors"}})
    with pytest.raises(MappingError, match="taxonomy/slug"):
        Mapping.from_data({"terms": {"economy": "topics"}})


# -- the HTML conversion on its own -------------------------------------------------------


def uid(number: int) -> str:
    return f"uid{number:05d}"


def test_conversion_sanitises_the_body():
    converted = convert_post(
        '<p onclick="steal()" style="color:red">Text <a href="vbscript:x">bad</a> '
        '<a href=" JaVaScRiPt:alert(1)">worse</a> <a href="mailto:a@example.org">mail</a>'
        '</p>\n<iframe src="https://video.example/embed/1"></iframe>\n'
        "<table><tr><th>Port</th><th>Share</th></tr><tr><td>Odesa</td><td>40%</td></tr></table>",
        uid_for=uid,
    )
    types = [block["type"] for block in converted.blocks]
    assert types == ["paragraph", "paragraph", "table"]
    text = converted.blocks[0]["value"]
    assert "onclick" not in text and "style" not in text and "script" not in text.lower()
    assert '<a href="mailto:a@example.org">mail</a>' in text
    assert converted.blocks[1]["value"].count('href="https://video.example/embed/1"') == 1
    assert converted.blocks[2]["value"]["table"]["data"] == [["Port", "Share"], ["Odesa", "40%"]]
    reasons = [problem.reason for problem in converted.problems]
    assert reasons.count("Only web, e-mail and phone links are kept; this link was removed.") == 2
    assert any("Embedded content (<iframe>)" in reason for reason in reasons)


def test_conversion_reports_unclosed_and_mixed_notes():
    converted = convert_post(
        "One((first note)) and two[efn_note]second note\n\n[1] A stray list entry.",
        uid_for=uid,
    )
    assert len(converted.notes) == 1
    reasons = [(problem.line, problem.reason) for problem in converted.problems]
    assert (1, "An inline note is opened or closed here but not both; kept as text.") in reasons
    assert any("also a notes list" in reason for _line, reason in reasons)


def test_conversion_numbers_an_ordered_notes_list():
    converted = convert_post(
        'Claim one[1] and two[2].\n\n<h3>Notes</h3>\n<ol>\n<li>"A Title", Outlet, '
        "https://example.org/a, (Date of Accession: 01.02.2023).</li>\n<li>Ibid.</li>\n</ol>",
        uid_for=uid,
    )
    assert [note["uid"] for note in converted.notes] == [uid(1), uid(2)]
    assert converted.linked == 2
    assert converted.styles == ["list"]
    assert [block["type"] for block in converted.blocks] == ["paragraph"]
    assert not converted.problems
    assert [note.ibid for note in converted.parsed] == [False, True]
    assert converted.parsed[1].source == converted.parsed[0].source


def test_a_second_site_has_its_own_mapping_rows(imported, tmp_path):
    other = tmp_path / "other-site.xml"
    other.write_text(
        EXPORT.read_text(encoding="utf-8").replace(
            "https://old.centre.example", "https://second.centre.example"
        ),
        encoding="utf-8",
    )
    shutil.copytree(imported["uploads"], tmp_path / "uploads2")
    _output, report = import_all(tmp_path / "uploads2", tmp_path, export=other)
    assert report["posts"]["created"] == 7  # another site: its posts are new pages
    assert ImportedWordPressItem.objects.values("source").annotate(n=Count("id")).count() == 2


def test_conversion_takes_a_gutenberg_notes_list_and_its_heading_out_of_the_body():
    converted = convert_post(
        "<!-- wp:paragraph -->\n<p>Exports rose<sup>1</sup> and fell<sup>2</sup>.</p>\n"
        '<!-- /wp:paragraph -->\n\n<!-- wp:heading {"level":3} -->\n'
        '<h3 class="wp-block-heading">Dipnotlar</h3>\n<!-- /wp:heading -->\n\n'
        '<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n'
        '<li>"Tahıl", Dergi, https://example.org/t, (Erişim Tarihi: 01.01.2023).</li>\n'
        "<!-- /wp:list-item -->\n<!-- wp:list-item -->\n<li>A.g.e., 3.</li>\n"
        "<!-- /wp:list-item --></ol>\n<!-- /wp:list -->",
        uid_for=uid,
    )
    assert [block["type"] for block in converted.blocks] == ["paragraph"]
    assert "Dipnotlar" not in converted.blocks[0]["value"]
    assert converted.linked == 2 and not converted.problems
    assert converted.parsed[1].source.locator == "3"


def test_conversion_of_captions_galleries_quotes_and_shortcodes():
    def find(src, wp_id):
        return wp_id if wp_id in (45, 46) else None

    converted = convert_post(
        'Intro [sic].\n\n[caption id="attachment_45" width="300"]<img class="wp-image-45" '
        'src="https://x.example/wp-content/uploads/2023/05/map-300x200.png" alt="Map" /> '
        "The corridor[/caption]\n\n<blockquote>A quoted sentence.<cite>Someone</cite>"
        '</blockquote>\n\n[gallery ids="45,46"]\n\n[contact-form-7 id="12"]',
        uid_for=uid,
        find_attachment=find,
    )
    kinds = [block["type"] for block in converted.blocks]
    assert kinds == ["paragraph", "image", "quote", "image", "image", "paragraph"]
    assert converted.blocks[1]["value"]["caption"] == "The corridor"
    assert converted.blocks[1]["value"]["alt_text"] == "Map"
    assert converted.blocks[2]["value"] == {"quote": "A quoted sentence.", "attribution": "Someone"}
    assert [image.attachment_id for image in converted.images] == [45, 45, 46]
    (problem,) = converted.problems  # "[sic]" is prose, not a shortcode
    assert problem.reason == "Shortcode [contact-form-7] is not understood; it was kept as text."
    assert problem.line == 9
