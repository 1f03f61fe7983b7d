"""Event detection on clusters built from the dev corpora: merged pairs must split,
single stories must stay one event.

    PYTHONPATH=src python bench/event_detection.py --data /work/shared/data [--pairs 200] [--seed 15]

- single: every dev cluster of vims-dev and abmusu-dev as it is (one story): the share
  found as one event (target >= 95%);
- merged: ``--pairs`` pairs of dev clusters on different stories (drawn with ``--seed``
  from both corpora in turn, each pair from one corpus, so both halves are in one
  style), their articles joined into one cluster in a shuffled order (same seed: no
  result can lean on which half comes first): found as >= 2 events with the articles
  split right (adjusted Rand index of the article partition against the two true halves
  >= 0.9; target: all of them).

Events are :func:`tomtat.story.event_detection.detect_events` over the cleaned
articles' content bags, the story stage's resolved dates (for the years) and entities
(for the actors); ``--threshold`` overrides its ``SAME_STORY`` cosine, ``--anyway`` its
``SAME_ANYWAY`` (the cosine that joins across years; 2 = never), ``--related`` and
``--actors`` its ``RELATED`` and ``SAME_ACTORS`` (``--actors 2``: content and years alone),
``--cohesion`` its ``COHESION_SHARE`` (0: two groups of several articles join by the
other rules alone).
Confusion: rows = truth (one story / two stories), columns = found (one event /
several); ``--show`` lists the clusters found wrong.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sklearn.metrics import adjusted_rand_score  # noqa: E402

from tomtat.clean import clean_cluster  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.model import Cluster  # noqa: E402
from tomtat.story import analyze  # noqa: E402
from tomtat.story.event_detection import (  # noqa: E402
    COHESION_SHARE,
    RELATED,
    SAME_ACTORS,
    SAME_ANYWAY,
    SAME_STORY,
    article_actors,
    article_bags,
    detect_events,
)
from tomtat.story.stage import title_sentences  # noqa: E402
from tomtat.text.tokens import syllables  # noqa: E402
from tomtat.text.sentences import split_articles  # noqa: E402

CORPORA = {"vims-dev": "vims-dev", "abmusu-dev": "abmusu-dev/train.jsonl"}


Settings = tuple[float, float, float, float, float]  # SAME_STORY, SAME_ANYWAY, RELATED, SAME_ACTORS, COHESION_SHARE
DEFAULTS: Settings = (SAME_STORY, SAME_ANYWAY, RELATED, SAME_ACTORS, COHESION_SHARE)


def article_events(cluster: Cluster, settings: Settings) -> dict[str, int]:
    """Article id -> detected event number (the story stage's own detection, unless
    ``settings`` differ from its thresholds)."""
    arts = [a for a in clean_cluster(cluster.articles) if a.text.strip()]
    sentences = split_articles(arts)
    story = analyze(arts, sentences)
    groups: list[tuple[str, ...]] = list(story.detected)
    if settings != DEFAULTS:
        units = [*title_sentences(arts), *sentences]
        bags = article_bags(units, [syllables(s.text) for s in units])
        together = [e.article_ids for e in story.events if e.date is not None and len(e.article_ids) > 1]
        groups = detect_events(bags, story.dates, article_actors(story.entities), *settings, together=together)
    return {aid: g for g, ids in enumerate(groups) for aid in ids}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding vims-dev and abmusu-dev")
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--threshold", type=float, default=SAME_STORY)
    ap.add_argument("--anyway", type=float, default=SAME_ANYWAY)
    ap.add_argument("--related", type=float, default=RELATED)
    ap.add_argument("--actors", type=float, default=SAME_ACTORS)
    ap.add_argument("--cohesion", type=float, default=COHESION_SHARE)
    ap.add_argument("--show", action="store_true", help="list the clusters found wrong")
    args = ap.parse_args(argv)
    settings: Settings = (args.threshold, args.anyway, args.related, args.actors, args.cohesion)
    singles_one = singles = 0
    per_corpus: dict[str, tuple[int, int]] = {}
    clusters_by_corpus = {}
    for name, rel in CORPORA.items():
        clusters = [c.cluster for c in load_dataset(args.data / rel)]
        clusters_by_corpus[name] = clusters
        split = [c.id for c in clusters if len(set(article_events(c, settings).values())) > 1]
        one = len(clusters) - len(split)
        if args.show and split:
            print(f"single {name} found as several events: {', '.join(split)}")
        per_corpus[name] = (one, len(clusters))
        singles_one += one
        singles += len(clusters)
    rng = random.Random(args.seed)
    order = random.Random(-args.seed)  # its own stream: the same pairs as without shuffling
    names = sorted(clusters_by_corpus)
    split_right = found_several = 0
    aris = []
    for n in range(args.pairs):
        pool = clusters_by_corpus[names[n % len(names)]]
        a, b = rng.sample(pool, 2)
        arts = [replace(x, id=f"A{i}:{x.id}") for i, x in enumerate(a.articles)]
        arts += [replace(x, id=f"B{i}:{x.id}") for i, x in enumerate(b.articles)]
        order.shuffle(arts)
        found = article_events(Cluster(f"{a.id}+{b.id}", tuple(arts)), settings)
        ids = sorted(found)
        truth = [i[0] for i in ids]
        pred = [found[i] for i in ids]
        ari = adjusted_rand_score(truth, pred)
        aris.append(ari)
        several = len(set(pred)) >= 2
        found_several += several
        split_right += several and ari >= 0.9
        if args.show and not (several and ari >= 0.9):
            print(f"merged {a.id}+{b.id}: {len(set(pred))} events, ARI {ari:.2f}")
    print(f"SAME_STORY {args.threshold}; SAME_ANYWAY (across years) {args.anyway}; "
          f"RELATED {args.related} with SAME_ACTORS {args.actors}; COHESION_SHARE {args.cohesion}")
    for name, (one, total) in per_corpus.items():
        print(f"single {name}: one event {one}/{total} = {one / total:.3f}")
    print(f"single, both corpora: one event {singles_one}/{singles} = {singles_one / singles:.3f} (target >= 0.95)")
    print(f"merged: {args.pairs} pairs; split into >= 2 events: {found_several}; "
          f"split right (ARI >= 0.9): {split_right} = {split_right / args.pairs:.3f}; "
          f"mean ARI {sum(aris) / len(aris):.3f}")
    print("confusion (rows truth, columns found):  one event | several")
    print(f"  one story   {singles_one:5d} | {singles - singles_one:5d}")
    print(f"  two stories {args.pairs - found_several:5d} | {found_several:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
