"""Precision audit on a real corpus: what the cleaner removes from ViMs-style clusters.

ViMs articles are already clean text, so nearly every removal there is a chance to
lose content. This prints the number of lines, the removals per rule, the cleaning
speed, and with ``--show`` every removal (to the terminal, for checking by eye; the
corpus text stays out of the repository).

    PYTHONPATH=src python bench/clean_corpus.py [--data DIR] [--show]

``DIR`` holds ``Cluster_NNN/*.txt`` files whose first line is the title (default
``../shared/data/vims-dev/data`` relative to the repository root).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from tomtat.clean import clean_cluster
from tomtat.clean.rules import load_rules
from tomtat.model import Article

ROOT = Path(__file__).resolve().parent.parent


def load(data: Path) -> list[list[Article]]:
    clusters = []
    for cdir in sorted(p for p in data.iterdir() if p.is_dir()):
        arts = []
        for path in sorted(cdir.glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").partition("\n")
            arts.append(Article(f"{cdir.name}/{path.stem}", title, body))
        clusters.append(arts)
    return clusters


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "vims-dev" / "data")
    ap.add_argument("--show", action="store_true", help="print every removal")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"clean_corpus: no corpus folder at {args.data}", file=sys.stderr)
        return 2
    clusters = load(args.data)
    lines = sum(1 for c in clusters for a in c for line in a.text.split("\n") if line.strip())
    start = time.perf_counter()
    load_rules()  # compiled once per process; timed apart from the cleaning itself
    compile_seconds = time.perf_counter() - start
    start = time.perf_counter()
    cleaned = [clean_cluster(c) for c in clusters]
    seconds = time.perf_counter() - start
    reasons: Counter[str] = Counter()
    for c in cleaned:
        for a in c:
            for r in a.removed:
                reasons[r.reason] += 1
                if args.show:
                    print(f"{r.reason:26s} {a.id:22s} {r.text[:140]}")
    n = sum(reasons.values())
    print(f"clusters {len(clusters)}, articles {sum(len(c) for c in clusters)}, non-empty lines {lines}")
    print(f"removals {n} ({100 * n / max(lines, 1):.2f}% of lines): " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    print(f"rules compiled in {compile_seconds:.2f} s (once per process)")
    print(f"cleaning time {seconds:.2f} s ({lines / seconds:,.0f} lines/s, {1000 * seconds / len(clusters):.1f} ms per cluster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
