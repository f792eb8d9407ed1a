"""Where WordPress categories, tags, languages and authors go: the operator's JSON file.

Format (every key optional; see docs/how-to/import-from-wordpress.md)::

    {
      "taxonomies": {"category": "topics", "post_tag": "tags", "region": "regions"},
      "terms": {
        "category/commentary": "series",
        "category/ekonomi": {"topics": "economy"},
        "category/uncategorized": null
      },
      "languages": {"ua": "uk"},
      "authors": {"jdoe": "jane-doe"}
    }

* ``taxonomies``: a WordPress taxonomy → ``series``, ``topics``, ``regions``, ``tags``
  or ``null`` (ignored). Taxonomies not named are ignored (and reported).
* ``terms``: ``"taxonomy/slug"`` → a kind (the term keeps its slug), ``{kind: slug}``
  (into that term, e.g. the English topic a Turkish category stands for) or ``null``.
* ``languages``: a WordPress language code → the site's locale code.
* ``authors``: a WordPress login → the slug of an existing author profile.

Without a file: categories → topics, tags → tags, "Uncategorized" ignored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.utils.translation import gettext

__all__ = ["KINDS", "RESERVED_TAXONOMIES", "Mapping", "MappingError", "Target"]

#: What a term can become on an analysis.
KINDS = ("series", "topics", "regions", "tags")

#: Taxonomies the importer reads itself (languages, translations, co-authors) or that
#: carry no meaning for an analysis.
RESERVED_TAXONOMIES = frozenset(
    {"language", "post_translations", "term_language", "term_translations", "author"}
    | {"post_format", "translation_priority", "nav_menu", "link_category"}
)

DEFAULT_TAXONOMIES = {"category": "topics", "post_tag": "tags"}
DEFAULT_TERMS = {"category/uncategorized": None}


class MappingError(Exception):
    """The mapping file cannot be used; ``str()`` is a translated message."""


@dataclass(frozen=True)
class Target:
    kind: str  # one of KINDS
    slug: str  # the term's slug on this site ("" for tags: the name is used)


def _key(taxonomy: str, slug: str) -> str:
    return f"{taxonomy}/{unquote(slug).strip().lower()}"


@dataclass
class Mapping:
    taxonomies: dict[str, str | None] = field(default_factory=lambda: dict(DEFAULT_TAXONOMIES))
    terms: dict[str, Target | None] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)
    source: str = "default"  # "default" or the file's path
    digest: str = ""

    @classmethod
    def default(cls) -> Mapping:
        mapping = cls()
        mapping.terms = dict.fromkeys(DEFAULT_TERMS)
        mapping.digest = hashlib.sha256(b"default").hexdigest()[:16]
        return mapping

    @classmethod
    def from_file(cls, path: str | Path) -> Mapping:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise MappingError(
                gettext("Cannot read the mapping file %(path)s: %(error)s")
                % {"path": path, "error": error.strerror or error}
            ) from error
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise MappingError(
                gettext("The mapping file %(path)s is not UTF-8 text.") % {"path": path}
            ) from error
        except json.JSONDecodeError as error:
            raise MappingError(
                gettext("The mapping file %(path)s is not valid JSON (line %(line)s: %(error)s).")
                % {"path": path, "line": error.lineno, "error": error.msg}
            ) from error
        return cls.from_data(data, source=str(path))

    @classmethod
    def from_data(cls, data, *, source: str = "data") -> Mapping:
        if not isinstance(data, dict):
            raise MappingError(gettext("The mapping must be a JSON object."))
        unknown = set(data) - {"taxonomies", "terms", "languages", "authors", "comment"}
        if unknown:
            raise MappingError(
                gettext("Unknown key(s) in the mapping: %(keys)s (known: %(known)s).")
                % {
                    "keys": ", ".join(sorted(unknown)),
                    "known": "taxonomies, terms, languages, authors",
                }
            )
        mapping = cls(source=source)
        mapping.taxonomies = dict(DEFAULT_TAXONOMIES)
        for taxonomy, kind in _object(data, "taxonomies").items():
            if taxonomy in RESERVED_TAXONOMIES:
                raise MappingError(
                    gettext("The taxonomy “%(taxonomy)s” is read by the importer itself.")
                    % {"taxonomy": taxonomy}
                )
            mapping.taxonomies[taxonomy] = _kind(kind, f"taxonomies/{taxonomy}")
        mapping.terms = dict.fromkeys(DEFAULT_TERMS)
        for key, value in _object(data, "terms").items():
            taxonomy, slash, slug = key.partition("/")
            if not slash or not taxonomy or not slug:
                raise MappingError(
                    gettext("Term “%(key)s”: write terms as “taxonomy/slug”.") % {"key": key}
                )
            if value is None:
                target = None
            elif isinstance(value, str):
                kind = _kind(value, f"terms/{key}")
                target = Target(kind, "") if kind else None
            elif isinstance(value, dict) and len(value) == 1:
                ((kind, slug_to),) = value.items()
                kind = _kind(kind, f"terms/{key}")
                if not isinstance(slug_to, str) or not slug_to.strip():
                    raise MappingError(
                        gettext("Term “%(key)s”: the target slug must be a non-empty string.")
                        % {"key": key}
                    )
                target = Target(kind, slug_to.strip()) if kind else None
            else:
                raise MappingError(
                    gettext("Term “%(key)s”: the value must be a kind, {kind: slug} or null.")
                    % {"key": key}
                )
            mapping.terms[_key(taxonomy, slug)] = target
        for name in ("languages", "authors"):
            values = _object(data, name)
            for key, value in values.items():
                if not isinstance(value, str) or not value.strip():
                    raise MappingError(
                        gettext("%(section)s “%(key)s”: the value must be a non-empty string.")
                        % {"section": name, "key": key}
                    )
            cleaned = {key.strip(): value.strip() for key, value in values.items()}
            if name == "languages":
                cleaned = {key.lower().replace("_", "-"): value for key, value in cleaned.items()}
            setattr(mapping, name, cleaned)
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        mapping.digest = hashlib.sha256(canonical).hexdigest()[:16]
        return mapping

    def target(self, taxonomy: str, slug: str) -> Target | None:
        """Where a term of a post goes; None: nowhere (ignored)."""
        if taxonomy in RESERVED_TAXONOMIES:
            return None
        key = _key(taxonomy, slug)
        if key in self.terms:
            return self.terms[key]
        kind = self.taxonomies.get(taxonomy)
        return Target(kind, "") if kind else None

    def language(self, code: str) -> str:
        code = (code or "").strip().lower().replace("_", "-")
        return self.languages.get(code, code)

    def as_dict(self) -> dict:
        """The mapping in force, in the file's own format (for the report)."""
        terms = {}
        for key, target in sorted(self.terms.items()):
            if target is None:
                terms[key] = None
            elif target.slug:
                terms[key] = {target.kind: target.slug}
            else:
                terms[key] = target.kind
        return {
            "source": self.source,
            "taxonomies": dict(sorted(self.taxonomies.items())),
            "terms": terms,
            "languages": dict(sorted(self.languages.items())),
            "authors": dict(sorted(self.authors.items())),
        }


def _object(data: dict, name: str) -> dict:
    value = data.get(name, {})
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MappingError(
            gettext("“%(name)s” in the mapping must be a JSON object.") % {"name": name}
        )
    return value


def _kind(value, where: str) -> str | None:
    if value is None or value == "ignore":
        return None
    if value not in KINDS:
        raise MappingError(
            gettext("%(where)s: unknown target “%(value)s” (use %(kinds)s, or null).")
            % {"where": where, "value": value, "kinds": ", ".join(KINDS)}
        )
    return value
