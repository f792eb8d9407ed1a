"""Every shipped catalogue is complete, compiled and in step with the code."""

import gettext
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "ankasam_pubs"
# Every catalogue the package ships is checked; a new one needs its plural count here.
LANGUAGES = sorted(path.name for path in (APP / "locale").iterdir() if path.is_dir())
NPLURALS = {"tr": 2, "ru": 4, "de": 2, "fr": 2, "ar": 6}


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr list, flags (no library needed)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {
            "flags": set(),
            "msgctxt": None,
            "msgid": None,
            "msgid_plural": None,
            "msgstr": {},
        }
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
        msgid, context = unescape(entry["msgid"]), entry["msgctxt"]
        if entry["msgid_plural"] is None:
            found = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            assert found == unescape(entry["msgstr"]["msgstr"]), msgid
        else:
            plural = unescape(entry["msgid_plural"])
            # Every form, chosen by the catalogue's own rule (Arabic's form for n=1 is
            # msgstr[1], not msgstr[0]); 0..199 reaches all six Arabic forms.
            for n in range(200):
                form = unescape(entry["msgstr"][f"msgstr[{compiled.plural(n)}]"])
                found = (
                    compiled.npgettext(context, msgid, plural, n)
                    if context
                    else compiled.ngettext(msgid, plural, n)
                )
                assert found == form, (msgid, n)


def plural_forms(path: Path) -> str:
    """The Plural-Forms rule of a .po file's header (which may span several lines)."""
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    text = "".join(line[1:-1] for line in header.splitlines() if line.startswith('"'))
    return re.search(r"Plural-Forms: ([^\\]*)", text).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_rule_is_djangos_own(language):
    """Django keeps a catalogue whose plural rule differs from its own apart; the same
    rule as Django's catalogue for the language means one merged catalogue."""
    import django

    ours = plural_forms(APP / "locale" / language / "LC_MESSAGES" / "django.po")
    django_po = Path(django.__file__).parent / "conf/locale" / language / "LC_MESSAGES/django.po"
    assert ours == plural_forms(django_po)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_the_same_messages_as_turkish(language):
    """The Turkish catalogue is checked against the code below; the others must match it."""
    ids = {
        (e["msgctxt"], e["msgid"], e["msgid_plural"])
        for e in parse_po(APP / "locale" / language / "LC_MESSAGES" / "django.po")
    }
    turkish = {
        (e["msgctxt"], e["msgid"], e["msgid_plural"])
        for e in parse_po(APP / "locale/tr/LC_MESSAGES/django.po")
    }
    assert ids == turkish, f"missing {turkish - ids}, stale {ids - turkish}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_no_bidi_controls(language):
    """Every %(name)s, {name} and tag of the English text survives translation, and no
    invisible direction mark is baked into a message (the templates isolate text
    themselves). A plural form used for one number only (Arabic's 0, 1 and 2) may say
    the number in words and leave its placeholder out, as msgfmt allows."""
    path = APP / "locale" / language / "LC_MESSAGES" / "django.po"
    rule = gettext.c2py(plural_forms(path).split("plural=", 1)[1].rstrip(";"))
    numbers_per_form = Counter(rule(n) for n in range(1000))
    token = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>")
    bidi = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    for entry in parse_po(path)[1:]:
        english = entry["msgid_plural"] or entry["msgid"]
        expected = Counter(token.findall(english))
        for key, text in entry["msgstr"].items():
            assert not bidi.search(text), (entry["msgid"], key)
            found = Counter(token.findall(text))
            form = re.search(r"\[(\d)\]", key)
            if form and numbers_per_form[int(form.group(1))] == 1:
                assert not found - expected, (entry["msgid"], key, text)
            else:
                assert found == expected, (entry["msgid"], key, text)


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
    fresh = {(e["msgctxt"], e["msgid"]) for e in parse_po(copy / "locale/tr/LC_MESSAGES/django.po")}
    # One extraction serves every catalogue: each must hold exactly the code's messages.
    for language in LANGUAGES:
        committed = {
            (e["msgctxt"], e["msgid"])
            for e in parse_po(APP / "locale" / language / "LC_MESSAGES/django.po")
        }
        assert fresh == committed, (
            f"{language}: run makemessages: new {fresh - committed}, stale {committed - fresh}"
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


def test_arabic_reader_sees_arabic_interface(client, tree):
    from wagtail.models import Locale

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    tree["home"]["en"].copy_for_translation(arabic).save_revision().publish()
    index = tree["index"]["en"].copy_for_translation(arabic)
    index.title, index.slug = "التحليلات", "tahlilat"
    index.save()
    index.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert index.url.startswith("/ar/")
    # Messages of this app only (Django's and Wagtail's own ar catalogues have "بحث").
    assert 'aria-label="البحث في التحليلات وتصفيتها"' in html
    assert "لم يُنشر أي تحليل بعد." in html


EXAMPLE = APP.parent / "example_project"


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs gettext (scripts/test installs it)"
)
def test_example_site_catalogues_are_complete_and_cover_its_templates(tmp_path):
    """The demo's own header, footer and error pages speak every language it serves."""
    copy = tmp_path / "example_project"
    shutil.copytree(
        EXAMPLE,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "media", "static", "*.sqlite3*"),
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "demo_site.settings"}
    env["PYTHONPATH"] = os.pathsep.join([str(copy), str(APP.parent)])
    subprocess.run(
        # The demo's content is data in every language, not interface text.
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "tr",
            "--no-location",
            "-i",
            "demo/*",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {e["msgid"] for e in parse_po(copy / "locale/tr/LC_MESSAGES/django.po")[1:]}
    from demo_site import settings

    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    for language in languages:
        path = EXAMPLE / "locale" / language / "LC_MESSAGES" / "django.po"
        entries = parse_po(path)
        assert "fuzzy" not in entries[0]["flags"]
        assert {e["msgid"] for e in entries[1:]} == fresh, language
        for entry in entries[1:]:
            assert entry["msgstr"]["msgstr"], f"{language} untranslated: {entry['msgid']!r}"
        assert (path.parent / "django.mo").exists()
