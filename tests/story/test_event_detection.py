"""Event detection: one story stays one event; years apart or different stories split."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tomtat.clean import clean_cluster
from tomtat.model import Article, Entity
from tomtat.story import analyze
from tomtat.story.dates import DateMention
from tomtat.story.event_detection import article_actors, detect_events
from tomtat.text.sentences import split_articles

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "four_events.json"


def _events(articles: list[Article]) -> list[tuple[str, ...]]:
    arts = [a for a in clean_cluster(articles) if a.text.strip()]
    return list(analyze(arts, split_articles(arts)).detected)


def test_four_reports_years_apart_are_four_events() -> None:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    groups = _events([Article(id=r["id"], title="", text=r["text"]) for r in rows])
    assert sorted(groups) == sorted((r["id"],) for r in rows)


# A second report of the 2012 meeting, a day later, with no year of its own, whose words
# (a patrol programme, Japan's boats) are closer to the 2015 report than to the first
# 2012 one.
SECOND_2012 = (
    "Ngày 10/7, bên lề hội nghị ngoại trưởng khu vực ở Phnom Penh, Mỹ công bố chương trình "
    "hỗ trợ năng lực tuần tra biển cho các nước Đông Nam Á.\n"
    "Bà Clinton nói chương trình sẽ giúp các nước tuần tra trên biển trong khi chờ bộ quy tắc ứng xử.\n"
    "Nhật Bản hoan nghênh chương trình và hứa tài trợ thêm tàu tuần tra cho khu vực.\n"
    "Các nhà phân tích đánh giá đây là bước đi nhằm tăng cường hiện diện của Mỹ trong khu vực."
)


def test_a_report_of_the_same_day_joins_that_event_not_the_one_its_words_are_closest_to() -> None:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    articles = [Article(id=r["id"], title="", text=r["text"]) for r in rows]
    groups = _events([*articles, Article(id="bien-2012-b", title="", text=SECOND_2012)])
    assert sorted(groups) == [("bien-2012", "bien-2012-b"), ("bien-2015",), ("bien-2022",), ("bien-2024",)]


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


def _date(aid: str, n: int, year: int, basis: str = "explicit") -> tuple[tuple[str, int], tuple[DateMention, ...]]:
    """Sentence ``n`` of article ``aid`` dating 20 April of ``year`` (``basis`` says how
    the year is known)."""
    d = DateMention(start=0, end=9, text="ngày 20/4", iso=f"{year}-04-20", precision="day",
                    basis=basis, relative=False, year=year, month=4, day=20)
    return (aid, n), (d,)


# two reports sharing a third of their words: related, not the same text (cosine 1/3)
RELATED_BAGS = {"a": Counter({"lũ": 1, "sông": 1, "huế": 1}), "b": Counter({"lũ": 1, "đê": 1, "vỡ": 1})}


def test_related_reports_are_one_event_only_when_they_name_the_same_actors() -> None:
    same = {"a": Counter({"Thừa Thiên Huế": 1, "Nguyễn Văn Phương": 1}), "b": Counter({"Nguyễn Văn Phương": 1})}
    other = {"a": Counter({"Thừa Thiên Huế": 1}), "b": Counter({"Quảng Bình": 1})}
    assert detect_events(RELATED_BAGS, {}, same) == [("a", "b")]
    assert detect_events(RELATED_BAGS, {}, other) == [("a",), ("b",)]
    assert detect_events(RELATED_BAGS, {}) == [("a",), ("b",)]


def test_a_year_written_once_does_not_split_a_story_but_one_written_twice_does() -> None:
    bags = {"a": Counter({"xúc": 2, "xích": 2, "thu": 1}), "b": Counter({"xúc": 1, "xích": 1, "kiện": 2})}
    story = dict([_date("a", 0, 2016), _date("a", 1, 2016)])
    recalled = story | dict([_date("b", 0, 2012)])
    assert detect_events(bags, recalled) == [("a", "b")]
    twice = recalled | dict([_date("b", 1, 2012)])
    assert detect_events(bags, twice) == [("a",), ("b",)]


def test_a_year_lent_by_another_article_does_not_place_a_report() -> None:
    bags = {"a": Counter({"xúc": 2, "xích": 2, "thu": 1}), "b": Counter({"xúc": 1, "xích": 1, "kiện": 2})}
    inferred = dict([_date("a", 0, 2016, "evidence"), _date("b", 0, 2012, "evidence")])
    assert detect_events(bags, inferred) == [("a",), ("b",)]
    lent = dict([_date("a", 0, 2016, "evidence"), _date("b", 0, 2012, "cluster")])
    assert detect_events(bags, lent) == [("a", "b")]


def _year_alone(aid: str, n: int, year: int) -> tuple[tuple[str, int], tuple[DateMention, ...]]:
    """Sentence ``n`` of article ``aid`` writing ``year`` alone ("6 tháng đầu năm 2022")."""
    d = DateMention(start=0, end=8, text=f"năm {year}", iso=str(year), precision="year",
                    basis="explicit", relative=False, year=year)
    return (aid, n), (d,)


def test_a_report_that_dates_the_other_reports_year_itself_is_not_ruled_out_by_years() -> None:
    """A report placed in 2023 (written twice) that also dates something in 2022, even
    once or as a year alone, is about that time too: it may join a 2022 report on the
    same content. One that never writes 2022 stays apart."""
    bags = {"a": Counter({"xúc": 2, "xích": 2, "thu": 1}), "b": Counter({"xúc": 1, "xích": 1, "kiện": 2})}
    apart = dict([_date("a", 0, 2022), _date("a", 1, 2022), _date("b", 0, 2023), _date("b", 1, 2023)])
    assert detect_events(bags, apart) == [("a",), ("b",)]
    assert detect_events(bags, apart | dict([_date("b", 2, 2022)])) == [("a", "b")]
    assert detect_events(bags, apart | dict([_year_alone("b", 2, 2022)])) == [("a", "b")]
    assert detect_events(bags, apart | dict([_year_alone("b", 2, 2019)])) == [("a",), ("b",)]


def test_an_actor_named_in_passing_does_not_make_two_reports_one_story() -> None:
    """Two related reports (a third of their words shared) that both name Huế once, each
    about its own person, are two stories; two that are both about one person, named
    again and again, are one, though each also names someone the other does not."""
    city = Entity(name="Huế", type="LOC", count=2, articles=("a", "b"))
    own = [Entity(name="Nguyễn Văn An", type="PER", count=5, articles=("a",)),
           Entity(name="Trần Thị Bình", type="PER", count=5, articles=("b",))]
    passing = article_actors([city, *own])
    assert passing["a"]["Nguyễn Văn An"] > passing["a"]["Huế"]
    assert detect_events(RELATED_BAGS, {}, passing) == [("a",), ("b",)]
    about = Entity(name="Nguyễn Văn Phương", type="PER", count=8, articles=("a", "b"))
    once = [Entity(name="Lê Văn Cường", type="PER", count=1, articles=("a",)),
            Entity(name="Phạm Thị Dung", type="PER", count=1, articles=("b",))]
    assert detect_events(RELATED_BAGS, {}, article_actors([city, about, *once])) == [("a", "b")]


# reports sharing a broad theme (fever, hospital, patients), each pair with its own story
FEVER = Counter({"sốt": 2, "bệnh": 1, "viện": 1, "nhân": 1})
DENGUE = ["xuất", "huyết", "muỗi", "vằn", "lăng", "quăng"]
SCRUB_TYPHUS = ["mò", "đốt", "sẹo", "chuột", "bụi", "rậm"]


def _report(theme: Counter[str], words: list[str]) -> Counter[str]:
    return theme + Counter(dict.fromkeys(words, 1))


def test_two_stories_on_one_theme_split_though_they_share_many_words() -> None:
    """Two reports on dengue and two on scrub typhus share the fever theme (content
    cosine 0.6, above ``SAME_STORY``), but each pair shares far more among itself
    (0.92): two events. Without the cohesion rule they would be one."""
    bags = {
        "d1": _report(FEVER, DENGUE[:5]), "s1": _report(FEVER, SCRUB_TYPHUS[:5]),
        "d2": _report(FEVER, DENGUE[1:]), "s2": _report(FEVER, SCRUB_TYPHUS[1:]),
    }
    assert detect_events(bags, {}) == [("d1", "d2"), ("s1", "s2")]
    assert detect_events(bags, {}, cohesion_share=0.0) == [("d1", "s1", "d2", "s2")]


def test_a_lone_report_on_the_theme_still_joins_by_content() -> None:
    """A single article has no cohesion to weigh: one scrub-typhus report beside two
    dengue reports joins them by content alone (cosine 0.6)."""
    bags = {"d1": _report(FEVER, DENGUE[:5]), "d2": _report(FEVER, DENGUE[1:]), "s1": _report(FEVER, SCRUB_TYPHUS[:5])}
    assert detect_events(bags, {}) == [("d1", "d2", "s1")]


def test_one_story_told_from_two_sides_stays_one_event() -> None:
    """Two reports on a fire's rescue and two on its inquiry share the fire (cosine 0.84)
    nearly as much as each pair shares among itself (0.96): one event."""
    fire = Counter({"cháy": 3, "chung": 2, "cư": 2, "nạn": 1, "nhân": 1})
    rescue, inquiry = ["cứu", "hộ", "thang", "dây", "thoát"], ["điều", "tra", "chập", "điện", "khởi"]
    bags = {
        "r1": _report(fire, rescue[:4]), "r2": _report(fire, rescue[1:]),
        "i1": _report(fire, inquiry[:4]), "i2": _report(fire, inquiry[1:]),
    }
    assert detect_events(bags, {}) == [("r1", "r2", "i1", "i2")]
