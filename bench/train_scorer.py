"""Train the learned sentence scorer (``tomtat/data/scorer.json``) on a corpus with
reference summaries, cross-validated by cluster folds.

    PYTHONPATH=src python bench/train_scorer.py [../shared/data/vims-dev] [--words 230] [--folds 5]

For every eligible sentence the target is its ROUGE-2 precision against the references
(the share of its bigrams a human also wrote, averaged over references). The model is
linear over ``tomtat.select.features`` standardised within each cluster, fitted with a
pairwise logistic loss (RankNet with a linear scorer) on pairs of sentences of the same
cluster whose targets differ, with L2 regularisation, by scipy's L-BFGS: numpy and
scipy only, no model library. Folds are whole clusters, so no cluster is ever scored by
a model that saw it. The file written records the cross-validated ROUGE and the
command's settings; inference (``tomtat.select.learned``) is a dot product.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from corpus_prep import prepare_corpus
from tomtat.evaluate.rouge import rouge_n, score, tokenize
from tomtat.model import Budget
from tomtat.order import reading_order
from tomtat.compose import compose
from tomtat.select import features
from tomtat.select.eligibility import eligible_mask
from tomtat.select.learned import Learned, standardize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "tomtat" / "data" / "scorer.json"
SELECTION = {"mmr_lambda": 0.45, "limit": 64, "redundancy": 0.3}


def prepare(path: Path):
    """(representation, standardised features, eligible mask, targets, references) per cluster."""
    out = []
    for pc in prepare_corpus(path)[1]:
        rep, refs = pc.rep, pc.refs
        mask = eligible_mask(rep)
        target = np.array(
            [statistics.mean(rouge_n(tokenize(s.text), r, 2).p for r in refs) for s in rep.sentences]
        )
        out.append((rep, standardize(features.matrix(rep), mask), mask, target, pc.cluster.references))
    return out


def pairs(data, rng: np.random.Generator, per_cluster: int = 600, margin: float = 0.05):
    """Feature differences of random same-cluster sentence pairs, the better one first."""
    diffs = []
    for _, x, mask, y, _ in data:
        idx = np.flatnonzero(mask)
        if idx.size < 2:
            continue
        a, b = rng.choice(idx, per_cluster), rng.choice(idx, per_cluster)
        keep = np.abs(y[a] - y[b]) > margin
        a, b = a[keep], b[keep]
        sign = np.where(y[a] > y[b], 1.0, -1.0)[:, None]
        diffs.append(sign * (x[a] - x[b]))
    return np.vstack(diffs)


def fit(diffs: np.ndarray, l2: float) -> np.ndarray:
    """Weights minimising mean log(1 + exp(-w.d)) + l2 * |w|^2 over pair differences."""

    def loss(w: np.ndarray):
        z = diffs @ w
        value = np.logaddexp(0.0, -z).mean() + l2 * w @ w
        grad = -(diffs * (1.0 / (1.0 + np.exp(z)))[:, None]).mean(axis=0) + 2 * l2 * w
        return value, grad

    return minimize(loss, np.zeros(diffs.shape[1]), jac=True, method="L-BFGS-B").x


def evaluate(data, weights: np.ndarray, words: int) -> dict[str, float]:
    """Mean ROUGE F1 (x100) of the learned method with ``weights`` over ``data``."""
    method = Learned(model={"features": list(features.NAMES), "weights": weights.tolist(), "selection": SELECTION})
    budget = Budget(words=words)
    totals: dict[str, list[float]] = {"rouge1": [], "rouge2": [], "rougeL": []}
    for rep, _, _, _, refs in data:
        limits = budget.limits(int(rep.features.words.sum()))
        extracts, _ = compose(rep.features, reading_order(rep.features, method.select(rep, limits)), limits)
        s = score(" ".join(e.text for e in extracts), refs)
        for k in totals:
            totals[k].append(s[k].f)
    return {k: round(100 * statistics.mean(v), 2) for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "data" / "vims-dev"))
    parser.add_argument("--words", type=int, default=230)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    path = Path(args.corpus)
    if not path.exists():
        print(f"train_scorer: corpus not found: {path}", file=sys.stderr)
        return 2
    started = time.time()
    data = prepare(path)
    rng = np.random.default_rng(args.seed)
    folds = np.arange(len(data)) % args.folds
    held_out = []
    for k in range(args.folds):
        train = [d for d, f in zip(data, folds) if f != k]
        test = [d for d, f in zip(data, folds) if f == k]
        w = fit(pairs(train, rng), args.l2)
        held_out.append((len(test), evaluate(test, w, args.words)))
        print(f"fold {k}: {held_out[-1][1]}", file=sys.stderr)
    total = sum(n for n, _ in held_out)
    cv = {m: round(sum(n * s[m] for n, s in held_out) / total, 2) for m in held_out[0][1]}
    weights = fit(pairs(data, rng), args.l2)
    model = {
        "about": "tomtat learned sentence scorer: linear weights over per-cluster standardised features",
        "features": list(features.NAMES),
        "weights": [round(float(w), 6) for w in weights],
        "selection": SELECTION,
        "trained_on": f"{path.name} ({len(data)} clusters)",
        "target": "ROUGE-2 precision of each sentence against the references, pairwise logistic loss",
        "cross_validation": {"folds": args.folds, "by": "cluster", "words": args.words, "f1": cv},
        "settings": {"l2": args.l2, "seed": args.seed},
    }
    Path(args.out).write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"cross-validated F1 {cv}; wrote {args.out} in {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
