"""Where the time goes: CPU milliseconds per pipeline stage, median over a corpus.

    PYTHONPATH=src python bench/profile_stages.py [../shared/data/vims-dev] [--method NAME ...]

For each cluster of a ViMs-layout folder: read the files, clean, split, represent,
story (timeline, actors, sub-events), select, order + compose, write JSON to a scratch
file, each stage timed with the process's CPU clock (fair when other jobs share the
machine). Prints one row per method with the median of each stage and of the whole,
with and without the story stage. Use ``python -m cProfile -s cumtime`` on this script to
see inside a stage.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tomtat import pipeline
from tomtat.document import Document, StageView
from tomtat.io.writers import render
from tomtat.model import Article, Budget, Cluster, Summary
from tomtat.select import METHODS, get_method

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("read", *(stage.name for stage in pipeline.STAGES), "write")


def read_cluster(folder: Path) -> Cluster:
    """A ViMs cluster folder: one article per .txt, line 1 the title."""
    articles = []
    for path in sorted(folder.glob("*.txt"), key=lambda p: (len(p.stem), p.stem)):
        lines = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
        if lines:
            articles.append(Article(path.stem, lines[0], "\n".join(lines[1:])))
    return Cluster(folder.name, tuple(articles))


def profile(folders: list[Path], method: str, words: int, scratch: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {s: [] for s in STAGES}
    budget = Budget(words=words)
    selector = get_method(method)
    for folder in folders:
        clock = time.process_time
        t0 = clock()
        cluster = read_cluster(folder)
        times["read"].append(1000 * (clock() - t0))
        doc = Document()
        doc.set(pipeline.CLUSTER, cluster)
        doc.set(pipeline.BUDGET, budget)
        doc.set(pipeline.METHOD, selector)
        doc.set(pipeline.CACHE, None)
        for stage in pipeline.STAGES:
            t0 = clock()
            stage.run(StageView(doc, stage))
            times[stage.name].append(1000 * (clock() - t0))
        t0 = clock()
        summary = Summary(
            cluster.id, doc.get(pipeline.EXTRACTS), doc.get(pipeline.CLEANED), selector.name, budget,
            doc.get(pipeline.COMPOSE_NOTES),
        )
        (scratch / f"{cluster.id}.json").write_text(render(summary, "json"), encoding="utf-8")
        times["write"].append(1000 * (clock() - t0))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "data" / "vims-dev"))
    parser.add_argument("--method", action="append", choices=sorted(METHODS))
    parser.add_argument("--words", type=int, default=230)
    args = parser.parse_args(argv)
    data = Path(args.corpus) / "data"
    if not data.is_dir():
        print(f"profile_stages: no data/ folder in {args.corpus}", file=sys.stderr)
        return 2
    folders = sorted(p for p in data.iterdir() if p.is_dir())
    print("| method | " + " | ".join(STAGES) + " | total | without story |")
    print("|---|" + "---:|" * (len(STAGES) + 2))
    with tempfile.TemporaryDirectory() as scratch:
        profile(folders[:3], "lead", args.words, Path(scratch))  # imports and caches warm
        for method in args.method or sorted(METHODS):
            times = profile(folders, method, args.words, Path(scratch))
            totals = [sum(times[s][i] for s in STAGES) for i in range(len(folders))]
            fast = [x - y for x, y in zip(totals, times["story"])]
            cells = [f"{statistics.median(times[s]):.1f}" for s in STAGES]
            print(f"| {method} | " + " | ".join(cells) + f" | {statistics.median(totals):.1f} | {statistics.median(fast):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
