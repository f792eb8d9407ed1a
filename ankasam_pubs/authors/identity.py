"""Identity of a person: ORCID iDs, initials, schema.org ``Person`` (pure functions)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$", re.I)
http_url = URLValidator(schemes=["http", "https"])


def orcid_check_digit(base_digits: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalise_orcid(value: str) -> str:
    """``0000-0002-1825-009X`` from any accepted spelling; raises ValidationError."""
    match = ORCID.match((value or "").strip())
    if not match:
        raise ValidationError(
            _("Enter an ORCID iD as 0000-0000-0000-0000 (or its https://orcid.org/ address)."),
            code="invalid_orcid",
        )
    digits = "".join(match.groups()).upper()
    if orcid_check_digit(digits[:15]) != digits[15]:
        raise ValidationError(
            _("This ORCID iD's check digit is wrong; copy it again from orcid.org."),
            code="invalid_orcid_checksum",
        )
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def validate_orcid(value: str) -> None:
    if value:
        normalise_orcid(value)


def split_links(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def web_links(text: str) -> list[str]:
    """The lines of ``text`` that are http(s) addresses: what is shown or published.

    The form refuses anything else (:func:`validate_links`); a value stored without
    validation (a script, a fixture) must still never become a ``javascript:`` link.
    """
    links = []
    for line in split_links(text):
        try:
            http_url(line)
        except ValidationError:
            continue
        links.append(line)
    return links


def validate_links(text: str) -> None:
    for line in split_links(text):
        try:
            http_url(line)
        except ValidationError as error:
            raise ValidationError(
                _("“%(link)s” is not a web address starting with http:// or https://."),
                code="invalid_link",
                params={"link": line},
            ) from error


def initials(name: str) -> str:
    words = [word for word in re.split(r"[\s-]+", name or "") if word]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def person_jsonld(
    profile, *, url: str | None = None, image: str | None = None, organisation: str = ""
) -> dict:
    """schema.org ``Person`` for a profile (in the active language)."""
    data: dict = {"@type": "Person", "name": profile.display_name}
    if profile.position:
        data["jobTitle"] = profile.position
    affiliation = profile.affiliation or organisation
    if affiliation:
        data["affiliation"] = {"@type": "Organization", "name": affiliation}
    if url:
        data["url"] = url
    if image:
        data["image"] = image
    same_as = []
    if profile.orcid:
        same_as.append(f"https://orcid.org/{profile.orcid}")
    same_as += web_links(profile.links)
    if same_as:
        data["sameAs"] = same_as
    return data
