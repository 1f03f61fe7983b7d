"""``tomtat clean --explain``: removed lines with the rules that removed them."""

from __future__ import annotations

import io
import json

from tomtat.clean import clean_article
from tomtat.io.writers.explain import render_explain, use_color
from tomtat.cli import main
from tomtat.model import Article

TEXT = "TTO - Mưa lớn gây ngập nhiều tuyến phố trong chiều nay.\nNgười dân đẩy xe qua phố. Ảnh: Ngọc Hà\nTheo Tuổi Trẻ\n"


def test_explain_lists_removed_lines_with_reasons(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Mưa lớn ở Hà Nội\n" + TEXT, encoding="utf-8")
    code = main(["clean", "--explain", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "[photo-caption] Người dân đẩy xe qua phố. Ảnh: Ngọc Hà" in out
    assert "[source-line] Theo Tuổi Trẻ" in out and "[dateline] TTO -" in out
    assert "\033[" not in out  # not a terminal: no colour codes
    assert "removed 3:" in out


def test_explain_is_coloured_only_for_a_terminal(monkeypatch):
    article = clean_article(Article("a", "Tiêu đề", TEXT))
    coloured = render_explain([article], color=True)
    assert "\033[33m[photo-caption]\033[0m" in coloured
    assert "\033[" not in render_explain([article], color=False)

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(Tty()) and not use_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Tty())


def test_json_carries_removals_in_removed(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Mưa lớn ở Hà Nội\n" + TEXT, encoding="utf-8")
    assert main(["clean", "-f", "json", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    reasons = [r["reason"] for r in data["articles"][0]["removed"]]
    assert reasons == ["dateline", "photo-caption", "source-line"]


def test_explain_with_nothing_removed(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Tiêu đề\nMột câu nội dung hoàn chỉnh ở đây.\n", encoding="utf-8")
    assert main(["clean", "--explain", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "nothing removed" in out and "removed nothing" in out
