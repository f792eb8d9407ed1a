"""``manage.py check_footnote_links``: report the dead links cited by live analyses.

A report, not a fix: it never changes content, and exits 0 even when links are dead.
The checking itself lives in :mod:`ankasam_pubs.footnotes.linkcheck`.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page

from ...footnotes import linkcheck
from ...footnotes.linkcheck import LinkError, LinkResult
from ...registry import is_analysis

MIN_CONCURRENCY, MAX_CONCURRENCY = 1, 64
INDENT = "  "


def describe(result: LinkResult) -> str:
    """The reason a link is dead, in the active language."""
    error, detail = result.error, result.detail
    if error is None:
        return ""
    if error == LinkError.HTTP:
        return gettext("HTTP %(status)s") % {"status": result.status}
    if error == LinkError.TIMEOUT:
        return gettext("timed out")
    if error == LinkError.REFUSED:
        return gettext("connection refused")
    if error == LinkError.DNS:
        return gettext("host not found")
    if error == LinkError.SCHEME:
        return gettext("not an http(s) URL")
    if error == LinkError.INVALID:
        return (
            gettext("invalid URL: %(detail)s") % {"detail": detail}
            if detail
            else gettext("invalid URL")
        )
    if error == LinkError.TLS:
        return gettext("TLS error: %(detail)s") % {"detail": detail}
    if error == LinkError.REDIRECT:
        return gettext("redirect error: %(detail)s") % {"detail": detail}
    return gettext("connection error: %(detail)s") % {"detail": detail}


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return gettext(
            "Check the source URLs cited in the notes of live analyses and report the dead "
            "ones, page by page. Changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale",
            metavar="CODE",
            help=gettext("Only check analyses in this language (e.g. tr)."),
        )
        parser.add_argument(
            "--concurrency",
            type=int,
            default=linkcheck.DEFAULT_CONCURRENCY,
            metavar="N",
            help=gettext("How many links to check at once, 1 to 64 (default: %(default)s)."),
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=linkcheck.DEFAULT_TIMEOUT,
            metavar="SECONDS",
            help=gettext("Network timeout of each request, in seconds (default: %(default)s)."),
        )
        parser.add_argument(
            "--page",
            type=int,
            metavar="ID",
            help=gettext("Only check the analysis page with this id."),
        )
        parser.add_argument(
            "--json",
            metavar="FILE",
            help=gettext("Also write the report to FILE as JSON."),
        )

    def handle(self, *args, **options):
        locale, page_id = options["locale"], options["page"]
        concurrency, timeout = options["concurrency"], options["timeout"]
        json_path = Path(options["json"]) if options["json"] else None
        self.verbosity = options["verbosity"]
        self.validate(locale, page_id, concurrency, timeout, json_path)

        pages = linkcheck.collect_links(locale=locale, page_id=page_id)
        urls = linkcheck.distinct_urls(pages)
        results = linkcheck.check_all(
            urls, concurrency=concurrency, timeout=timeout, progress=self.progress
        )
        report = linkcheck.build_report(pages, results)
        self.print_report(report)
        if json_path is not None:
            self.write_json(report, json_path)

    def validate(self, locale, page_id, concurrency, timeout, json_path):
        if not MIN_CONCURRENCY <= concurrency <= MAX_CONCURRENCY:
            raise CommandError(
                gettext("--concurrency must be between %(min)d and %(max)d, not %(value)s.")
                % {"min": MIN_CONCURRENCY, "max": MAX_CONCURRENCY, "value": concurrency}
            )
        if not timeout > 0:
            raise CommandError(
                gettext("--timeout must be a number of seconds above zero, not %(value)s.")
                % {"value": timeout}
            )
        if locale is not None and not Locale.objects.filter(language_code=locale).exists():
            known = ", ".join(
                Locale.objects.order_by("language_code").values_list("language_code", flat=True)
            )
            raise CommandError(
                gettext("Unknown locale “%(code)s” (known: %(known)s).")
                % {"code": locale, "known": known}
            )
        if page_id is not None:
            page = Page.objects.filter(pk=page_id).first()
            if page is None or not is_analysis(page):
                raise CommandError(gettext("No analysis page with id %(id)s.") % {"id": page_id})
            if not page.live:
                raise CommandError(
                    gettext("Page %(id)s is a draft: only live pages are checked.")
                    % {"id": page_id}
                )
        if json_path is not None and not json_path.parent.is_dir():
            raise CommandError(
                gettext("Cannot write the JSON report: %(path)s is not a directory.")
                % {"path": json_path.parent}
            )

    # -- output ------------------------------------------------------------------------------

    def progress(self, done: int, total: int, result: LinkResult) -> None:
        if self.verbosity < 1:
            return
        message = ngettext(
            "checked %(done)d/%(total)d link", "checked %(done)d/%(total)d links", total
        ) % {"done": done, "total": total}
        if self.stderr.isatty():
            self.stderr.write(f"\r{message}", ending="\n" if done == total else "")
            self.stderr.flush()
        elif done == total or done % max(1, total // 20) == 0:
            self.stderr.write(message)

    def print_report(self, report: linkcheck.Report) -> None:
        for item in report.pages:
            redirected = item.redirected if self.verbosity >= 2 else ()
            if not item.dead and not redirected:
                continue
            page = item.page
            self.stdout.write(
                self.style.MIGRATE_HEADING(
                    gettext("%(title)s — %(url)s [%(locale)s]")
                    % {"title": page.title, "url": page.url, "locale": page.locale}
                )
            )
            for link, result in item.dead:
                values = {
                    "number": link.note_number if link.note_number is not None else "?",
                    "uid": link.note_uid,
                    "url": link.url,
                    "final_url": result.final_url,
                    "reason": self.style.ERROR(describe(result)),
                }
                if result.final_url:
                    line = gettext(
                        "note %(number)s (%(uid)s): %(url)s → %(final_url)s — %(reason)s"
                    )
                else:
                    line = gettext("note %(number)s (%(uid)s): %(url)s — %(reason)s")
                self.stdout.write(INDENT + line % values)
            for link, result in redirected:
                self.stdout.write(
                    INDENT
                    + gettext("note %(number)s (%(uid)s): %(url)s moved to %(final_url)s")
                    % {
                        "number": link.note_number if link.note_number is not None else "?",
                        "uid": link.note_uid,
                        "url": link.url,
                        "final_url": result.final_url,
                    }
                )
        self.stdout.write(self.summary(report))

    def summary(self, report: linkcheck.Report) -> str:
        links = ngettext(
            "%(count)d link checked", "%(count)d links checked", report.links_checked
        ) % {"count": report.links_checked}
        pages = ngettext("on %(count)d page", "on %(count)d pages", report.pages_checked) % {
            "count": report.pages_checked
        }
        dead = ngettext("%(count)d dead", "%(count)d dead", report.dead) % {"count": report.dead}
        # Translators: the three parts read "7 links checked", "on 2 pages", "4 dead".
        return gettext("%(links)s %(pages)s: %(dead)s.") % {
            "links": links,
            "pages": pages,
            "dead": dead,
        }

    def write_json(self, report: linkcheck.Report, path: Path) -> None:
        data = linkcheck.report_as_dict(report, describe=describe)
        data["summary"]["text"] = self.summary(report)
        try:
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        except OSError as error:
            raise CommandError(
                gettext("Cannot write the JSON report to %(path)s: %(error)s")
                % {"path": path, "error": error}
            ) from error
        if self.verbosity >= 1:
            self.stderr.write(gettext("JSON report written to %(path)s.") % {"path": path})
