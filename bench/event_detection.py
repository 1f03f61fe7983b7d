"""Event detection on clusters built from the dev corpora: merged pairs must split,
single stories must stay one event.

    PYTHONPATH=src python bench/event_detection.py --data ../shared/data [--pairs 200] [--seed 15 [16 ...]] [--raw]

- single: every dev cluster of vims-dev and abmusu-dev as it is: a cluster of one story
  is right when found as one event; a cluster that holds several stories (annotated in
  ``bench/data/event_truth.json``, "several_stories") is right when split right
  (adjusted Rand index of the article partition against its stories >= 0.9), and is
  reported on its own line. Target: >= 95% right;
- merged: ``--pairs`` pairs of dev clusters on different stories (drawn with ``--seed``
  from both corpora in turn, each pair from one corpus, so both halves are in one
  style; a pair the annotation puts in one story, "same_story", is drawn again), their
  articles joined into one cluster in a shuffled order (same seed: no result can lean
  on which half comes first): found as >= 2 events with the articles split right (ARI
  against the true stories >= 0.9: one per half, or one per annotated story of a half
  that holds several; target: all of them).

``--raw`` scores as before the annotation: every dev cluster one story, any two
clusters of a corpus a merged pair, two true halves (the pairs drawn are then exactly
the old bench's for each seed). Several seeds in one run share the single clusters.

Events are :func:`tomtat.story.event_detection.detect_events` over the cleaned
articles' content bags, the story stage's resolved dates (for the years) and entities
(for the actors); ``--threshold`` overrides its ``SAME_STORY`` cosine, ``--anyway`` its
``SAME_ANYWAY`` (the cosine that joins across years; 2 = never), ``--related`` and
``--actors`` its ``RELATED`` and ``SAME_ACTORS`` (``--actors 2``: content and years alone),
``--cohesion`` its ``COHESION_SHARE`` (0: two groups of several articles join by the
other rules alone).
Confusion: rows = truth (one story / several), columns = found (one event /
several); ``--show`` lists the clusters found wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
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
from tomtat.story.events import same_day_reports  # noqa: E402
from tomtat.story.stage import title_sentences  # noqa: E402
from tomtat.text.tokens import syllables  # noqa: E402
from tomtat.text.sentences import split_articles  # noqa: E402

CORPORA = {"vims-dev": "vims-dev", "abmusu-dev": "abmusu-dev/train.jsonl"}
TRUTH = ROOT / "bench" / "data" / "event_truth.json"
RIGHT = 0.9  # the adjusted Rand index at which an article partition counts as right


Settings = tuple[float, float, float, float, float]  # SAME_STORY, SAME_ANYWAY, RELATED, SAME_ACTORS, COHESION_SHARE
DEFAULTS: Settings = (SAME_STORY, SAME_ANYWAY, RELATED, SAME_ACTORS, COHESION_SHARE)


@dataclass(frozen=True)
class Truth:
    """What the annotation says: per cluster id, its stories' article ids (only for
    clusters that hold several), and per cluster id, the ids of the clusters on the
    same story (itself included). Empty: every cluster one story, all different."""

    stories: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    same: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def story_of(self, cluster_id: str, article_id: str) -> int:
        """The index of the annotated story ``article_id`` of the cluster belongs to (0
        for a cluster of one story)."""
        for k, ids in enumerate(self.stories.get(cluster_id, ())):
            if article_id in ids:
                return k
        return 0

    def one_story(self, a: str, b: str) -> bool:
        """Whether clusters ``a`` and ``b`` are annotated as the same real-world story."""
        return b in self.same.get(a, ())


def load_truth(path: Path) -> Truth:
    """The annotation file (``bench/data/event_truth.json``; schema in
    ``bench/data/README.md``) as a :class:`Truth`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stories = {e["cluster"]: tuple(frozenset(s) for s in e["stories"]) for e in data["several_stories"]}
    same: dict[str, frozenset[str]] = {}
    for g in data["same_story"]:
        for c in g["clusters"]:
            same[c] = same.get(c, frozenset()) | frozenset(g["clusters"])
    return Truth(stories, same)


def draw_pairs(pools: Mapping[str, Sequence[Cluster]], pairs: int, seed: int, truth: Truth) -> list[tuple[Cluster, Cluster]]:
    """``pairs`` pairs of clusters, the corpora (sorted by name) in turn, each pair two
    clusters of one corpus that ``truth`` does not put in one story, drawn with
    ``seed``: a pair on one story is drawn again from the same stream, so the draw
    stays deterministic (with an empty truth: the old bench's pairs)."""
    rng = random.Random(seed)
    names = sorted(pools)
    out = []
    for n in range(pairs):
        pool = pools[names[n % len(names)]]
        a, b = rng.sample(list(pool), 2)
        while truth.one_story(a.id, b.id):
            a, b = rng.sample(list(pool), 2)
        out.append((a, b))
    return out


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
        groups = detect_events(
            bags, story.dates, article_actors(story.entities), *settings, together=same_day_reports(story.events)
        )
    return {aid: g for g, ids in enumerate(groups) for aid in ids}


def split_right(truth: Sequence[object], found: Sequence[int]) -> tuple[bool, float]:
    """Whether ``found`` (event per article) splits the articles right against
    ``truth`` (story per article, same order), and the adjusted Rand index: one story
    is right found as one event, several are right found as several events with the
    index >= ``RIGHT``."""
    ari = adjusted_rand_score(truth, found)
    several = len(set(truth)) > 1
    if not several:
        return len(set(found)) == 1, ari
    return len(set(found)) > 1 and ari >= RIGHT, ari


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding vims-dev and abmusu-dev")
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--seed", type=int, nargs="+", default=[15], help="one or more seeds (the singles are shared)")
    ap.add_argument("--truth", type=Path, default=TRUTH, help="the annotation (default bench/data/event_truth.json)")
    ap.add_argument("--raw", action="store_true", help="score without the annotation (the old bench)")
    ap.add_argument("--threshold", type=float, default=SAME_STORY)
    ap.add_argument("--anyway", type=float, default=SAME_ANYWAY)
    ap.add_argument("--related", type=float, default=RELATED)
    ap.add_argument("--actors", type=float, default=SAME_ACTORS)
    ap.add_argument("--cohesion", type=float, default=COHESION_SHARE)
    ap.add_argument("--show", action="store_true", help="list the clusters found wrong")
    args = ap.parse_args(argv)
    settings: Settings = (args.threshold, args.anyway, args.related, args.actors, args.cohesion)
    truth = Truth() if args.raw else load_truth(args.truth)
    print(f"SAME_STORY {args.threshold}; SAME_ANYWAY (across years) {args.anyway}; "
          f"RELATED {args.related} with SAME_ACTORS {args.actors}; COHESION_SHARE {args.cohesion}; "
          f"truth: {'raw (every cluster one story)' if args.raw else args.truth.name}")
    found_one = wrong_one = 0  # single clusters of one story: found as one event / not
    several_right = several_total = several_one = 0  # single clusters of several stories
    clusters_by_corpus = {}
    for name, rel in CORPORA.items():
        clusters = [c.cluster for c in load_dataset(args.data / rel)]
        clusters_by_corpus[name] = clusters
        right = wrong = 0
        for c in clusters:
            found = article_events(c, settings)
            ids = sorted(found)
            ok, ari = split_right([truth.story_of(c.id, i) for i in ids], [found[i] for i in ids])
            if c.id in truth.stories:
                several_total += 1
                several_right += ok
                several_one += len(set(found.values())) == 1
                if args.show:
                    print(f"single {name} {c.id} (annotated {len(truth.stories[c.id])} stories): "
                          f"{len(set(found.values()))} events, ARI {ari:.2f}, {'right' if ok else 'WRONG'}")
            else:
                found_one += ok
                wrong_one += not ok
                if args.show and not ok:
                    print(f"single {name} {c.id}: {len(set(found.values()))} events")
            right += ok
            wrong += not ok
        print(f"single {name}: right {right}/{right + wrong} = {right / (right + wrong):.3f}")
    singles = found_one + wrong_one + several_total
    print(f"single, both corpora: right {found_one + several_right}/{singles} = "
          f"{(found_one + several_right) / singles:.3f} (target >= 0.95); one story found as one event "
          f"{found_one}/{found_one + wrong_one}; several stories split right {several_right}/{several_total}")
    for seed in args.seed:
        right_pairs = found_several = 0
        aris = []
        order = random.Random(-seed)  # its own stream: the same pairs as without shuffling
        for a, b in draw_pairs(clusters_by_corpus, args.pairs, seed, truth):
            arts = [replace(x, id=f"A{i}:{x.id}") for i, x in enumerate(a.articles)]
            arts += [replace(x, id=f"B{i}:{x.id}") for i, x in enumerate(b.articles)]
            order.shuffle(arts)
            found = article_events(Cluster(f"{a.id}+{b.id}", tuple(arts)), settings)
            ids = sorted(found)
            halves = {"A": a.id, "B": b.id}
            labels = [f"{i[0]}{truth.story_of(halves[i[0]], i.split(':', 1)[1])}" for i in ids]
            pred = [found[i] for i in ids]
            ok, ari = split_right(labels, pred)
            aris.append(ari)
            found_several += len(set(pred)) >= 2
            right_pairs += ok
            if args.show and not ok:
                print(f"seed {seed} merged {a.id}+{b.id}: {len(set(pred))} events "
                      f"({len(set(labels))} true stories), ARI {ari:.2f}")
        print(f"seed {seed} merged: {args.pairs} pairs; split into >= 2 events: {found_several}; "
              f"split right (ARI >= {RIGHT}): {right_pairs} = {right_pairs / args.pairs:.3f}; "
              f"mean ARI {sum(aris) / len(aris):.3f}")
        print("confusion (rows truth, columns found):  one event | several")
        print(f"  one story     {found_one:5d} | {wrong_one:5d}")
        print(f"  several       {args.pairs - found_several + several_one:5d} | "
              f"{found_several + several_total - several_one:5d}"
              f"   ({args.pairs} merged pairs, {several_total} single clusters of several stories)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
