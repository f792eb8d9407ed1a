"""Recompute the similar-posts lists of every language, or of one."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from ...similar import service


class Command(BaseCommand):
    help = "Recompute the similar-posts lists of every language (or of --locale)."

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="language code, e.g. tr; default: every language")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not draw the progress bar"
        )

    def handle(self, *args, locale=None, no_progress=False, **options):
        locales = Locale.objects.order_by("language_code")
        if locale:
            locales = locales.filter(language_code=locale)
            if not locales.exists():
                known = ", ".join(Locale.objects.values_list("language_code", flat=True))
                raise CommandError(f"No locale {locale!r} (the site has: {known}).")
        show = not no_progress and options["verbosity"] >= 1 and self.stdout.isatty()
        for item in locales:
            started = time.perf_counter()
            progress = self._progress(item.language_code) if show else None
            count = service.rebuild(item, progress)
            if show:
                self.stdout.write("")
            self.stdout.write(
                f"{item.language_code}: {count} analyses, {time.perf_counter() - started:.2f} s"
            )

    def _progress(self, language: str):
        def draw(stage: str, done: int, total: int) -> None:
            width = 30
            filled = int(width * done / total) if total else width
            bar = "#" * filled + "-" * (width - filled)
            self.stdout.write(f"\r{language} {stage:<8} [{bar}] {done}/{total}", ending="")
            self.stdout.flush()

        return draw
