"""Trial (issue 14, item 4): a LightGBM lambdarank sentence ranker, alone and blended
with the default centroid score, on both development corpora. Not adopted: see
docs/BENCHMARKS.md, "Tried and dropped".

    PYTHONPATH=src python bench/rank_lgbm.py --data ../shared/data/vims-dev \
        --data ../shared/data/abmusu-dev/train.jsonl

Features: ``tomtat.select.features`` standardised within each cluster, plus first,
second and third sentence flags. Target: each sentence's ROUGE-2 recall against the
references divided by sqrt(words) (length-neutral), graded 0-4 by quantile within its
cluster for lambdarank. Every cluster is scored by a model that did not see it (5 folds
by cluster over both corpora pooled), and across corpora (trained on one, tested on the
other). Each ranker is compared with the default centroid in the same process by a
paired bootstrap over clusters (R-2 points, 95% interval).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass, field

import lightgbm as lgb
import numpy as np

from corpus_prep import corpus_name, prepare_corpus
from tomtat.compose import compose
from tomtat.evaluate.bootstrap import paired_difference
from tomtat.evaluate.rouge import rouge_n, score, tokenize
from tomtat.model import Budget
from tomtat.order import reading_order
from tomtat.represent import Representation
from tomtat.select import features
from tomtat.select.base import ranked
from tomtat.select.centroid import Centroid
from tomtat.select.eligibility import eligible_mask
from tomtat.select.fill import fill
from tomtat.select.learned import standardize
from tomtat.select.mmr import mmr_order


@dataclass
class Item:
    corpus: str
    rep: Representation
    x: np.ndarray
    mask: np.ndarray
    label: np.ndarray
    refs: tuple[str, ...]
    words: int
    base: np.ndarray = field(default_factory=lambda: np.zeros(0))


def prepare(path: str) -> list[Item]:
    words, prepared = prepare_corpus(path)
    out = []
    for pc in prepared:
        rep, refs = pc.rep, pc.refs
        mask = eligible_mask(rep)
        toks = [tokenize(s.text) for s in rep.sentences]
        y = np.array([statistics.mean(rouge_n(t, r, 2).r for r in refs) / np.sqrt(max(1, len(t))) for t in toks])
        pos = np.array([s.index for s in rep.sentences])
        flags = np.stack([pos == 0, pos == 1, pos == 2], axis=1).astype(float)
        x = np.hstack([standardize(features.matrix(rep), mask), flags])
        label = np.zeros(len(y), dtype=int)
        if mask.sum() > 1:
            ranks = y[mask].argsort().argsort() / (mask.sum() - 1)
            label[mask] = np.minimum(4, (ranks * 5).astype(int))
            label[mask & (y == 0)] = 0
        item = Item(corpus_name(path), rep, x, mask, label, pc.cluster.references, words)
        item.base = Centroid().scores(rep)
        out.append(item)
    return out


def train(items: list[Item], seed: int) -> lgb.LGBMRanker:
    items = [i for i in items if i.mask.sum() > 1]
    x = np.vstack([i.x[i.mask] for i in items])
    y = np.concatenate([i.label[i.mask] for i in items])
    model = lgb.LGBMRanker(n_estimators=200, learning_rate=0.05, num_leaves=15, min_child_samples=50,
                           subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=seed, verbose=-1)
    model.fit(x, y, group=[int(i.mask.sum()) for i in items])
    return model


def summary_r2(item: Item, score_vec: np.ndarray) -> float:
    rep = item.rep
    limits = Budget(words=item.words).limits(int(rep.features.words.sum()))
    c = Centroid()
    order = mmr_order(rep, ranked(score_vec), score_vec, c.mmr_lambda, c.limit)
    chosen = fill(rep, order, limits, None, c.redundancy)
    extracts, _ = compose(rep.features, reading_order(rep.features, chosen), limits)
    return score(" ".join(e.text for e in extracts), item.refs)["rouge2"].f


def zscore(v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    if mask.sum() < 2:
        return np.zeros_like(v)
    m, s = v[mask].mean(), v[mask].std() or 1.0
    return (v - m) / s


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data", action="append", required=True)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    items = [it for path in args.data for it in prepare(path)]
    corpora = sorted({i.corpus for i in items}, key=[i.corpus for i in items].index)
    print("prepared", {c: sum(i.corpus == c for i in items) for c in corpora}, file=sys.stderr)
    rng = np.random.default_rng(args.seed)
    fold = rng.permutation(len(items)) % args.folds
    pred: list[np.ndarray] = [np.zeros(0)] * len(items)
    for k in range(args.folds):
        model = train([it for it, f in zip(items, fold) if f != k], args.seed)
        for n, (it, f) in enumerate(zip(items, fold)):
            if f == k:
                pred[n] = np.asarray(model.predict(it.x)) if len(it.x) else np.zeros(0)
    cross: list[np.ndarray] = [np.zeros(0)] * len(items)
    for c in corpora:
        model = train([it for it in items if it.corpus != c], args.seed)
        for n, it in enumerate(items):
            if it.corpus == c:
                cross[n] = np.asarray(model.predict(it.x)) if len(it.x) else np.zeros(0)
    base = [summary_r2(it, it.base) for it in items]
    variants: dict[str, list[float]] = {}
    for name, preds in (("cv", pred), ("cross", cross)):
        variants[f"lgbm {name}"] = [summary_r2(it, np.where(it.mask, pr, -np.inf)) for it, pr in zip(items, preds)]
        for w in (0.05, 0.1, 0.2, 0.3, 0.5):
            out = []
            for it, pr in zip(items, preds):
                spread = it.base[it.mask].std() if it.mask.sum() > 1 else 0.0
                out.append(summary_r2(it, np.where(it.mask, it.base + w * spread * zscore(pr, it.mask), -np.inf)))
            variants[f"centroid + {w} x lgbm {name}"] = out
    for c in corpora:
        idx = [n for n, it in enumerate(items) if it.corpus == c]
        b = [base[n] for n in idx]
        print(f"\n{c}: centroid {100 * np.mean(b):.2f}")
        for name, v in variants.items():
            a = [v[n] for n in idx]
            d = paired_difference(a, b, np.random.default_rng(args.seed))
            print(f"  {name}: {100 * np.mean(a):.2f}  {100 * d.interval.mean:+.2f} ({100 * d.interval.low:+.2f}…{100 * d.interval.high:+.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
