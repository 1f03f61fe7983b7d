"""bench/event_detection.py's truth: the annotation file holds together, pairs on one
story are never drawn, and a cluster of several stories is right only when split right."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

from tomtat.model import Article, Cluster

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / "bench" / "data" / "event_truth.json"
PREFIX = {"vims-dev": "Cluster_", "abmusu-dev": "train-"}


def _bench():
    spec = importlib.util.spec_from_file_location("event_detection_bench", ROOT / "bench" / "event_detection.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_annotation_file_holds_together():
    data = json.loads(TRUTH.read_text(encoding="utf-8"))
    for entry in data["several_stories"]:
        assert entry["cluster"].startswith(PREFIX[entry["corpus"]])
        stories = [set(s) for s in entry["stories"]]
        assert len(stories) >= 2 and all(stories) and entry["reason"].strip()
        ids = [a for s in entry["stories"] for a in s]
        assert len(ids) == len(set(ids)), f"{entry['cluster']}: an article in two stories"
    assert len({e["cluster"] for e in data["several_stories"]}) == len(data["several_stories"])
    seen: set[str] = set()
    for group in data["same_story"]:
        clusters = group["clusters"]
        assert len(set(clusters)) == len(clusters) >= 2 and group["reason"].strip()
        assert group["kind"] in ("same", "thread")
        assert all(c.startswith(PREFIX[group["corpus"]]) for c in clusters)
        assert not seen & set(clusters), "a cluster in two groups: merge the groups"
        seen |= set(clusters)


def test_the_truth_gives_each_story_its_label_and_knows_pairs_on_one_story():
    bench = _bench()
    truth = bench.load_truth(TRUTH)
    assert truth.story_of("train-72", "1") == truth.story_of("train-72", "5") != truth.story_of("train-72", "3")
    assert truth.story_of("Cluster_001", "7") == 0  # not annotated: one story
    assert truth.one_story("train-160", "train-81") and truth.one_story("train-81", "train-160")
    assert not truth.one_story("train-160", "train-31")


def _clusters(n: int) -> list[Cluster]:
    return [Cluster(f"c{k}", (Article(id="1", title="t", text="x"),)) for k in range(n)]


def test_pairs_on_one_story_are_drawn_again_and_the_draw_is_seeded():
    bench = _bench()
    pools = {"a": _clusters(6), "b": _clusters(5)}
    truth = bench.Truth(same={"c0": frozenset({"c0", "c1", "c2"}), "c1": frozenset({"c0", "c1", "c2"}),
                              "c2": frozenset({"c0", "c1", "c2"})})
    pairs = bench.draw_pairs(pools, 60, 7, truth)
    assert not any(truth.one_story(a.id, b.id) for a, b in pairs)
    assert [(a.id, b.id) for a, b in pairs] == [(a.id, b.id) for a, b in bench.draw_pairs(pools, 60, 7, truth)]
    # without an annotation: the old bench's pairs, the corpora in turn
    rng = random.Random(7)
    old = [tuple(c.id for c in rng.sample(pools[("a", "b")[n % 2]], 2)) for n in range(60)]
    assert [(a.id, b.id) for a, b in bench.draw_pairs(pools, 60, 7, bench.Truth())] == old


def test_several_stories_are_right_only_when_split_right():
    bench = _bench()
    assert bench.split_right([0, 0, 0], [1, 1, 1])[0]
    assert not bench.split_right([0, 0, 0], [1, 1, 2])[0]
    assert bench.split_right(["A", "A", "B", "B"], [3, 3, 4, 4])[0]
    assert not bench.split_right(["A", "A", "B", "B"], [3, 3, 3, 3])[0]
    assert not bench.split_right(["A", "A", "B", "B"], [1, 2, 3, 3])[0]  # a half split in two
