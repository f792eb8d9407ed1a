"""Read BibTeX back with real BibTeX 0.99d (Debian's ``texlive-binaries``).

bibtexparser accepts what BibTeX rejects (a lone ``\\}`` counts as a brace for BibTeX),
so exports are checked with the program reference managers and LaTeX users run: a
``.aux`` citing every entry, a style (``dump.bst``) that writes each field as BibTeX
parsed it, and the log, which must hold no warning or error.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import tempfile
from pathlib import Path

STYLE = Path(__file__).resolve().parent / "dump.bst"
#: BibTeX loops on some malformed styles and input: cap what it may write (bytes).
MAX_OUTPUT = 10 * 1024 * 1024


def _limit_output() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_OUTPUT, MAX_OUTPUT))


def run_bibtex(bib: str) -> tuple[dict[str, dict[str, str]], dict[str, list[tuple]], str]:
    """``(fields by entry key, names by entry key, log)`` as BibTeX read ``bib``."""
    program = shutil.which("bibtex")
    assert program, "bibtex is not installed (Debian: apt-get install texlive-binaries)"
    with tempfile.TemporaryDirectory(prefix="ankasam-bibtex-") as folder:
        work = Path(folder)
        (work / "refs.bib").write_text(bib, encoding="utf-8")
        shutil.copy(STYLE, work / "dump.bst")
        (work / "main.aux").write_text(
            "\\citation{*}\n\\bibstyle{dump}\n\\bibdata{refs}\n", encoding="utf-8"
        )
        subprocess.run(  # noqa: S603 - our own files
            [program, "-terse", "main"],
            cwd=work,
            capture_output=True,
            timeout=30,
            preexec_fn=_limit_output,  # noqa: PLW1509 - single-threaded child
            check=False,
        )
        bbl = (work / "main.bbl").read_text(encoding="utf-8")
        log = (work / "main.blg").read_text(encoding="utf-8")
    fields: dict[str, dict[str, str]] = {}
    names: dict[str, list[tuple]] = {}
    key = None
    # BibTeX wraps long output lines: a line not starting a new "name=" is a continuation.
    lines: list[str] = []
    for line in bbl.splitlines():
        if "=" in line.split(" ", 1)[0] or line.startswith("@@entry="):
            lines.append(line)
        elif lines:
            lines[-1] += " " + line.strip()
    for line in lines:
        name, _, value = line.partition("=")
        if name == "@@entry":
            key = value
            fields[key], names[key] = {}, []
        elif name == "name":
            names[key].append(tuple(value.split("|")))
        elif value:
            fields[key][name] = value
    return fields, names, log


def log_problems(log: str) -> list[str]:
    """Warnings and errors BibTeX wrote to its log."""
    return [
        line
        for line in log.splitlines()
        if line.startswith("Warning--") or "error message" in line or "---line" in line
    ]
