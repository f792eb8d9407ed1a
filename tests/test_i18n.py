"""Turkish and Russian catalogues are complete, compiled and in step with the code."""

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "ankasam_pubs"
LANGUAGES = ["tr", "ru"]
NPLURALS = {"tr": 2, "ru": 4}


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr list, flags (no
    library needed)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"flags": set(), "msgctxt": None, "msgid": None, "msgid_plural": None}
        entry["msgstr"] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                text = line[1:-1]
                if key.startswith("msgstr"):
                    entry["msgstr"][key] += text
                else:
                    entry[key] += text
            else:
                match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
                key, text = match.groups()
                if key.startswith("msgstr"):
                    entry["msgstr"][key] = text
                else:
                    entry[key] = text
        if entry["msgid"] is not None:
            entries.append(entry)
    return entries


def unescape(text: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: escapes.get(match.group(1), match.group(0)), text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(language):
    entries = parse_po(APP / "locale" / language / "LC_MESSAGES" / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert f"nplurals={NPLURALS[language]};" in header["msgstr"]["msgstr"]
    assert len(messages) > 50
    for entry in messages:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        if entry["msgid_plural"] is None:
            assert entry["msgstr"]["msgstr"], f"untranslated: {entry['msgid']!r}"
        else:
            forms = [entry["msgstr"].get(f"msgstr[{n}]") for n in range(NPLURALS[language])]
            assert all(forms), f"plural forms missing: {entry['msgid']!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    directory = APP / "locale" / language / "LC_MESSAGES"
    with open(directory / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in parse_po(directory / "django.po")[1:]:
        msgid = unescape(entry["msgid"])
        if entry["msgctxt"] is not None:
            translated = compiled.pgettext(unescape(entry["msgctxt"]), msgid)
            assert translated == unescape(entry["msgstr"]["msgstr"]), (entry["msgctxt"], msgid)
        elif entry["msgid_plural"] is None:
            assert compiled.gettext(msgid) == unescape(entry["msgstr"]["msgstr"]), msgid
        else:
            plural = unescape(entry["msgid_plural"])
            assert compiled.ngettext(msgid, plural, 1) == unescape(entry["msgstr"]["msgstr[0]"])


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs gettext (scripts/test installs it)"
)
def test_catalogues_cover_every_message_in_the_code(tmp_path):
    copy = tmp_path / "ankasam_pubs"
    shutil.copytree(APP, copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "demo_site.settings"}
    env["PYTHONPATH"] = os.pathsep.join([str(APP.parent / "example_project"), str(APP.parent)])
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "tr", "--no-location", "--no-wrap"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    # A message is its context and its id: "and" in an author list is not any "and".
    fresh = {(e["msgctxt"], e["msgid"]) for e in parse_po(copy / "locale/tr/LC_MESSAGES/django.po")}
    committed = {
        (e["msgctxt"], e["msgid"]) for e in parse_po(APP / "locale/tr/LC_MESSAGES/django.po")
    }
    assert fresh == committed, (
        f"run makemessages: new {fresh - committed}, stale {committed - fresh}"
    )


def test_turkish_reader_sees_turkish_interface(client, tree):
    from tests import factories as f

    page = f.analysis(tree["index"]["tr"], "Tahıl koridoru")
    html = client.get(tree["index"]["tr"].url).content.decode()
    assert "Ara" in html and "Tümü" in html
    assert "Tahıl koridoru" in html
    html_ru = client.get(tree["index"]["ru"].url).content.decode()
    assert "Материалы ещё не опубликованы." in html_ru
    assert page.url.startswith("/tr/")
