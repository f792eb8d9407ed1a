"""Import a WordPress (WXR) export into an analysis index; see the how-to guide."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, gettext_lazy, ngettext
from wagtail.models import Page

from ...importers.wordpress.importer import (
    DEFAULT_STATUSES,
    KNOWN_STATUSES,
    ImportAborted,
    WordPressImporter,
)
from ...importers.wordpress.mapping import Mapping, MappingError
from ...importers.wordpress.wxr import WxrError

PROGRESS_EVERY = 25


def find_index(value: str):
    """The analysis index page named by an id or a URL path ("/en/analysis/")."""
    value = value.strip()
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
        if page is None:
            raise CommandError(gettext("There is no page with the id %(id)s.") % {"id": value})
    else:
        path = unquote(urlsplit(value).path or value).strip("/")
        segments = [segment for segment in path.split("/") if segment]
        if not segments:
            raise CommandError(gettext("Give the index page's id or its URL path, not “/”."))
        wanted = "/" + "/".join(segments) + "/"
        matches = []
        for candidate in Page.objects.filter(slug=segments[-1]):
            parts = candidate.get_url_parts()
            if parts is not None and unquote(parts[2]) == wanted:
                matches.append(candidate)
        if not matches:
            raise CommandError(gettext("There is no page at %(path)s.") % {"path": wanted})
        if len(matches) > 1:
            raise CommandError(
                gettext("Several pages are at %(path)s (ids %(ids)s); give the id.")
                % {"path": wanted, "ids": ", ".join(str(page.pk) for page in matches)}
            )
        page = matches[0]
    page = page.specific
    if not hasattr(page, "get_analysis_model"):
        raise CommandError(
            gettext("“%(title)s” (page %(id)s) is not an analysis index page.")
            % {"title": page.title, "id": page.pk}
        )
    return page


class Command(BaseCommand):
    help = gettext_lazy(
        "Import a WordPress export (WXR) into an analysis index: posts with their notes, "
        "authors, translations, images and redirects. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help=gettext("the WordPress export (.xml)"))
        parser.add_argument(
            "--into",
            required=True,
            help=gettext("the analysis index page: its id or its URL path, e.g. /en/analysis/"),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext("write nothing; show what the import would do"),
        )
        parser.add_argument(
            "--status",
            default=",".join(DEFAULT_STATUSES),
            help=gettext("post statuses to import, comma-separated (default: all of %(all)s)")
            % {"all": ",".join(KNOWN_STATUSES)},
        )
        parser.add_argument(
            "--uploads",
            type=Path,
            help=gettext("the site's wp-content/uploads folder, copied locally (for images)"),
        )
        parser.add_argument(
            "--mapping",
            type=Path,
            help=gettext("JSON file saying where categories, tags, languages and authors go"),
        )
        parser.add_argument(
            "--report", type=Path, help=gettext("also write the summary as JSON to this file")
        )

    def handle(self, *args, export, into, dry_run, status, uploads, mapping, report, **options):
        statuses = [part.strip() for part in status.split(",") if part.strip()]
        unknown = sorted(set(statuses) - set(KNOWN_STATUSES))
        if unknown or not statuses:
            raise CommandError(
                gettext("Unknown status %(unknown)s (known: %(known)s).")
                % {"unknown": ", ".join(unknown) or "''", "known": ", ".join(KNOWN_STATUSES)}
            )
        if not export.is_file():
            raise CommandError(gettext("There is no file %(path)s.") % {"path": export})
        if uploads is not None and not uploads.is_dir():
            raise CommandError(gettext("There is no folder %(path)s.") % {"path": uploads})
        try:
            rules = Mapping.from_file(mapping) if mapping else Mapping.default()
        except MappingError as error:
            raise CommandError(str(error)) from error
        index = find_index(into)
        verbosity = options["verbosity"]

        def progress(count: int) -> None:
            if verbosity >= 1 and count % PROGRESS_EVERY == 0:
                self.stdout.write(
                    ngettext("Processed %(count)d post…", "Processed %(count)d posts…", count)
                    % {"count": count}
                )

        def say(text: str) -> None:
            if verbosity >= 2 or (dry_run and verbosity >= 1):
                self.stdout.write("  " + text)

        importer = WordPressImporter(
            export,
            index,
            dry_run=dry_run,
            statuses=statuses,
            uploads=uploads,
            mapping=rules,
            progress=progress,
            say=say,
        )
        try:
            result = importer.run()
        except WxrError as error:
            raise CommandError(
                gettext("%(error)s Nothing was imported.") % {"error": error}
            ) from error
        except ImportAborted as error:
            raise CommandError(str(error)) from error
        total = len(result.posts) + sum(result.not_selected.values())
        if verbosity >= 1:
            self.stdout.write(
                ngettext("Processed %(count)d post.", "Processed %(count)d posts.", total)
                % {"count": total}
            )
        for line in result.summary_lines():
            self.stdout.write(line)
        if report is not None:
            report.write_text(
                json.dumps(result.as_dict(), indent=2, ensure_ascii=False, default=str),
                encoding="utf-8",
            )
            self.stdout.write(gettext("Report written to %(path)s.") % {"path": report})
