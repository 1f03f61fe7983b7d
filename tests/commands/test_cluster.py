"""tomtat cluster: an article stream in, one story per line out, problems on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomtat.cli import main


def write(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")
    return path


def test_vietnamese_dates_group_like_iso_dates(rows: list[dict[str, str]], tmp_path: Path) -> None:
    iso = write(tmp_path / "iso.jsonl", rows)
    day_first = write(tmp_path / "vi.jsonl", [{**r, "published": f"{r['published'][8:10]}/{r['published'][5:7]}/{r['published'][:4]} 08:00"} for r in rows])
    out_iso, out_vi = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["cluster", str(iso), "-o", str(out_iso)]) == 0
    assert main(["cluster", str(day_first), "-o", str(out_vi)]) == 0

    def groups(path: Path) -> list[list[str]]:
        return [[a["id"] for a in json.loads(x)["articles"]] for x in path.read_text(encoding="utf-8").splitlines()]
    assert groups(out_iso) == groups(out_vi) == [["bao0", "bao1", "bao2"], ["gia0", "gia1", "gia2"], ["chay0", "chay1", "chay2"]]


def test_problem_lines_are_named_and_the_rest_grouped(rows: list[dict[str, str]], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.jsonl", [*rows, "{oops", rows[0], {"id": "c", "articles": [rows[1]]}, {"id": "e", "text": " "}])
    out = tmp_path / "out.jsonl"
    assert main(["cluster", str(src), "-o", str(out)]) == 1  # written, but lines failed
    err = capsys.readouterr().err
    assert f"{src}:10: malformed JSON" in err
    assert f"{src}:11: duplicate article id 'bao0' (first on line 1); skipped" in err
    assert f"{src}:12: a cluster line" in err
    assert "article 'e' has no text; skipped" in err
    assert "9 articles -> 3 stories" in err and "3 lines failed" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_a_stream_with_no_usable_article_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.jsonl", ["{oops"])
    assert main(["cluster", str(src), "-o", str(tmp_path / "out.jsonl")]) != 0
    assert "no article to group" in capsys.readouterr().err
