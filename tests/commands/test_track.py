"""``tomtat track``: add, show, list, export, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomtat.cli import main


def _feed(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_add_show_list_export(tmp_path: Path, rows: list[dict[str, str]], sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    assert main(["track", "add", str(_feed(tmp_path / "a.jsonl", rows[:6])), str(sample_dir), "--db", db]) == 0
    assert "9 articles added" in capsys.readouterr().err
    assert main(["track", "add", str(_feed(tmp_path / "b.jsonl", rows[6:])), "--db", db, "--workers", "2"]) == 0
    err = capsys.readouterr().err
    assert "3 articles added" in err and "0 new stories" in err

    assert main(["track", "list", "--db", db, "--format", "json"]) == 0
    cards = json.loads(capsys.readouterr().out)
    assert len(cards) == 4 and {c["articles"] for c in cards} == {3}
    bao = next(c for c in cards if "Bão số 7" in c["headline"])

    assert main(["track", "list", "--db", db, "--query", "bão THANH hóa", "--format", "json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [bao["id"]]
    assert main(["track", "list", "--db", db, "--query", "xyzzy"]) == 0
    assert "no story matches" in capsys.readouterr().err

    assert main(["track", "show", str(bao["id"]), "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "What's new since version 1 (1 new article)" in out
    assert "Sources:" in out

    assert main(["track", "show", str(bao["id"]), "--since", "0", "--format", "json", "--db", db]) == 0
    update = json.loads(capsys.readouterr().out)["whats_new"]
    assert len(update["new_articles"]) == 3 and update["new_sentences"]
    assert all({"article_id", "paragraph", "index", "source"} <= set(s) for s in update["new_sentences"])

    target = tmp_path / "clusters.jsonl"
    assert main(["track", "export", "-o", str(target), "--db", db]) == 0
    clusters = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sorted(len(c["articles"]) for c in clusters) == [3, 3, 3, 3]
    assert main(["batch", str(target), "-o", str(tmp_path / "summaries.jsonl"), "--jobs", "1"]) == 0


def test_show_first_version_groups_actors_and_repeats_nothing(tmp_path: Path, sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    assert main(["track", "add", str(sample_dir), "--db", db]) == 0
    capsys.readouterr()
    assert main(["track", "show", "1", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "version 1" in out and "What's new" not in out  # the summary above is all of it
    people = next(line for line in out.splitlines() if line.startswith("People: "))
    places = next(line for line in out.splitlines() if line.startswith("Places: "))
    assert "Nguyễn Văn Bình" in people and "TP.HCM" in places and "TP.HCM" not in people
    assert main(["track", "show", "1", "--since", "0", "--db", db]) == 0
    assert "What's new since version 0 (3 new articles)" in capsys.readouterr().out


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    cases = [
        (["track", "show", "7", "--db", db], "no story 7"),
        (["track", "show", "1", "--db", "sqlite:///" + str(tmp_path / "missing" / "x.db")], "does not exist"),
        (["track", "list", "--db", "mysql://u@h/d"], "unsupported database"),
        (["track", "list", "--db", "postgresql+psycopg://u@127.0.0.1:1/d"], "cannot open the store"),
        (["track", "list", "--since", "yesterday", "--db", db], "not a date"),
        (["track", "add", str(tmp_path / "nope"), "--db", db], "no such file"),
        (["track", "add", str(tmp_path), "--workers", "0", "--db", db], "--workers must be at least 1"),
    ]
    for argv, expected in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert expected in err and len(err.strip().splitlines()) == 1, err


def test_add_exits_1_when_an_input_was_unreadable_and_keeps_the_rest(tmp_path: Path, rows: list[dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    feed = _feed(tmp_path / "a.jsonl", rows[:3])
    with feed.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert main(["track", "add", str(feed), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "3 articles added" in err and "1 unreadable" in err
    assert "a.jsonl:4: malformed JSON" in err  # the user is told which line and why
    assert main(["track", "list", "--db", db, "--format", "json"]) == 0
    assert sum(c["articles"] for c in json.loads(capsys.readouterr().out)) == 3


def test_show_writes_timeline_dates_as_readers_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    rows = [{"id": f"a{k}", "title": "Cầu mới thông xe", "source": f"Báo {k}",
             "text": f"Sáng 15/3, thành phố thông xe cây cầu mới nối hai quận. Cầu dài {k + 2} km và có sáu làn xe."}
            for k in range(3)]
    assert main(["track", "add", str(_feed(tmp_path / "a.jsonl", rows)), "--db", db]) == 0
    capsys.readouterr()
    assert main(["track", "show", "1", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "- 15/3 (chưa rõ năm): " in out and "--03-15" not in out


def test_show_tells_a_story_of_two_events_in_dated_sections_in_time_order(
    tmp_path: Path, two_events: list[dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    assert main(["track", "add", str(_feed(tmp_path / "a.jsonl", two_events[::-1])), "--db", db]) == 0
    capsys.readouterr()
    assert main(["track", "show", "1", "--db", db]) == 0
    out = capsys.readouterr().out
    body = out[out.index("\n\n") + 2:out.index("\nSources:")]
    sections = body.split("\n\n")
    assert [s.splitlines()[0] for s in sections] == ["[15/10/2016]", "[3/11/2023]"]
    for section, year in zip(sections, ("2016", "2023")):
        told = " ".join(r["text"] for r in two_events if r["id"].startswith(f"lu-{year}"))
        lines = [line.rsplit(" [", 1)[0] for line in section.splitlines()[1:]]
        assert lines and all(line in told for line in lines)  # each event's own sentences
