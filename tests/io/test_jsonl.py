"""JSONL input: article lines and cluster lines, each bad line reported on its own."""

from __future__ import annotations

import json

from tomtat.io.jsonl import iter_records


def lines(*items: object) -> list[str]:
    return [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items]


def test_article_lines_and_a_bad_line_between_them() -> None:
    records = list(iter_records(lines(
        {"id": "a", "title": "Bão", "text": "Bão số 3 đổ bộ."},
        "{not json",
        "",
        {"title": "Không id", "text": "Gió giật cấp 12."},
    ), "in.jsonl"))
    assert [r.line for r in records] == [1, 2, 4]
    assert records[0].article is not None and records[0].article.id == "a"
    assert records[1].error is not None and records[1].error.startswith("in.jsonl:2: malformed JSON")
    assert records[2].article is not None and records[2].article.id == "line-4"
    assert records[2].article.origin == "in.jsonl:4"


def test_a_cluster_line_keeps_its_articles_and_names_a_bad_one() -> None:
    good, bad, dup = iter_records(lines(
        {"id": "c1", "articles": [{"text": "Một."}, {"id": "x", "text": "Hai."}]},
        {"id": "c2", "articles": [{"text": "Một."}, {"text": 5}]},
        {"articles": [{"id": "x", "text": "Một."}, {"id": "x", "text": "Hai."}]},
    ), "in.jsonl")
    assert good.cluster is not None and good.cluster.id == "c1"
    assert [a.id for a in good.cluster.articles] == ["1", "x"]
    assert bad.error == "in.jsonl:2 article 2: 'text' must be a string, not a number"
    assert dup.error == "in.jsonl:3: two articles share the id 'x'"


def test_an_empty_cluster_is_an_error() -> None:
    (record,) = iter_records(lines({"id": "c", "articles": []}), "in.jsonl")
    assert record.error == "in.jsonl:1: the cluster has no articles"


def test_a_bom_on_the_first_line_is_ignored() -> None:
    (record,) = iter_records(["\ufeff" + json.dumps({"id": "a", "text": "Một."})], "in.jsonl")
    assert record.article is not None and record.article.id == "a"
