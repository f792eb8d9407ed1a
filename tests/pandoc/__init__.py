"""Read RIS and CSL-JSON back with pandoc (3.x, from the ``pypandoc-binary`` wheel).

rispy reads RIS leniently and CSL-JSON is only JSON to ``json.loads``; pandoc's readers
are what writers who cite with Markdown or LaTeX run, and its CSL-JSON reader is the
citeproc library's. Both are read into CSL-JSON, which the tests compare field by field.
"""

from __future__ import annotations

import json
import subprocess

import pypandoc

#: The bundled binary: no Debian package offers a pandoc that reads RIS (Debian 12: 2.17).
PANDOC = pypandoc.get_pandoc_path()


def read(text: str, input_format: str) -> list[dict]:
    """The CSL-JSON items pandoc reads from ``text`` (``ris`` or ``csljson``)."""
    result = subprocess.run(  # noqa: S603 - our own binary and text
        [PANDOC, "--from", input_format, "--to", "csljson"],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    return json.loads(result.stdout)


def full_name(name: dict) -> str:
    """A CSL name as one string: pandoc moves leading lower-case words ("van", "line")
    of a family name into particles."""
    parts = ("non-dropping-particle", "dropping-particle", "family")
    return " ".join(name[part] for part in parts if name.get(part)) or name.get("literal", "")
