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

from tomtat.clean import clean_cluster
from tomtat.compose import compose
from tomtat.io.writers import render
from tomtat.model import Article, Budget, Cluster, Summary
from tomtat.order import reading_order
from tomtat.pipeline import with_events
from tomtat.represent import represent
from tomtat.select import METHODS, get_method
from tomtat.story import analyze
from tomtat.text.sentences import split_articles

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("read", "clean", "split", "represent", "story", "select", "compose", "write")


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
        t = [clock()]
        cluster = read_cluster(folder)
        t.append(clock())
        cleaned = [a for a in clean_cluster(cluster.articles) if a.text.strip()]
        t.append(clock())
        sentences = split_articles(cleaned)
        t.append(clock())
        rep = represent(cleaned, sentences)
        t.append(clock())
        story = analyze(cleaned, sentences)
        rep = with_events(rep, story)
        t.append(clock())
        chosen = selector.select(rep, budget)
        t.append(clock())
        extracts, notes = compose(rep, reading_order(rep, chosen, story.dates), budget)
        t.append(clock())
        summary = Summary(cluster.id, tuple(extracts), tuple(cleaned), selector.name, budget, tuple(notes))
        (scratch / f"{cluster.id}.json").write_text(render(summary, "json"), encoding="utf-8")
        t.append(clock())
        for k, stage in enumerate(STAGES):
            times[stage].append(1000 * (t[k + 1] - t[k]))
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
