"""What several benchmarks share: running one step in a child process, and its peak
memory, so a figure covers that step alone (Python and Django as a site runs them); an
engine rebuild fed a stream with the stream's own time left out."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mib() -> float:
    """This process's peak RSS. Linux's ``VmHWM`` belongs to the process image;
    ``ru_maxrss`` would also count the parent's RSS at fork (it survives ``exec``)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(module: str, *args: str) -> dict:
    """Run ``python -m <module> <args>`` from the repository; return its last JSON line."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "example_project"), str(ROOT)])
    done = subprocess.run(  # noqa: S603 - our own modules, fixed arguments
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_cluster_precision(indexed, labels, params) -> float:
    """Share of shown similar posts in the page's own synthetic cluster."""
    from ankasam_pubs.similar import engine

    by_key = {d.key: d for d in indexed}
    hits = total = 0
    for doc in indexed:
        for choice in engine.select(doc, doc.reserve, by_key, params):
            total += 1
            hits += labels[choice.key - 1] == labels[doc.key - 1]
    return hits / total if total else 0.0


def streamed_build(pairs) -> dict:
    """``engine.build`` fed the documents of ``pairs`` ((document, label) pairs) one at a
    time, as a site reads its pages, so the corpus's texts are never all held: seconds
    without the generator's own time, the generator's time, peak RSS before and after,
    the indexed documents and the labels in order."""
    from ankasam_pubs.similar import engine

    labels: list = []
    generating = 0.0

    def documents():
        nonlocal generating
        started = time.perf_counter()
        for document, label in pairs:
            labels.append(label)
            generating += time.perf_counter() - started
            yield document
            started = time.perf_counter()

    base = peak_rss_mib()
    started = time.perf_counter()
    _stats, indexed = engine.build(documents(), engine.Params())
    return {
        "seconds": time.perf_counter() - started - generating,
        "generating": generating,
        "peak_rss_mib": peak_rss_mib(),
        "corpus_rss_mib": base,
        "indexed": indexed,
        "labels": labels,
    }
