"""Event detection: one story stays one event; years apart or different stories split."""

from __future__ import annotations

import json
from pathlib import Path

from tomtat.clean import clean_cluster
from tomtat.model import Article
from tomtat.story import analyze
from tomtat.text.sentences import split_articles

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "four_events.json"


def _events(articles: list[Article]) -> list[tuple[str, ...]]:
    arts = [a for a in clean_cluster(articles) if a.text.strip()]
    return list(analyze(arts, split_articles(arts)).detected)


def test_four_reports_years_apart_are_four_events() -> None:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    groups = _events([Article(id=r["id"], title="", text=r["text"]) for r in rows])
    assert sorted(groups) == sorted((r["id"],) for r in rows)


FLOOD = [
    "Mưa lớn kéo dài khiến nước sông Hương dâng cao, nhiều khu dân cư ở Huế bị ngập sâu.",
    "Chính quyền Huế sơ tán hàng nghìn hộ dân khỏi vùng ngập ven sông Hương.",
    "Lũ trên sông Hương đạt đỉnh, hàng nghìn ngôi nhà ở Huế ngập trong nước.",
]
FOOTBALL = [
    "Đội tuyển bóng đá Việt Nam thắng Thái Lan 2-1 ở trận chung kết trên sân Mỹ Đình.",
    "Hàng vạn cổ động viên đổ ra đường mừng chức vô địch của đội tuyển bóng đá Việt Nam.",
]


def test_one_story_stays_one_event_and_two_stories_split() -> None:
    flood = [Article(id=f"lu{i}", title="", text=t + " " + FLOOD[(i + 1) % 3]) for i, t in enumerate(FLOOD)]
    assert len(_events(flood)) == 1
    ball = [Article(id=f"bd{i}", title="", text=t + " " + FOOTBALL[1 - i]) for i, t in enumerate(FOOTBALL)]
    groups = _events(flood + ball)
    assert sorted(groups) == [("bd0", "bd1"), ("lu0", "lu1", "lu2")]


def test_one_story_followed_over_two_years_stays_one_event() -> None:
    """Nearly the same report a year later (an anniversary follow-up) is one story,
    though its dates lie in another year; the four events years apart stay apart."""
    base = (
        "Ngày 12/6/{y}, hàng trăm ngư dân xã Bình Châu, tỉnh Quảng Ngãi ra khơi đánh bắt "
        "cá ngừ đại dương trên các tàu vỏ thép đóng theo chương trình hỗ trợ ngư dân. "
        "Các tàu vỏ thép của ngư dân Bình Châu liên tục hư hỏng máy, ngư dân Quảng Ngãi "
        "kiến nghị xử lý doanh nghiệp đóng tàu và bồi thường thiệt hại."
    )
    groups = _events([Article(id=f"tau{y}", title="", text=base.format(y=y)) for y in (2015, 2016)])
    assert groups == [("tau2015", "tau2016")]
