"""``tomtat cluster``: an article stream in, stories out that ``tomtat batch`` reads."""

from __future__ import annotations

import json
from pathlib import Path

from tomtat.cli import main
from tomtat.grouping import GroupingOptions, group_articles
from tomtat.io.jsonl import iter_records


def _stories(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_stream_is_grouped_into_its_stories(gkit, tmp_path: Path, capsys) -> None:
    rows = gkit.stream()
    src = gkit.write_jsonl(tmp_path / "articles.jsonl", rows)
    out = tmp_path / "stories.jsonl"
    assert main(["cluster", str(src), "-o", str(out)]) == 0
    truth = {r["id"]: r["story"] for r in rows}
    groups = [{truth[a["id"]] for a in s["articles"]} for s in _stories(out)]
    assert len(groups) == 4 and all(len(g) == 1 for g in groups)
    assert sorted(len(s["articles"]) for s in _stories(out)) == [3, 3, 3, 4]
    assert "13 articles -> 4 stories" in capsys.readouterr().err


def test_agency_copy_is_marked_and_kept_with_its_original(gkit, tmp_path: Path) -> None:
    src = gkit.write_jsonl(tmp_path / "articles.jsonl", gkit.stream())
    out = tmp_path / "stories.jsonl"
    assert main(["cluster", str(src), "-o", str(out)]) == 0
    with_copy = [s for s in _stories(out) if "near_duplicates" in s]
    assert len(with_copy) == 1
    assert with_copy[0]["near_duplicates"] == [["gia0", "gia-copy"]]


def test_near_duplicates_stay_together_across_the_window(gkit) -> None:
    records = [r.article for r in iter_records([json.dumps(x, ensure_ascii=False) for x in gkit.stream()], "mem")]
    # The copy re-published a month later: the window would separate it, the MinHash link does not.
    moved = [a if a.id != "gia-copy" else a.__class__(**{**{f: getattr(a, f) for f in a.__slots__}, "published": "2024-10-20"}) for a in records]
    stories = group_articles(moved, GroupingOptions(window_days=3))
    story_of = {a.id: s.id for s in stories for a in s.articles}
    assert story_of["gia-copy"] == story_of["gia0"]


def test_time_window_separates_the_same_topic_a_month_apart(gkit) -> None:
    rows = gkit.stream()
    rows = [r for r in rows if r["story"] == "bao"]
    later = dict(rows[2], id="bao-next-year", published="2025-09-20")
    records = [r.article for r in iter_records([json.dumps(x, ensure_ascii=False) for x in rows[:2] + [later]], "mem")]
    windowed = group_articles(records, GroupingOptions(window_days=3))
    assert sorted(len(s.articles) for s in windowed) == [1, 2]
    unwindowed = group_articles(records, GroupingOptions(window_days=None))
    assert [len(s.articles) for s in unwindowed] == [3]


def test_output_feeds_batch(gkit, tmp_path: Path) -> None:
    src = gkit.write_jsonl(tmp_path / "articles.jsonl", gkit.stream())
    stories, sums = tmp_path / "stories.jsonl", tmp_path / "sums.jsonl"
    assert main(["cluster", str(src), "-o", str(stories)]) == 0
    assert main(["batch", str(stories), "-o", str(sums), "--words", "40"]) == 0
    ids = [s["id"] for s in _stories(stories)]
    assert [s["id"] for s in _stories(sums)] == ids


def test_same_input_same_story_ids(gkit, tmp_path: Path) -> None:
    src = gkit.write_jsonl(tmp_path / "articles.jsonl", gkit.stream())
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["cluster", str(src), "-o", str(a)]) == 0
    assert main(["cluster", str(src), "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_bad_lines_are_reported_and_the_rest_grouped(gkit, tmp_path: Path, capsys) -> None:
    rows = gkit.stream()
    src = gkit.write_jsonl(tmp_path / "articles.jsonl", rows[:3] + ["{not json"] + [rows[0]] + rows[3:])
    out = tmp_path / "stories.jsonl"
    assert main(["cluster", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:4: malformed JSON" in err
    assert f"{src}:5: duplicate article id 'bao0' (first on line 1)" in err
    assert sum(len(s["articles"]) for s in _stories(out)) == len(rows)


def test_bad_invocations(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    for argv, message in [
        (["cluster", str(tmp_path / "missing.jsonl")], "no such file"),
        (["cluster", str(empty)], "no article to group"),
        (["cluster", str(empty), "--similarity", "0"], "--similarity must be in (0, 1]"),
    ]:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
