"""The deployment file: what it sets, and one clear line for what it gets wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from tomtat.errors import InputError
from tomtat.fetch.config import load_config, parse_duration


def test_durations_read_as_people_write_them() -> None:
    assert [parse_duration(v, "every") for v in (90, "90s", "10m", "1.5h", "2")] == [90, 90, 600, 5400, 2]
    with pytest.raises(InputError, match="every: not a duration"):
        parse_duration("mười phút", "every")


def test_a_deployment_file_sets_feeds_interval_store_and_limits(tmp_path: Path) -> None:
    (tmp_path / "feeds.txt").write_text("https://b.vn/rss\n", encoding="utf-8")
    path = tmp_path / "tomtat.toml"
    path.write_text(
        'feeds = ["https://a.vn/rss"]\nfeeds_file = "feeds.txt"\nevery = "5m"\ndb = "sqlite:///tin.db"\n'
        '[fetch]\ndelay = 3.0\nmax_mb = 2\nuser_agent = "tomtat (toa soan X)"\n',
        encoding="utf-8",
    )
    config = load_config(str(path))
    assert config.feeds == ("https://a.vn/rss", "https://b.vn/rss")
    assert config.every == 300 and config.db == "sqlite:///tin.db"
    assert config.fetch == {"delay": 3.0, "max_mb": 2, "user_agent": "tomtat (toa soan X)"}


@pytest.mark.parametrize(
    ("text", "message"),
    [("feeds = [\n", "not a readable TOML file"), ('feed = ["x"]\n', "unknown setting"), ("[fetch]\ndelai = 1\n", "unknown \\[fetch\\] setting")],
)
def test_a_mistake_in_the_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "tomtat.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_config(str(path))
