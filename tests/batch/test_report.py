"""The closing report of a batch run, as the user reads it on stderr."""

from __future__ import annotations

from tomtat.batch.report import Report


def test_counts_and_rate_in_one_line() -> None:
    report = Report(done=8, skipped=2, articles=24, seconds=4.0)
    assert report.ok
    assert report.lines("out.jsonl") == [
        "batch: 8 done (2.0 clusters/s, 24 articles), 2 skipped (already in out.jsonl), 0 failed"
    ]


def test_failures_are_listed_up_to_a_limit() -> None:
    report = Report(done=1, failures=[f"in.jsonl:{n}: malformed JSON" for n in range(5)], duplicates=2)
    lines = report.lines("out.jsonl", limit=3)
    assert not report.ok and "5 failed (2 duplicate ids)" in lines[0]
    assert lines[1:4] == [f"  failed: in.jsonl:{n}: malformed JSON" for n in range(3)]
    assert lines[4] == "  ... and 2 more failures (each was reported above)"
