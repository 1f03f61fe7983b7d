"""CPU milliseconds per cluster of the story stage's date, year-evidence, keyword,
sub-event and timeline steps, each timed alone on the inputs it really gets.

    PYTHONPATH=src python bench/story_parts.py [../shared/data/vims-dev] [--rounds 5]

Every cluster of a ViMs-layout folder goes through the pipeline once (default method,
230 words), which gives the story stage's inputs; one ``analyze()`` per cluster on
those inputs then records the arguments each step is called with (the
steps are looked up in ``tomtat.story.stage`` at call time, so wrapping them there sees
every call). Each step is re-run alone over all clusters, ``--rounds`` times, and the
best round is printed (``time.process_time``: fair when other jobs share the machine).
Run it in two trees alternately to compare them; no profiler overhead is counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from profile_stages import read_cluster

from tomtat import pipeline
from tomtat.model import Budget
from tomtat.story import stage

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("resolve_dates", "find_dates_many", "estimate_years", "extract_keywords", "group_events",
         "lend_years", "mark_background", "build_timeline")
# the steps analyze() calls itself (resolve_dates calls find_dates_many and estimate_years)
OUTER = ("resolve_dates", "extract_keywords", "group_events", "lend_years", "mark_background", "build_timeline")
Call = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


def story_inputs(folder: Path) -> Call:
    """``analyze`` with the arguments the pipeline gives it for one cluster."""
    doc = pipeline.build_document(read_cluster(folder), Budget(words=230))
    kwargs = {"tokens": doc.get(pipeline.TOKENS), "title_tokens": doc.get(pipeline.TITLE_TOKENS)}
    return stage.analyze, (doc.get(pipeline.ARTICLES), doc.get(pipeline.SENTENCES)), kwargs


def record(runs: list[Call]) -> dict[str, list[Call]]:
    """Each step's calls during one run of every ``analyze`` call in ``runs``."""
    calls: dict[str, list[Call]] = {name: [] for name in STEPS}
    originals = {name: getattr(stage, name) for name in STEPS}

    def wrapped(name: str) -> Callable[..., Any]:
        fn = originals[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            calls[name].append((fn, args, kwargs))
            return fn(*args, **kwargs)
        return call

    try:
        for name in STEPS:
            setattr(stage, name, wrapped(name))
        for fn, args, kwargs in runs:
            fn(*args, **kwargs)
    finally:
        for name, fn in originals.items():
            setattr(stage, name, fn)
    return calls


def best(calls: list[Call], rounds: int) -> float:
    """The fastest of ``rounds`` runs of all ``calls``, in CPU seconds."""
    times = []
    for _ in range(rounds):
        t0 = time.process_time()
        for fn, args, kwargs in calls:
            fn(*args, **kwargs)
        times.append(time.process_time() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "data" / "vims-dev"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, got {args.rounds}")
    data = Path(args.corpus) / "data"
    folders = sorted(p for p in data.iterdir() if p.is_dir()) if data.is_dir() else []
    if not folders:
        print(f"story_parts: no cluster folders in {data}", file=sys.stderr)
        return 2
    runs = [story_inputs(f) for f in folders]
    calls = record(runs)  # also warms imports and caches
    n = len(runs)
    results = {name: best(calls[name], args.rounds) for name in STEPS}
    results["analyze"] = best(runs, args.rounds)
    for name, seconds in results.items():
        print(f"{name:18s} {1000 * seconds / n:7.3f} ms/cluster")
    print(f"{'steps above':18s} {1000 * sum(results[m] for m in OUTER) / n:7.3f} ms/cluster"
          " (resolve_dates holds find_dates_many and estimate_years)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
