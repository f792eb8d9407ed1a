"""What an import did (or, in a dry run, would do): counts, problems, the mapping used.

One :class:`ImportReport` per run. Everything about one post is first gathered in a
:class:`PostLog` and added only if the post was written, so a post that failed leaves
nothing in the report but its failure and the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext, ngettext

__all__ = ["ACTIONS", "ImportReport", "Issue", "PostLog", "PostRecord"]

ACTIONS = ("created", "updated", "unchanged", "failed", "skipped")


@dataclass
class Issue:
    """Something not imported as it stood: a note, a marker, an image, a link…"""

    post_id: int | None
    title: str
    line: int  # line of the export file (0: the post as a whole, or unknown)
    kind: str  # notes, markers, images, links, content, language, slug, terms, redirects…
    text: str
    reason: str  # translated

    def describe(self) -> str:
        where = (
            gettext("post %(id)s “%(title)s”, line %(line)s")
            if self.line
            else gettext("post %(id)s “%(title)s”")
        ) % {"id": self.post_id, "title": self.title, "line": self.line}
        if self.post_id is None:
            where = gettext("line %(line)s") % {"line": self.line} if self.line else ""
        text = f" “{self.text}”" if self.text else ""
        return f"{where}: {self.reason}{text}" if where else f"{self.reason}{text}"


@dataclass
class PostRecord:
    post_id: int | None
    title: str
    language: str
    status: str  # WordPress status
    action: str  # one of ACTIONS
    page_id: int | None = None
    url: str = ""
    line: int = 0
    reason: str = ""


@dataclass
class PostLog:
    """What happened to one post, added to the report once the post is written."""

    record: PostRecord
    issues: list[Issue] = field(default_factory=list)
    notes: Counter = field(default_factory=Counter)
    authors_matched: set[str] = field(default_factory=set)
    authors_created: set[str] = field(default_factory=set)
    terms: dict[str, str | None] = field(default_factory=dict)
    redirects: Counter = field(default_factory=Counter)
    index_translations: list[str] = field(default_factory=list)

    def issue(self, line: int, kind: str, text: str, reason: str) -> None:
        record = self.record
        self.issues.append(Issue(record.post_id, record.title, line, kind, text, reason))


NOTE_PROBLEM_KINDS = ("notes", "markers")


class ImportReport:
    def __init__(self, *, file: str, dry_run: bool, mapping: dict):
        self.file = file
        self.dry_run = dry_run
        self.mapping = mapping
        self.source = ""
        self.wxr_version = ""
        self.warnings: list[str] = []
        self.posts: list[PostRecord] = []
        self.issues: list[Issue] = []
        self.notes: Counter = Counter()
        self.authors_matched: set[str] = set()
        self.authors_created: set[str] = set()
        self.terms: dict[str, str | None] = {}
        self.redirects: Counter = Counter()
        self.images: Counter = Counter()
        self.missing_images: dict[int, dict] = {}
        self.languages: Counter = Counter()  # posts per language code found in the export
        self.unknown_languages: Counter = Counter()
        self.groups = 0  # translation groups found
        self.groups_with_translations = 0
        self.ignored_types: Counter = Counter()  # items that are not posts
        self.not_selected: Counter = Counter()  # posts whose status was not asked for
        self.index_translations: list[str] = []

    # -- gathering ------------------------------------------------------------------------

    def add(self, log: PostLog) -> None:
        self.posts.append(log.record)
        self.issues += log.issues
        self.notes.update(log.notes)
        self.notes["problems"] += sum(1 for i in log.issues if i.kind in NOTE_PROBLEM_KINDS)
        self.authors_created |= log.authors_created
        self.authors_matched |= log.authors_matched - self.authors_created
        self.terms.update(log.terms)
        self.redirects.update(log.redirects)
        self.index_translations += log.index_translations

    def fail(self, record: PostRecord, reason: str, *, action: str = "failed") -> None:
        record.action = action
        record.reason = reason
        record.page_id, record.url = None, ""  # whatever was written was rolled back
        self.posts.append(record)

    def missing_image(self, attachment_id: int, file: str, reason: str, post_id) -> None:
        entry = self.missing_images.setdefault(
            attachment_id,
            {"attachment_id": attachment_id, "file": file, "reason": reason, "posts": []},
        )
        if post_id is not None and post_id not in entry["posts"]:
            entry["posts"].append(post_id)

    # -- results ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        found = Counter(record.action for record in self.posts)
        return {action: found.get(action, 0) for action in ACTIONS}

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "source": self.source,
            "wxr_version": self.wxr_version,
            "dry_run": self.dry_run,
            "posts": self.counts(),
            "failed": [asdict(record) for record in self.posts if record.action == "failed"],
            "skipped": [asdict(record) for record in self.posts if record.action == "skipped"],
            "notes": {
                "imported": self.notes["imported"],
                "with_source": self.notes["with_source"],
                "ibid": self.notes["ibid"],
                "text_only": self.notes["text_only"],
                "referenced": self.notes["referenced"],
                "unparsed": self.notes["problems"],
                "styles": {
                    key.removeprefix("style:"): value
                    for key, value in sorted(self.notes.items())
                    if key.startswith("style:")
                },
            },
            "authors": {
                "matched": sorted(self.authors_matched),
                "created": sorted(self.authors_created),
            },
            "images": {
                "created": self.images["created"],
                "reused": self.images["reused"],
                "missing": [self.missing_images[key] for key in sorted(self.missing_images)],
            },
            "redirects": {
                "created": self.redirects["created"],
                "unchanged": self.redirects["unchanged"],
                "conflicts": self.redirects["conflicts"],
            },
            "languages": dict(sorted(self.languages.items())),
            "unknown_languages": dict(sorted(self.unknown_languages.items())),
            "translation_groups": self.groups,
            "translation_groups_with_several_languages": self.groups_with_translations,
            "index_translations_created": sorted(set(self.index_translations)),
            "mapping": self.mapping,
            "terms": dict(sorted(self.terms.items())),
            "ignored_post_types": dict(sorted(self.ignored_types.items())),
            "statuses_not_selected": dict(sorted(self.not_selected.items())),
            "warnings": self.warnings,
            "issues": [asdict(issue) for issue in self.issues],
            "items": [asdict(record) for record in self.posts],
        }

    def summary_lines(self) -> list[str]:
        counts = self.counts()
        lines = []
        if self.dry_run:
            lines.append(gettext("Dry run: nothing was written. The import would do this:"))
        lines.append(
            gettext(
                "Posts: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
                "%(failed)d failed, %(skipped)d skipped."
            )
            % counts
        )
        for record in self.posts:
            if record.action in ("failed", "skipped"):
                label = (
                    gettext("Failed: post %(id)s “%(title)s”: %(reason)s")
                    if record.action == "failed"
                    else gettext("Skipped: post %(id)s “%(title)s”: %(reason)s")
                )
                lines.append(
                    "  "
                    + label % {"id": record.post_id, "title": record.title, "reason": record.reason}
                )
        lines.append(
            gettext(
                "Notes: %(imported)d imported (%(with_source)d with a structured source, "
                "%(ibid)d “Ibid.”, %(text_only)d as text only), %(referenced)d referenced "
                "from the text; %(unparsed)d notes or markers not matched or not parsed."
            )
            % {
                "imported": self.notes["imported"],
                "with_source": self.notes["with_source"],
                "ibid": self.notes["ibid"],
                "text_only": self.notes["text_only"],
                "referenced": self.notes["referenced"],
                "unparsed": self.notes["problems"],
            }
        )
        lines.append(
            gettext("Authors: %(matched)d matched, %(created)d created.")
            % {"matched": len(self.authors_matched), "created": len(self.authors_created)}
        )
        lines.append(
            gettext(
                "Images: %(created)d created, %(reused)d already imported, %(missing)d missing."
            )
            % {
                "created": self.images["created"],
                "reused": self.images["reused"],
                "missing": len(self.missing_images),
            }
        )
        for key in sorted(self.missing_images):
            entry = self.missing_images[key]
            lines.append(
                "  "
                + gettext(
                    "Missing image: attachment %(id)s (%(file)s): %(reason)s Posts: %(posts)s"
                )
                % {
                    "id": entry["attachment_id"],
                    "file": entry["file"] or "?",
                    "reason": entry["reason"],
                    "posts": ", ".join(str(post) for post in entry["posts"]) or "-",
                }
            )
        lines.append(
            gettext(
                "Redirects: %(created)d made, %(unchanged)d already there, %(conflicts)d conflicts."
            )
            % {
                "created": self.redirects["created"],
                "unchanged": self.redirects["unchanged"],
                "conflicts": self.redirects["conflicts"],
            }
        )
        languages = ", ".join(f"{code} ({count})" for code, count in sorted(self.languages.items()))
        lines.append(
            gettext(
                "Languages: %(languages)s; translation groups: %(groups)d (%(linked)d with "
                "several languages)."
            )
            % {
                "languages": languages or "-",
                "groups": self.groups,
                "linked": self.groups_with_translations,
            }
        )
        for code, count in sorted(self.unknown_languages.items()):
            lines.append(
                "  "
                + ngettext(
                    "The site has no locale for “%(code)s” (%(count)d post): not imported.",
                    "The site has no locale for “%(code)s” (%(count)d posts): not imported.",
                    count,
                )
                % {"code": code, "count": count}
            )
        for code in sorted(set(self.index_translations)):
            lines.append(
                "  "
                + gettext("Created the “%(code)s” version of the analysis index.") % {"code": code}
            )
        taxonomies = ", ".join(
            f"{name} → {kind or '-'}" for name, kind in sorted(self.mapping["taxonomies"].items())
        )
        lines.append(
            gettext("Mapping (%(source)s): %(taxonomies)s; %(terms)d terms mapped one by one.")
            % {
                "source": self.mapping["source"],
                "taxonomies": taxonomies,
                "terms": len(self.mapping["terms"]),
            }
        )
        for kind, count in sorted(self.ignored_types.items()):
            lines.append(
                "  "
                + ngettext(
                    "Not imported: %(count)d item of type “%(type)s”.",
                    "Not imported: %(count)d items of type “%(type)s”.",
                    count,
                )
                % {"count": count, "type": kind}
            )
        for status, count in sorted(self.not_selected.items()):
            lines.append(
                "  "
                + ngettext(
                    "Not selected: %(count)d post with status “%(status)s”.",
                    "Not selected: %(count)d posts with status “%(status)s”.",
                    count,
                )
                % {"count": count, "status": status}
            )
        for warning in self.warnings:
            lines.append(gettext("Warning: %(warning)s") % {"warning": warning})
        if self.issues:
            lines.append(gettext("Problems (post, line of the export file):"))
            lines += ["  " + issue.describe() for issue in self.issues]
        return lines
