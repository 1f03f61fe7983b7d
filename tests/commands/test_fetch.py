"""``tomtat track fetch`` from the shell: the report, the exit code, flags over the file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fetch"))

from fixture_site import Reply, Site, html, page_html, rss, xml  # noqa: E402

from tomtat.cli import main  # noqa: E402


@pytest.fixture
def site() -> Site:
    with Site() as running:
        running.routes["/robots.txt"] = lambda _h: Reply(status=404)
        running.routes["/tin/1"] = html(page_html(1))
        running.routes["/tin/2"] = html(page_html(2))
        running.routes["/rss"] = xml(rss("Báo", [("Một", running.url("/tin/1")), ("Hai", running.url("/tin/2")), ("Mất", running.url("/mat"))]))
        yield running


def test_fetch_reports_what_it_did_and_exits_1_when_a_page_failed(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# một báo\n{site.url('/rss')}\n", encoding="utf-8")
    out = tmp_path / "articles.jsonl"
    stories = tmp_path / "stories.jsonl"
    assert main(["track", "fetch", str(feeds), "-o", str(out), "--stories", str(stories), "--delay", "0"]) == 1
    err = capsys.readouterr().err
    assert "1/1 feeds read" in err and "2 new articles" in err and "1 failed" in err
    assert f"failed {site.url('/mat')}: HTTP 404" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert sum(len(json.loads(line)["articles"]) for line in stories.read_text(encoding="utf-8").splitlines()) == 2


def test_flags_override_the_deployment_file(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "tomtat.toml"
    config.write_text(f'feeds = ["{site.url("/rss")}"]\narticles = "a.jsonl"\n[fetch]\nuser_agent = "khong dung"\ndelay = 30\n', encoding="utf-8")
    assert main(["track", "fetch", "--config", str(config), "--delay", "0", "--user-agent", "tomtat-thu/1"]) == 1
    assert site.agents == {"tomtat-thu/1"}
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_a_bad_feeds_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("tin-moi.vn/rss\n", encoding="utf-8")
    assert main(["track", "fetch", str(feeds), "-o", str(tmp_path / "a.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "feeds.txt:1: not a feed address" in err
    assert main(["track", "watch", str(tmp_path / "none.txt"), "--every", "soon"]) == 2


def test_a_setting_of_the_wrong_kind_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "tomtat.toml"
    config.write_text('feeds = ["http://127.0.0.1:9/rss"]\narticles = "a.jsonl"\n[fetch]\nmax_mb = "nhieu"\n', encoding="utf-8")
    assert main(["track", "fetch", "--config", str(config)]) == 2
    assert "bad fetch setting" in capsys.readouterr().err


def test_a_delay_that_is_not_a_number_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/rss\n", encoding="utf-8")
    assert main(["track", "fetch", str(feeds), "-o", str(tmp_path / "a.jsonl"), "--delay", "nan"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "delay" in err


def test_a_bad_limit_names_the_flag_or_the_file_it_came_from(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/rss\n", encoding="utf-8")
    assert main(["track", "fetch", str(feeds), "-o", str(tmp_path / "a.jsonl"), "--max-mb", "0"]) == 2
    assert capsys.readouterr().err.startswith("tomtat: error: --max-mb must be")
    config = tmp_path / "tomtat.toml"
    config.write_text('feeds = ["http://127.0.0.1:9/rss"]\narticles = "a.jsonl"\n[fetch]\nretries = 99\n', encoding="utf-8")
    assert main(["track", "fetch", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "tomtat.toml: [fetch] retries must be between 0 and 10" in err and err.count("\n") == 1
