"""WordPress import at scale: posts per second and peak memory.

A synthetic export (1,000 posts in a full run, 100 in a quick one) is written to a
temporary file: groups of three WPML translations (en, tr, ru), every notes form the
importer reads ([1] lists, Word anchors, the footnotes block, [efn_note] and ((…))),
"Ibid." notes, categories, tags, two authors and a co-author, and a lead image for
one post in ten (tiny PNGs in a temporary uploads folder).

Each import runs in a child process, so its peak RSS (``VmHWM``) covers only that step
(Python, Django and the importer as a site would run them). The baseline of the memory
row is a child that only sets Django up and streams the same file through the reader.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.steps import peak_rss_mib, run_child

ROOT = Path(__file__).resolve().parent.parent

LANGUAGES = ("en", "tr", "ru")
WORDS = {
    "en": "grain port route trade corridor insurance freight ship market policy energy "
    "sanctions region harbour cargo transit border treaty".split(),
    "tr": "tahıl liman rota ticaret koridor sigorta navlun gemi piyasa politika enerji "
    "yaptırım bölge kargo transit sınır antlaşma".split(),
    "ru": "зерно порт маршрут торговля коридор страхование фрахт судно рынок политика "
    "энергия санкции регион груз транзит граница договор".split(),
}
CATEGORIES = ["economy", "security", "energy", "black-sea", "caucasus", "commentary"]
TAGS = ["grain", "ports", "gas", "shipping", "sanctions", "insurance", "transit"]


def _sentence(rng: random.Random, language: str, words: int = 14) -> str:
    chosen = [rng.choice(WORDS[language]) for _ in range(words)]
    return " ".join(chosen).capitalize()


def _source(n: int) -> str:
    return (
        f'"Report {n} on Transit", Example Review {n % 7}, example.org/report-{n}, '
        f"(Date of Accession: {1 + n % 28:02d}.{1 + n % 12:02d}.2023)."
    )


def _content(rng: random.Random, n: int, language: str) -> tuple[str, str]:
    """(content:encoded, footnotes meta) of post ``n`` in one of five notes forms."""
    paragraphs = [_sentence(rng, language) + "." for _ in range(5)]
    style = n % 5
    if style == 0:  # [1] list
        body = "\n\n".join(f"{text[:-1]} [{i + 1}]." for i, text in enumerate(paragraphs[:4]))
        notes = [_source(n), "Ibid., 12.", _source(n + 1), "A remark without a source."]
        listed = "\n".join(f"[{i + 1}] {note}" for i, note in enumerate(notes))
        return f"{body}\n\n{paragraphs[4]}\n<hr />\n<strong>Notes</strong>\n{listed}", ""
    if style == 1:  # Word anchors
        body = "".join(
            f'<p>{text[:-1]}<a href="#_ftn{i + 1}" name="_ftnref{i + 1}">[{i + 1}]</a>.</p>\n'
            for i, text in enumerate(paragraphs[:3])
        )
        notes = "".join(
            f'<div id="ftn{i + 1}"><p><a href="#_ftnref{i + 1}" name="_ftn{i + 1}">[{i + 1}]'
            f"</a> {note}</p></div>\n"
            for i, note in enumerate([_source(n), "Ibid., 4.", _source(n + 2)])
        )
        return f'{body}<div><br clear="all"><hr size="1">\n{notes}</div>', ""
    if style == 2:  # WordPress footnotes block
        ids = [f"{n:08d}-0000-4000-8000-{i:012d}" for i in range(3)]
        body = "\n\n".join(
            f'<!-- wp:paragraph -->\n<p>{text[:-1]}<sup data-fn="{ids[i]}" class="fn">'
            f'<a href="#{ids[i]}" id="{ids[i]}-link">{i + 1}</a></sup>.</p>\n'
            "<!-- /wp:paragraph -->"
            for i, text in enumerate(paragraphs[:3])
        )
        meta = [
            {"id": ids[0], "content": _source(n)},
            {"id": ids[1], "content": "Ibid., 7."},
            {"id": ids[2], "content": "Interviews, <em>spring</em> 2023."},
        ]
        return f"{body}\n\n<!-- wp:footnotes /-->", json.dumps(meta)
    if style == 3:  # [efn_note]
        body = "\n\n".join(
            f"{text[:-1]}[efn_note]{note}[/efn_note]."
            for text, note in zip(
                paragraphs[:3], [_source(n), "Ibid.", _source(n + 3)], strict=True
            )
        )
        return f"{body}\n\n{paragraphs[3]}", ""
    body = "\n\n".join(  # ((…))
        f"{text[:-1]}(({note}))."
        for text, note in zip(paragraphs[:2], [_source(n), "Ibid., 2."], strict=True)
    )
    return f"<h2>{_sentence(rng, language, 3)}</h2>\n{body}\n\n{paragraphs[2]}", ""


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write_export(path: Path, uploads: Path, posts: int, *, seed: int = 20261129) -> None:
    """A WXR 1.2 file of ``posts`` posts (groups of three translations) and their images."""
    from PIL import Image as PILImage

    rng = random.Random(seed)
    images = max(1, posts // 50)
    (uploads / "2023" / "05").mkdir(parents=True, exist_ok=True)
    for k in range(images):
        PILImage.new("RGB", (16, 9), (k * 37 % 255, 90, 160)).save(
            uploads / "2023" / "05" / f"image-{k}.png"
        )
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Benchmark Centre</title><link>https://bench.example</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:base_site_url>https://bench.example</wp:base_site_url>\n"
        )
        for login, name in (("ayse", "Ayşe Demir"), ("ivan", "Ivan Petrov")):
            out.write(
                f"<wp:author><wp:author_login>{login}</wp:author_login>"
                f"<wp:author_display_name>{_cdata(name)}</wp:author_display_name></wp:author>\n"
            )
        for k in range(images):
            out.write(
                f"<item><title>image-{k}</title><wp:post_id>{900000 + k}</wp:post_id>"
                "<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                f"<wp:attachment_url>https://bench.example/wp-content/uploads/2023/05/image-{k}.png"
                "</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
                f"<wp:meta_value>2023/05/image-{k}.png</wp:meta_value></wp:postmeta></item>\n"
            )
        for n in range(1, posts + 1):
            language = LANGUAGES[(n - 1) % 3]
            group = (n - 1) // 3
            content, footnotes = _content(rng, n, language)
            title = _sentence(rng, language, 5)
            day = 1 + n % 28
            terms = "".join(
                f'<category domain="category" nicename="{c}">{c.title()}</category>'
                for c in rng.sample(CATEGORIES, 2)
            ) + "".join(
                f'<category domain="post_tag" nicename="{t}">{t}</category>'
                for t in rng.sample(TAGS, 2)
            )
            if n % 7 == 0:
                terms += '<category domain="author" nicename="cap-ayse">ayse</category>'
                terms += '<category domain="author" nicename="cap-ivan">ivan</category>'
            meta = {
                "_wpml_import_language_code": language,
                "_wpml_import_source_language_code": "" if language == "en" else "en",
                "_wpml_import_translation_group": str(group),
            }
            if footnotes:
                meta["footnotes"] = footnotes
            if n % 10 == 0:
                meta["_thumbnail_id"] = str(900000 + n % images)
            metas = "".join(
                f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
                f"<wp:meta_value>{_cdata(value)}</wp:meta_value></wp:postmeta>"
                for key, value in meta.items()
            )
            out.write(
                f"<item><title>{_cdata(title)}</title>"
                f"<link>https://bench.example/2023/05/post-{n}/</link>"
                f"<dc:creator>{'ayse' if n % 2 else 'ivan'}</dc:creator>"
                f"<content:encoded>{_cdata(content)}</content:encoded>"
                f"<excerpt:encoded>{_cdata(_sentence(rng, language, 10))}</excerpt:encoded>"
                f"<wp:post_id>{n}</wp:post_id>"
                f"<wp:post_date>2023-05-{day:02d} 10:00:00</wp:post_date>"
                f"<wp:post_date_gmt>2023-05-{day:02d} 07:00:00</wp:post_date_gmt>"
                f"<wp:post_name>post-{n}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>{terms}{metas}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


# -- steps run in a child process ---------------------------------------------------------


def write_huge_post(path: Path, megabytes: int) -> None:
    """A WXR file of one post whose content is ``megabytes`` MiB of paragraphs, written
    in pieces (the benchmark itself never holds it whole)."""
    paragraph = "<p>" + "Grain corridor insurance and transit policy. " * 40 + "</p>\n"
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Old</title><link>https://old.example</link>"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<item><title>Huge</title><dc:creator>w</dc:creator><content:encoded><![CDATA["
        )
        for _ in range(megabytes * 2**20 // len(paragraph) + 1):
            out.write(paragraph)
        out.write(
            "]]></content:encoded><wp:post_id>1</wp:post_id><wp:post_name>huge</wp:post_name>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
            "<wp:post_date>2023-05-14 09:30:00</wp:post_date></item>\n</channel>\n</rss>\n"
        )


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_site.settings")
    import django

    django.setup()


def import_step(export: str, index_id: int, uploads: str) -> dict:
    setup_django()
    from wagtail.models import Page

    from ankasam_pubs.importers.wordpress.importer import WordPressImporter

    started = time.perf_counter()
    report = WordPressImporter(export, Page.objects.get(pk=index_id), uploads=uploads).run()
    return {
        "seconds": time.perf_counter() - started,
        "peak_rss_mib": peak_rss_mib(),
        "counts": report.counts(),
        "notes": report.notes["imported"],
        "problems": len(report.issues),
    }


def read_step(export: str) -> dict:
    setup_django()
    from ankasam_pubs.importers.wordpress.wxr import WxrReader

    started = time.perf_counter()
    count = sum(1 for _item in WxrReader(export))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "items": count, "peak_rss_mib": peak_rss_mib()}


# -- in the benchmark process -------------------------------------------------------------


def analysis_index():
    from ankasam_pubs.models import AnalysisIndexPage
    from tests import factories as f

    index = AnalysisIndexPage.objects.filter(locale__language_code="en").first()
    return index or f.site_tree()["index"]["en"]


def run(*, quick: bool) -> list[dict]:
    posts = 100 if quick else 1_000
    index = analysis_index()
    with tempfile.TemporaryDirectory(prefix="ankasam-wxr-") as tmp:
        export, uploads = Path(tmp) / "export.xml", Path(tmp) / "uploads"
        write_export(export, uploads, posts)
        size_mib = export.stat().st_size / 2**20
        reading = run_child("benchmarks.bench_import", "read", str(export))
        first = run_child(
            "benchmarks.bench_import", "import", str(export), str(index.pk), str(uploads)
        )
        second = run_child(
            "benchmarks.bench_import", "import", str(export), str(index.pk), str(uploads)
        )
    if first["counts"]["created"] != posts or second["counts"]["unchanged"] != posts:
        raise RuntimeError(f"unexpected import counts: {first['counts']}, {second['counts']}")
    megabytes = 10 if quick else 50
    with tempfile.TemporaryDirectory(prefix="ankasam-wxr-") as tmp:
        huge = Path(tmp) / "huge.xml"
        write_huge_post(huge, megabytes)
        huge_read = run_child("benchmarks.bench_import", "read", str(huge))
        huge_import = run_child(
            "benchmarks.bench_import", "import", str(huge), str(index.pk), str(tmp)
        )
    if huge_import["counts"]["skipped"] != 1:
        raise RuntimeError(f"the oversized post was not refused: {huge_import['counts']}")
    label = f"{posts:,} posts, en/tr/ru, {size_mib:.1f} MiB"
    return [
        {
            "name": f"import: first run, posts per second ({label}, {first['notes']:,} notes)",
            "value": posts / first["seconds"],
            "unit": "posts/s",
        },
        {
            "name": f"import: second run, all unchanged, posts per second ({label})",
            "value": posts / second["seconds"],
            "unit": "posts/s",
            "baseline": posts / first["seconds"],
        },
        {
            "name": f"import: first run peak RSS (baseline: reading the file only), {label}",
            "value": first["peak_rss_mib"],
            "unit": "MiB",
            "baseline": reading["peak_rss_mib"],
        },
        {
            "name": f"import: one {megabytes} MiB post (refused over the size limit), peak RSS "
            "(baseline: reading the file only)",
            "value": huge_import["peak_rss_mib"],
            "unit": "MiB",
            "baseline": huge_read["peak_rss_mib"],
        },
        {
            "name": f"import: problems reported, {label}",
            "value": float(first["problems"]),
            "unit": "",
        },
    ]


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "--quick"
    if command == "import":
        print(json.dumps(import_step(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    elif command == "read":
        print(json.dumps(read_step(sys.argv[2])))
    elif command in ("--quick", "--full"):
        # Standalone: its own temporary database, like benchmarks/run.py.
        from benchmarks.run import print_table
        from benchmarks.run import setup_django as setup_bench_django

        with tempfile.TemporaryDirectory(prefix="ankasam-bench-") as tmp:
            setup_bench_django(Path(tmp))
            rows = run(quick=command == "--quick")
        import django
        import wagtail

        print_table(
            {
                "machine": {
                    "python": sys.version.split()[0],
                    "django": django.__version__,
                    "wagtail": wagtail.__version__,
                    "database": os.environ["DATABASE_URL"].split(":", 1)[0],
                    "cpus": os.cpu_count(),
                },
                "results": rows,
            }
        )
    else:
        raise SystemExit(f"unknown step {command!r}")
