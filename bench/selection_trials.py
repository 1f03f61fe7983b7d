"""Trials (issue 14, third round): where the oracle's picks sit against the default's,
and a cluster-adaptive position weight, on both development corpora (docs/BENCHMARKS.md,
"Third round"; the adopted early-concept coverage is tuned by ``bench/tune_centroid.py
--grid coverage``).

    PYTHONPATH=src python bench/selection_trials.py --data ../shared/data/vims-dev \
        --data ../shared/data/abmusu-dev/train.jsonl [--cache /tmp/trials.pkl] \
        [--only positions,adaptive]

Each corpus is prepared once (cleaning, splitting, representation; no story stage, so
the default scores a little differently from ``bench/run_quality.py``), with each
sentence's ROUGE-2 recall against the references and the greedy oracle's picks; with
``--cache`` the prepared clusters are kept in a pickle (a scratch file, never committed)
for the next run. The rule best on both corpora is compared with the default on the same
clusters by a paired bootstrap (R-2 points, 95% interval).

- ``positions``: share of picks by position in their article, mean words, relative
  depth and the article's rank by centrality in its cluster, for the oracle, the
  default, the default with its MMR head instead of coverage (``coverage_weight`` 0)
  and all eligible sentences.
- ``adaptive``: the centroid's position weight chosen per cluster by a threshold on one
  cluster property (how much the articles' first sentences agree, how much the articles
  agree, how central the first sentences are, number of articles, spread of article
  length): the rule best on both corpora in the worst case, and the transfer table
  (thresholds and weights tuned on one corpus, scored on the other).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_prep import corpus_name, prepare_corpus  # noqa: E402
from tomtat.compose import compose  # noqa: E402
from tomtat.evaluate.bootstrap import paired_difference  # noqa: E402
from tomtat.evaluate.oracle import greedy_oracle  # noqa: E402
from tomtat.evaluate.rouge import rouge_n, score, tokenize  # noqa: E402
from tomtat.model import Budget, Limits  # noqa: E402
from tomtat.order import reading_order  # noqa: E402
from tomtat.represent import Representation  # noqa: E402
from tomtat.select import features  # noqa: E402
from tomtat.select.centroid import Centroid  # noqa: E402
from tomtat.select.eligibility import eligible_mask  # noqa: E402

POSITION_WEIGHTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6)


@dataclass
class Item:
    """One prepared cluster: its representation, eligible sentences, per-sentence mean
    ROUGE-2 recall, the greedy oracle's picks and the references."""

    corpus: str
    rep: Representation
    mask: np.ndarray
    recall: np.ndarray
    oracle: list[int]
    refs: tuple[str, ...]
    limits: Limits


def prepare(path: str) -> list[Item]:
    words, prepared = prepare_corpus(path)
    out = []
    for pc in prepared:
        rep, refs = pc.rep, pc.refs
        recall = np.array([statistics.mean(rouge_n(tokenize(s.text), r, 2).r for r in refs) for s in rep.sentences])
        slot = {s.key: k for k, s in enumerate(rep.sentences)}
        oracle = [slot[s.key] for s in greedy_oracle(rep.sentences, pc.cluster.references, words)]
        limits = Budget(words=words).limits(int(rep.features.words.sum()))
        out.append(Item(corpus_name(path), rep, eligible_mask(rep), recall, oracle, tuple(pc.cluster.references), limits))
    return out


def summary_r2(item: Item, chosen: list[int]) -> float:
    extracts, _ = compose(item.rep.features, reading_order(item.rep.features, chosen), item.limits)
    return score(" ".join(e.text for e in extracts), item.refs)["rouge2"].f


def centroid_picks(item: Item, method: Centroid) -> list[int]:
    return method.select(item.rep, item.limits)


def _shares(values: Sequence[float], edges: Sequence[float]) -> str:
    h = np.histogram(values, bins=edges)[0]
    return " ".join(f"{100 * x / max(1, h.sum()):3.0f}" for x in h)


def positions(items: list[Item]) -> None:
    """Where the oracle's and the default's picks sit (see module docstring)."""
    print("\n| corpus | picks | per cluster | position 0 / 1 / 2 / 3 / 4 / 5-9 / 10+ (%) | words | relative depth "
          "| article centrality rank 1 / 2 / 3 / 4+ (%) |\n|---|---|---:|---|---:|---:|---|")
    for corpus in dict.fromkeys(i.corpus for i in items):
        its = [i for i in items if i.corpus == corpus]
        rows: dict[str, list[tuple[float, float, float, float]]] = {"oracle": [], "default": [], "MMR head": [], "eligible": []}
        for it in its:
            f = it.rep.features
            rank = np.argsort(np.argsort(-(features.article_centroids(it.rep) @ it.rep.vectors.centroid)))
            for name, idx in (("oracle", it.oracle), ("default", centroid_picks(it, Centroid())),
                              ("MMR head", centroid_picks(it, Centroid(coverage_weight=0.0))),
                              ("eligible", np.flatnonzero(it.mask).tolist())):
                rows[name] += [(f.position[k], f.words[k], f.relative_position[k], rank[f.article[k]]) for k in idx]
        for name, r in rows.items():
            a = np.array(r, dtype=float)
            print(f"| {corpus} | {name} | {len(a) / len(its):.1f} | {_shares(a[:, 0], [0, 1, 2, 3, 4, 5, 10, 1e9])} "
                  f"| {a[:, 1].mean():.1f} | {a[:, 2].mean():.2f} | {_shares(a[:, 3], [0, 1, 2, 3, 1e9])} |")


def cluster_properties(rep: Representation) -> dict[str, float]:
    """Properties of a cluster a per-cluster rule may read (never its corpus or file order)."""
    f = rep.features
    m = len(rep.articles)
    firsts = [int(k) for k in np.flatnonzero(f.position == 0)]
    sims = rep.vectors.similarities(firsts) if len(firsts) > 1 else np.zeros((1, 1))
    pairs = len(firsts) * (len(firsts) - 1)
    centroids = features.article_centroids(rep)
    art = centroids @ centroids.T
    central = np.asarray(rep.vectors.tfidf @ rep.vectors.centroid)
    later = f.position > 0
    sizes = np.bincount(f.article, weights=f.words, minlength=m)
    return {
        "lead agreement": float((sims.sum() - np.trace(sims)) / pairs) if pairs else 0.0,
        "article agreement": float((art.sum() - np.trace(art)) / max(1, m * (m - 1))),
        "lead centrality": float(central[~later].mean() - central[later].mean()) if later.any() and (~later).any() else 0.0,
        "articles": float(m),
        "length spread": float(sizes.std() / sizes.mean()) if sizes.mean() else 0.0,
    }


def adaptive(items: list[Item], seed: int) -> None:
    """A per-cluster position weight by a threshold on one cluster property."""
    corpora = list(dict.fromkeys(i.corpus for i in items))
    where = np.array([i.corpus for i in items])
    grid = {w: np.array([summary_r2(it, centroid_picks(it, Centroid(position_weight=w))) for it in items])
            for w in POSITION_WEIGHTS}
    base = grid[Centroid().position_weight]
    print("\nfixed position weight: " + ", ".join(
        f"{w}: " + " / ".join(f"{100 * v[where == c].mean():.2f}" for c in corpora) for w, v in grid.items()))
    props = [cluster_properties(it.rep) for it in items]
    print("\n| property | best rule on both (worst-corpus gain) | gains (paired 95% CI) | tuned on "
          f"{corpora[0]} → {corpora[-1]} | tuned on {corpora[-1]} → {corpora[0]} |\n|---|---|---|---|---|")
    for key in props[0]:
        v = np.array([p[key] for p in props])
        rows = []
        for t in np.unique(np.quantile(v, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])):
            for low, high in itertools.product(POSITION_WEIGHTS, POSITION_WEIGHTS):
                r = np.where(v <= t, grid[low], grid[high])
                gains = [100 * (r[where == c] - base[where == c]).mean() for c in corpora]
                rows.append((gains, f"weight {low} up to {t:.3g}, {high} above", r))
        worst = max(rows, key=lambda row: min(row[0]))
        intervals = []
        for c in corpora:
            d = paired_difference(worst[2][where == c], base[where == c], np.random.default_rng(seed)).interval
            intervals.append(f"{100 * d.mean:+.2f} ({100 * d.low:+.2f}…{100 * d.high:+.2f})")
        cells = []
        for k, c in enumerate(corpora):
            tuned = max(rows, key=lambda row: row[0][k])
            other = tuned[0][len(corpora) - 1 - k]
            cells.append(f"{tuned[1]}: {tuned[0][k]:+.2f} → {other:+.2f}")
        print(f"| {key} | {worst[1]} | {' / '.join(intervals)} | {cells[0]} | {cells[-1]} |")


TRIALS: dict[str, Callable[[list[Item], int], None]] = {
    "positions": lambda items, seed: positions(items),
    "adaptive": adaptive,
}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", action="append", required=True, help="a development corpus (repeat for several)")
    p.add_argument("--cache", type=Path, help="pickle of the prepared clusters (written if absent)")
    p.add_argument("--only", default=",".join(TRIALS), help="comma-separated trials: " + ", ".join(TRIALS))
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    wanted = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in TRIALS]
    if unknown:
        print(f"selection_trials: unknown trial {unknown[0]!r} (known: {', '.join(TRIALS)})", file=sys.stderr)
        return 2
    missing = [d for d in args.data if not Path(d).exists()]
    if missing:
        print(f"selection_trials: corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.cache and args.cache.exists():
        items: list[Item] = pickle.loads(args.cache.read_bytes())
    else:
        items = [it for path in args.data for it in prepare(path)]
        if args.cache:
            tmp = args.cache.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(items))
            tmp.replace(args.cache)
    for name in wanted:
        TRIALS[name](items, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
