"""One bad line (a lone surrogate, a 5,000-digit id, 100,000-deep nesting, broken
JSON) is reported with its file and line and never ends in a traceback: ``batch``
skips it and goes on (and a resume goes past it), ``summarize`` and ``cluster`` say
what is wrong in one line."""

from __future__ import annotations

import json

import pytest

from tomtat.cli import main

TEXT = "Hà Nội mưa lớn chiều nay. Nhiều tuyến phố bị ngập sâu. Giao thông ùn tắc kéo dài."
SURROGATE = '{"id": "s", "articles": [{"id": "a", "title": "M\\ud800", "text": "Hà Nội mưa \\udc00 lớn chiều nay. Phố ngập sâu."}]}'
HUGE_ID = '{"id": ' + "9" * 5000 + ', "articles": [{"id": "a", "text": "x"}]}'
DEEP = '{"id": "d", "articles": [{"id": "a", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}]}"
BROKEN = '{"id": "b", "articles": [{"text": "abc'


def cluster_line(cid: str) -> str:
    return json.dumps({"id": cid, "articles": [{"id": "a", "text": TEXT}]}, ensure_ascii=False)


def test_batch_reports_each_bad_line_and_writes_the_others(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([cluster_line("c1"), HUGE_ID, DEEP, SURROGATE, BROKEN, cluster_line("c2")]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for line in (2, 3, 5):
        assert f"in.jsonl:{line}:" in err
    assert "at at" not in err
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["c1", "s", "c2"]  # the surrogate cluster is summarized, U+FFFD in place
    # A resume goes past the bad lines and finds nothing left to do.
    assert main(["batch", str(source), "-o", str(out), "--no-progress"]) == 1
    assert "3 skipped" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").count("\n") == 3


@pytest.mark.parametrize("line", [HUGE_ID, DEEP, BROKEN])
def test_summarize_says_what_is_wrong_in_one_line(tmp_path, capsys, line):
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert main(["summarize", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tomtat: error:") and "one.jsonl:1" in err and err.count("\n") == 1


def test_summarize_and_cluster_write_a_lone_surrogate_as_a_replacement_character(tmp_path, capsys):
    path = tmp_path / "s.jsonl"
    path.write_text(SURROGATE + "\n", encoding="utf-8")
    assert main(["summarize", str(path), "-f", "json"]) == 0
    assert "\ufffd" in json.loads(capsys.readouterr().out)["summary"]
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a\\ud800", "text": "Hà Nội mưa \\udc00 lớn chiều nay."}\n' + HUGE_ID.replace('"articles"', '"x"') + "\n",
                        encoding="utf-8")
    assert main(["cluster", str(articles), "--no-progress"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["articles"][0]["id"] == "a\ufffd"
    assert "articles.jsonl:2" in err and "Traceback" not in err
