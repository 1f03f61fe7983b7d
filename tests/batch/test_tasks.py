"""One batch task: a cluster line in, a summary line or a reason out, never an exception."""

from __future__ import annotations

import json

from tomtat.batch.tasks import Task, run_task
from tomtat.model import Budget


def task(line: str, number: int = 3) -> Task:
    return Task(number, line, "in.jsonl", Budget(words=30), None)


def test_a_cluster_line_gives_its_summary_line(kit) -> None:
    outcome = run_task(task(json.dumps(kit.make_cluster("c7", 7), ensure_ascii=False)))
    assert outcome.error is None and outcome.cluster_id == "c7" and outcome.articles == 3
    assert outcome.output is not None and outcome.output.endswith("\n") and outcome.output.count("\n") == 1
    summary = json.loads(outcome.output)
    assert summary["id"] == "c7" and 0 < summary["words"] <= 30


def test_a_bad_line_gives_a_reason_naming_file_and_line() -> None:
    outcome = run_task(task("{oops", number=9))
    assert outcome.output is None and outcome.error is not None and outcome.error.startswith("in.jsonl:9: malformed JSON")


def test_an_article_line_is_not_a_cluster() -> None:
    outcome = run_task(task(json.dumps({"id": "a", "text": "Một câu."})))
    assert outcome.output is None and "not a cluster line" in (outcome.error or "")
