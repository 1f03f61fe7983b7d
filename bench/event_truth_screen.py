"""Candidates to read for the event truth (bench/data/event_truth.json), found without
the event detector.

    PYTHONPATH=src python bench/event_truth_screen.py --data ../shared/data [--top 40] [--flag 20]

Nothing here decides anything: it lists what to read, and the annotation is what the
articles say. Four screens per corpus, all on TF-IDF of syllable unigrams and bigrams
(sklearn, fitted on the corpus), never on tomtat's own similarity or detection:

- pairs, by summaries: clusters whose reference summaries and titles, taken together,
  are most alike (``--top`` pairs): candidates for clusters on the same story;
- pairs, by articles: clusters holding the two most alike articles (``--top`` pairs;
  terms in over 30% of the corpus's articles left out): the same, for clusters whose
  summaries tell different sides;
- clusters, by outlier: the article least like any other article of its cluster
  (``--flag`` clusters): candidates for a cluster holding a story of one article;
- clusters, by split: the average-linkage 2-way split of the cluster's articles (both
  sides 2+ articles) with the lowest between-side cosine relative to the lesser side's
  own (``--flag`` clusters): candidates for a cluster holding two stories.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from tomtat.evaluate.dataset import EvalCluster  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402

CORPORA = {"vims-dev": "vims-dev", "abmusu-dev": "abmusu-dev/train.jsonl"}


def _top_pairs(sims: np.ndarray, top: int) -> list[tuple[float, int, int]]:
    upper = np.triu_indices(len(sims), 1)
    order = np.argsort(-sims[upper], kind="stable")[:top]
    return [(float(sims[upper][k]), int(upper[0][k]), int(upper[1][k])) for k in order]


def screen(name: str, clusters: list[EvalCluster], top: int, flag: int) -> None:
    """Print the four screens' candidates for one corpus."""
    ids = [c.id for c in clusters]
    summaries = [" ".join(c.references) + " " + " ".join(a.title for a in c.cluster.articles) for c in clusters]
    x = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(summaries)
    for s, i, j in _top_pairs((x @ x.T).toarray() * (1 - np.eye(len(ids))), top):
        print(f"{name}\tpair by summaries\t{s:.3f}\t{ids[i]}\t{ids[j]}")
    texts = [[a.title + " " + a.text for a in c.cluster.articles] for c in clusters]
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_df=0.3)
    vec.fit([t for ts in texts for t in ts])
    rows = [vec.transform(ts) for ts in texts]
    best = np.zeros((len(ids), len(ids)))
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            best[i, j] = (rows[i] @ rows[j].T).max()
    for s, i, j in _top_pairs(best, top):
        print(f"{name}\tpair by articles\t{s:.3f}\t{ids[i]}\t{ids[j]}")
    outliers, splits = [], []
    for cid, cluster, r in zip(ids, clusters, rows):
        arts = [a.id for a in cluster.cluster.articles]
        sims = (r @ r.T).toarray()
        np.fill_diagonal(sims, -1.0)
        k = int(np.argmin(sims.max(axis=1)))
        outliers.append((float(sims.max(axis=1)[k]), cid, arts[k]))
        if len(arts) < 4:
            continue
        labels = AgglomerativeClustering(n_clusters=2, metric="cosine", linkage="average").fit_predict(r.toarray())
        if np.bincount(labels).min() < 2:
            continue
        np.fill_diagonal(sims, 0.0)
        own = [sims[np.ix_(labels == g, labels == g)].sum() / ((labels == g).sum() * ((labels == g).sum() - 1)) for g in (0, 1)]
        between = sims[np.ix_(labels == 0, labels == 1)].mean()
        sides = [" ".join(a for a, lab in zip(arts, labels) if lab == g) for g in (0, 1)]
        splits.append((float(between / min(own)), cid, " | ".join(sides)))
    for s, cid, art in sorted(outliers)[:flag]:
        print(f"{name}\tcluster by outlier\t{s:.3f}\t{cid}\t{art}")
    for s, cid, halves in sorted(splits)[:flag]:
        print(f"{name}\tcluster by split\t{s:.3f}\t{cid}\t{halves}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding vims-dev and abmusu-dev")
    ap.add_argument("--top", type=int, default=40, help="pairs listed per corpus and screen")
    ap.add_argument("--flag", type=int, default=20, help="clusters listed per corpus and screen")
    args = ap.parse_args(argv)
    for name, rel in CORPORA.items():
        screen(name, load_dataset(args.data / rel), args.top, args.flag)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
