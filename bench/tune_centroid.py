"""Grid-tune the centroid method's few weights on a corpus with references.

    PYTHONPATH=src python bench/tune_centroid.py [../shared/data/vims-dev] [--words 230]

Representations are built once; each setting is scored by mean ROUGE-2 F1 over the
whole corpus (never per cluster). Pick from a flat region of the grid (neighbours
within noise), not the single best cell: the corpus is one of several the method must
serve. The chosen values are the defaults in ``tomtat.select.centroid.Centroid``.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from pathlib import Path

from tomtat.clean import clean_cluster
from tomtat.compose import compose
from tomtat.evaluate.loaders import load_dataset
from tomtat.evaluate.rouge import score
from tomtat.model import Budget
from tomtat.order import reading_order
from tomtat.represent import represent
from tomtat.select.centroid import Centroid
from tomtat.text.sentences import split_articles

ROOT = Path(__file__).resolve().parent.parent
GRID = {
    "centrality_weight": [0.5, 1.0],
    "spread_weight": [0.0, 0.5],
    "position_weight": [0.0, 0.1, 0.2],
    "mmr_lambda": [0.45, 0.6],
    "redundancy": [0.3, 0.5],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "data" / "vims-dev"))
    parser.add_argument("--words", type=int, default=230)
    args = parser.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"tune_centroid: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    data = []
    for ec in load_dataset(args.corpus):
        cleaned = [a for a in clean_cluster(ec.cluster.articles) if a.text.strip()]
        data.append((represent(cleaned, split_articles(cleaned)), ec.references))
    budget = Budget(words=args.words)
    keys = list(GRID)
    print("\t".join(keys + ["R-2"]))
    for values in itertools.product(*GRID.values()):
        method = Centroid(**dict(zip(keys, values)))
        r2 = []
        for rep, refs in data:
            limits = budget.limits(int(rep.features.words.sum()))
            extracts, _ = compose(rep.features, reading_order(rep.features, method.select(rep, limits)), limits)
            r2.append(score(" ".join(e.text for e in extracts), refs)["rouge2"].f)
        print("\t".join(map(str, values)) + f"\t{100 * statistics.mean(r2):.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
