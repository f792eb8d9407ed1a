"""The pure helpers of benchmarks/load.py: no PostgreSQL, no gunicorn, no database."""

import pytest

from benchmarks.load import (
    KindStats,
    Target,
    find_leaks,
    is_postgres_url,
    judge,
    latency_summary,
    load_database_url,
    needle_forms,
    percentile,
    summarise,
    url_kind,
)

ROOTS = {
    "author_roots": ["/en/authors/", "/ru/%D0%B0%D0%B2%D1%82%D0%BE%D1%80%D1%8B/"],
    "index_roots": ["/en/analysis/", "/tr/analizler/"],
    "home_roots": ["/en/", "/tr/"],
}


class TestPercentile:
    def test_linear_interpolation_between_ranks(self):
        values = [10, 20, 30, 40]
        assert percentile(values, 0) == 10
        assert percentile(values, 100) == 40
        assert percentile(values, 50) == 25  # halfway between 20 and 30
        assert percentile(values, 25) == pytest.approx(17.5)

    def test_order_of_input_does_not_matter(self):
        assert percentile([5, 1, 4, 2, 3], 50) == 3
        assert percentile([3.0, 1.0, 2.0], 99) == pytest.approx(2.98)

    def test_one_and_no_values(self):
        assert percentile([7.5], 95) == 7.5
        assert percentile([], 50) == 0.0

    def test_out_of_range(self):
        with pytest.raises(ValueError, match="0..100"):
            percentile([1, 2], 101)

    def test_tail_of_a_hundred_values(self):
        values = list(range(1, 101))  # 1..100
        assert percentile(values, 95) == pytest.approx(95.05)
        assert percentile(values, 99) == pytest.approx(99.01)

    def test_latency_summary_is_in_milliseconds(self):
        summary = latency_summary([0.010, 0.020, 0.030, 1.5])
        # p95: rank 3 × 0.95 = 2.85, so 30 + 0.85 × (1500 − 30) ms; p99 likewise at 2.97.
        assert summary == {"p50_ms": 25.0, "p95_ms": 1279.5, "p99_ms": 1455.9, "max_ms": 1500.0}
        assert latency_summary([]) == {"p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0}


class TestLeaks:
    def test_marker_anywhere_in_the_body(self):
        needles = {b"zqdraftabc": "draft marker", b"zqprivateabc": "private marker"}
        body = b"<rss><item><title>x zqdraftabc</title></item></rss>"
        assert find_leaks(body, needles) == ["draft marker"]
        assert find_leaks(b'{"title": "zqprivateabc zqdraftabc"}', needles) == [
            "draft marker",
            "private marker",
        ]
        assert find_leaks(b"<p>nothing here</p>", needles) == []

    def test_one_label_per_needle_kind(self):
        needles = dict.fromkeys(needle_forms("Ankara & Baku"), "private title 7")
        assert find_leaks(b"<h1>Ankara &amp; Baku</h1>", needles) == ["private title 7"]

    def test_title_forms_cover_html_xml_and_json(self):
        forms = needle_forms('Mer\u2019s "grain" & <ports>')
        assert 'Mer\u2019s "grain" & <ports>'.encode() in forms  # raw
        assert "Mer\u2019s &quot;grain&quot; &amp; &lt;ports&gt;".encode() in forms  # HTML
        assert 'Mer\u2019s "grain" &amp; &lt;ports&gt;'.encode() in forms  # XML text
        assert b'Mer\\u2019s \\"grain\\" & <ports>' in forms  # JSON, ASCII only
        assert 'Mer\u2019s \\"grain\\" & <ports>'.encode() in forms  # JSON, UTF-8

    def test_cyrillic_title_found_in_json_escaped_form(self):
        needles = dict.fromkeys(needle_forms("Цепочки"), "draft title 25")
        assert find_leaks(b'{"t": "\\u0426\\u0435\\u043f\\u043e\\u0447\\u043a\\u0438"}', needles)
        assert find_leaks("<title>Цепочки</title>".encode(), needles)


class TestUrlKind:
    @pytest.mark.parametrize(
        ("url", "kind"),
        [
            ("/feeds/en/rss/", "feed"),
            ("/feeds/tr/topic/energy-security/atom/", "feed"),
            ("/en/authors/ayse-demirtas/feed/", "feed"),
            ("/sitemap.xml", "sitemap"),
            ("/api/v2/analyses/?locale=en", "api"),
            ("/api/v2/analyses/12/", "api"),
            ("/en/authors/", "author"),
            ("/en/authors/ayse-demirtas/", "author"),
            ("/ru/%D0%B0%D0%B2%D1%82%D0%BE%D1%80%D1%8B/irina-volkova/", "author"),
            ("/en/analysis/", "index"),
            ("/en/analysis/?page=2", "index"),
            ("/tr/analizler/?topic=migration", "index"),
            ("/en/analysis/undersea-cables/", "analysis"),
            ("/en/analysis/undersea-cables/cite/bibtex/", "analysis"),
            ("/en/", "home"),
            ("/tr/", "home"),
            ("/de/", "other"),
            ("/admin/", "other"),
        ],
    )
    def test_kinds(self, url, kind):
        assert url_kind(url, **ROOTS) == kind

    def test_without_roots_pages_are_other(self):
        assert url_kind("/en/analysis/x/") == "other"
        assert url_kind("/feeds/en/rss/") == "feed"


class TestJudge:
    def test_statuses_against_the_allowed_set(self):
        page = Target("/en/analysis/x/", "analysis")
        assert judge(page, 200) == "ok"
        assert judge(page, 404) == "error"
        assert judge(page, 500) == "error"
        draft = Target("/en/analysis/d/", "draft", allowed=frozenset({404}))
        assert judge(draft, 404) == "ok"
        assert judge(draft, 200) == "error"

    def test_toggled_page_may_be_missing(self):
        toggled = Target("/en/analysis/t/", "analysis", toggled=True)
        assert judge(toggled, 200) == "ok"
        assert judge(toggled, 404) == "toggled-404"
        assert judge(toggled, 500) == "error"


class TestSummary:
    def test_rows_per_kind_and_total(self):
        analysis = KindStats(latencies=[0.1, 0.2], bytes=4096, errors=1, toggled_404=1)
        feed = KindStats(latencies=[0.3], bytes=1024, leaks=1)
        rows = summarise({"feed": feed, "analysis": analysis}, seconds=2.0)
        assert [row["kind"] for row in rows] == ["all", "analysis", "feed"]
        total = rows[0]
        assert total["requests"] == 3
        assert total["rps"] == 1.5
        assert total["errors"] == 1
        assert total["leaks"] == 1
        assert total["toggled_404"] == 1
        assert total["max_ms"] == 300.0
        assert rows[1]["mean_kib"] == 2.0


class TestDatabaseUrl:
    def test_load_database_is_a_sibling(self):
        assert (
            load_database_url("postgres://u:p@127.0.0.1:5432/ankasam_pubs")
            == "postgres://u:p@127.0.0.1:5432/ankasam_pubs_load"
        )
        assert load_database_url("postgresql://h/db%20x") == "postgresql://h/db%20x_load"

    def test_only_postgres(self):
        assert is_postgres_url("postgres://u@h:1/n")
        assert is_postgres_url("postgresql://u@h/n")
        assert not is_postgres_url("sqlite:///tmp/x.sqlite3")
        assert not is_postgres_url("")
        assert not is_postgres_url(None)


# -- the topology run's judge of freshness (benchmarks/load_topology.py) ----------------
class TestFreshnessChecker:
    def checker(self, events, bound=2.0):
        from benchmarks.load_topology import ChangeLog, Checker, Event, Watched

        log = ChangeLog()
        for at, key, value in events:
            log.events[key].append(Event(at, key, value))
        watched = Watched(
            toggled={7: b"/en/analysis/gas/"},
            private_id=9,
            private_path=b"/en/analysis/secret/",
            private_marker=b"zqpublicX",
            bio_marker="zqbioX",
            topic_marker="zqtopicX",
            profile_path="/en/authors/a/",
            index_path="/en/analysis/",
        )
        return Checker(log, watched, bound)

    def judge(self, checker, path, status, body, began, monkeypatch, ended=None):
        import benchmarks.load_topology as module

        monkeypatch.setattr(module.time, "monotonic", lambda: began if ended is None else ended)
        return checker(Target(path, "analysis"), status, body, began)

    def test_an_unpublished_page_listed_after_the_bound_is_stale(self, monkeypatch):
        checker = self.checker([(0.0, "live:7", True), (10.0, "live:7", False)])
        body = b'<a href="/en/analysis/gas/">Gas</a>'
        # Within the bound: either state may show.
        assert self.judge(checker, "/en/analysis/", 200, body, 11.0, monkeypatch) == []
        # Past it: stale.
        found = self.judge(checker, "/en/analysis/", 200, body, 12.5, monkeypatch)
        assert found == ["lists page 7 that is False"]
        # Its own URL must be 404 by then.
        found = self.judge(checker, "/en/analysis/gas/", 200, b"", 12.5, monkeypatch)
        assert found == ["page 7 answered 200 though it is False"]
        assert self.judge(checker, "/en/analysis/gas/", 404, b"", 12.5, monkeypatch) == []

    def test_a_change_during_the_request_is_not_judged(self, monkeypatch):
        checker = self.checker([(0.0, "live:7", False), (13.0, "live:7", True)])
        found = self.judge(checker, "/en/analysis/gas/", 200, b"", 12.5, monkeypatch, ended=13.5)
        assert found == []

    def test_an_older_biography_or_label_after_the_bound_is_stale(self, monkeypatch):
        checker = self.checker([(0.0, "bio", 1), (5.0, "bio", 2)])
        assert self.judge(checker, "/x/", 200, b"zqbioXn1", 6.0, monkeypatch) == []
        found = self.judge(checker, "/x/", 200, b"zqbioXn1", 7.5, monkeypatch)
        assert found == ["bio version 1, not 2 or later"]
        assert self.judge(checker, "/x/", 200, b"zqbioXn2", 7.5, monkeypatch) == []

    def test_the_text_of_a_page_made_private_must_vanish_everywhere(self, monkeypatch):
        checker = self.checker([(0.0, "private", "public"), (5.0, "private", "restricted")])
        found = self.judge(checker, "/en/feed/", 200, b"..zqpublicX..", 8.0, monkeypatch)
        assert "shows the text of the page made private" in found
        found = self.judge(checker, "/en/analysis/secret/", 200, b"form", 8.0, monkeypatch)
        assert found == []

    def test_server_errors_are_left_to_the_error_count(self, monkeypatch):
        checker = self.checker([(0.0, "live:7", True)])
        assert self.judge(checker, "/en/analysis/gas/", 503, b"", 9.0, monkeypatch) == []
