"""The runner scores any summarizer the same way, and refuses corpora without references."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster
from tomtat.evaluate.loaders import load_dataset
from tomtat.evaluate.runner import corpus_score, evaluate, format_table

FIXTURES = Path(__file__).parent / "fixtures"


def test_copying_a_reference_scores_higher_than_an_unrelated_summary():
    clusters = load_dataset(FIXTURES / "vims")
    copy = evaluate(clusters, lambda c: c.references[0])
    other = evaluate(clusters, lambda c: "Hôm nay trời đẹp, chúng tôi đi dạo công viên.")
    assert corpus_score(copy).f1["rouge2"].mean > corpus_score(other).f1["rouge2"].mean
    assert copy[0].to_dict()["rouge1"]["f"] > 0.5
    assert set(copy[0].to_dict()) >= {"id", "summary", "references", "rouge1", "rouge2", "rougeL"}


def test_summaries_are_cut_at_the_budget():
    clusters = load_dataset(FIXTURES / "clusters.jsonl")
    results = evaluate(clusters, lambda c: "một hai ba bốn năm sáu bảy tám", words=5)
    assert all(r.summary == "một hai ba bốn năm" for r in results)


def test_corpus_without_references_is_refused():
    clusters = load_dataset(FIXTURES / "abmusu-test.jsonl")
    with pytest.raises(InputError, match="no reference summaries"):
        evaluate(clusters, lambda c: "x")


def test_table_shows_all_metrics_with_intervals_and_is_seeded():
    clusters = load_dataset(FIXTURES / "vmds")
    results = evaluate(clusters, lambda c: c.cluster.articles[0].text)
    a = format_table(corpus_score(results, rng=np.random.default_rng(3)))
    b = format_table(corpus_score(results, rng=np.random.default_rng(3)))
    for label in ("ROUGE-1", "ROUGE-2", "ROUGE-L", "clusters/s", "mean length"):
        assert label in a
    assert a.split("clusters, mean")[0] == b.split("clusters, mean")[0]


def test_each_result_keeps_its_cluster_id_in_order():
    clusters = [c for c in load_dataset(FIXTURES / "vims")]
    assert [r.id for r in evaluate(clusters, lambda c: "")] == [c.id for c in clusters]
    assert isinstance(clusters[0], EvalCluster)
