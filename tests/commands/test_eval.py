"""``tomtat eval``: a table on stdout, per-cluster JSON lines, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomtat.cli import main

FIXTURES = Path(__file__).parents[1] / "evaluate" / "fixtures"


@pytest.mark.parametrize("dataset", ["vims", "vmds", "abmusu.jsonl", "clusters.jsonl"])
def test_eval_reads_every_layout_and_prints_the_table(dataset, capsys):
    assert main(["eval", str(FIXTURES / dataset), "--words", "40"]) == 0
    out = capsys.readouterr().out
    for label in ("ROUGE-1", "ROUGE-2", "ROUGE-L", "clusters/s"):
        assert label in out


def test_eval_writes_one_line_per_cluster(tmp_path, capsys):
    out = tmp_path / "run.jsonl"
    assert main(["eval", str(FIXTURES / "vims"), "--method", "lead", "--words", "30", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["Cluster_001", "Cluster_003"]
    first = lines[0]
    assert first["summary"].startswith("Sáng 3/9, cầu Sông Xanh")
    assert len(first["summary"].split()) <= 30
    assert len(first["references"]) == 2
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert set(first[metric]) == {"p", "r", "f"}
        assert 0 < first[metric]["f"] <= 1


def test_eval_without_references_is_one_clear_error(capsys):
    assert main(["eval", str(FIXTURES / "abmusu-test.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tomtat: error:") and "no reference summaries" in err
    assert "Traceback" not in err


def test_eval_unknown_method_and_bad_budget_are_errors(capsys):
    assert main(["eval", str(FIXTURES / "vims"), "--method", "nosuch"]) == 2
    assert main(["eval", str(FIXTURES / "vims"), "--words", "0"]) == 2
    assert "tomtat: error:" in capsys.readouterr().err


def test_eval_per_cluster_scores_match_an_independent_implementation(tmp_path, capsys):
    import underthesea.utils  # noqa: F401  (before rouge_score; see tests/evaluate/test_rouge.py)
    from rouge_score import rouge_scorer

    from tomtat.evaluate.rouge import tokenize

    class Syllables:
        def tokenize(self, text: str) -> list[str]:
            return tokenize(text)

    out = tmp_path / "run.jsonl"
    assert main(["eval", str(FIXTURES / "vmds"), "--words", "25", "--out", str(out)]) == 0
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=Syllables())
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for metric in ("rouge1", "rouge2", "rougeL"):
            theirs = [scorer.score(ref, row["summary"])[metric].fmeasure for ref in row["references"]]
            assert abs(row[metric]["f"] - sum(theirs) / len(theirs)) < 0.005


def test_eval_checks_the_output_folder_before_running(tmp_path, capsys):
    assert main(["eval", str(FIXTURES / "vims"), "--out", str(tmp_path / "missing" / "run.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err


def test_eval_forced_layout_that_does_not_fit_is_refused(capsys):
    assert main(["eval", str(FIXTURES / "vims"), "--layout", "vlsp"]) == 2
    assert "does not look like a vlsp corpus" in capsys.readouterr().err


def test_eval_budget_defaults_to_the_corpus_mean_reference_length(capsys):
    from tomtat.evaluate.dataset import mean_reference_words
    from tomtat.evaluate.loaders import load_dataset

    words = mean_reference_words(load_dataset(FIXTURES / "vims"))
    assert words > 0
    assert main(["eval", str(FIXTURES / "vims"), "--method", "lead"]) == 0
    assert f"{words} words" in capsys.readouterr().out


def test_eval_takes_dash_o_like_every_other_command(tmp_path):
    out = tmp_path / "run.jsonl"
    assert main(["eval", str(FIXTURES / "vims"), "--method", "lead", "--words", "30", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
