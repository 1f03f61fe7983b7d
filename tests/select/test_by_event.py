"""A cluster that tells two distinct events (invented reports): the summary covers
both, each in a dated paragraph, within the one budget."""

from __future__ import annotations

import pytest

from tomtat import pipeline
from tomtat.model import Article, Budget, Cluster, Limits, Summary
from tomtat.pipeline import build_document, summarize_cluster
from tomtat.select.event_parts import split_limits

STORM_2020 = [
    Article(
        "bao-1",
        "Bão đổ bộ vào Quảng Ngãi",
        "Ngày 15/10/2020, bão số 7 đổ bộ vào tỉnh Quảng Ngãi với sức gió mạnh cấp 11.\n"
        "Hàng nghìn ngôi nhà ven biển bị tốc mái và ngập sâu trong nước lũ.\n"
        "Chính quyền tỉnh đã sơ tán hơn 30.000 người dân đến nơi an toàn từ tối hôm trước.\n"
        "Điện lưới bị cắt trên diện rộng tại nhiều huyện ven biển của tỉnh.\n"
        "Các đội cứu hộ khẩn trương dọn cây đổ trên các tuyến đường chính.\n"
        "Nhiều trường học cho học sinh nghỉ học hai ngày để tránh bão.",
    ),
    Article(
        "bong-da",
        "Việt Nam vô địch giải bóng đá khu vực",
        "Ngày 30/12/2018, đội tuyển bóng đá nam Việt Nam giành chức vô địch giải khu vực sau trận chung kết lượt về.\n"
        "Hàng vạn cổ động viên xuống đường ăn mừng chiến thắng tại Hà Nội.\n"
        "Huấn luyện viên trưởng cảm ơn các cầu thủ đã thi đấu kiên cường suốt giải.\n"
        "Tiền đạo đội trưởng ghi bàn thắng duy nhất ở phút thứ sáu của trận đấu.",
    ),
    Article(
        "bao-2",
        "Quảng Ngãi tan hoang sau bão số 7",
        "Bão số 7 khiến hàng nghìn ngôi nhà ở Quảng Ngãi bị tốc mái, thiệt hại ước tính 700 tỷ đồng.\n"
        "Hơn 30.000 người dân ven biển đã được sơ tán trước khi bão đổ bộ.\n"
        "Ngành điện cho biết sẽ khôi phục điện lưới trong vòng ba ngày tới.\n"
        "Nước lũ dâng cao làm chia cắt nhiều xã miền núi của tỉnh.\n"
        "Tỉnh đề nghị trung ương hỗ trợ gạo và tiền để khắc phục hậu quả của bão.",
    ),
]


def _summary(budget: Budget) -> Summary:
    return summarize_cluster(Cluster("hai-su-kien", tuple(STORM_2020)), budget)


@pytest.mark.parametrize("budget", [Budget(words=60), Budget(words=120), Budget(sentences=2), Budget(sentences=4)])
def test_each_event_is_told_in_its_own_dated_paragraph_in_time_order(budget: Budget) -> None:
    summary = _summary(budget)
    sections = summary.sections
    assert [ev.date if ev else None for ev, _ in sections] == ["2018-12-30", "2020-10-15"]
    assert {x.sentence.article_id for x in sections[0][1]} == {"bong-da"}
    assert {x.sentence.article_id for x in sections[1][1]} <= {"bao-1", "bao-2"}
    assert summary.extracts == tuple(x for _, xs in sections for x in xs)
    if budget.words is not None:
        assert summary.word_count <= budget.words
    if budget.sentences is not None:
        assert len(summary.extracts) <= budget.sentences


def test_the_larger_event_gets_the_larger_share_of_a_roomy_budget() -> None:
    sections = _summary(Budget(words=120)).sections
    words = [sum(len(x.text.split()) for x in xs) for _, xs in sections]
    assert words[1] > words[0]


def test_the_budget_is_split_evenly_in_part_and_by_size_in_part() -> None:
    assert split_limits(Limits(words=200), [30, 10]) == [Limits(words=125), Limits(words=75)]
    assert split_limits(Limits(sentences=3), [30, 10]) == [Limits(sentences=1), Limits(sentences=1)]
    assert sum(p.words or 0 for p in split_limits(Limits(words=200), [5, 7, 11, 40])) <= 200


def test_one_story_is_selected_as_a_whole() -> None:
    doc = build_document(Cluster("bao", (STORM_2020[0], STORM_2020[2])), Budget(words=60))
    assert doc.get(pipeline.EVENT_PARTS) == ()
    assert len(doc.get(pipeline.DATED_EVENTS)) == 1


def test_without_the_story_stage_there_are_no_events() -> None:
    summary = summarize_cluster(Cluster("hai-su-kien", tuple(STORM_2020)), Budget(words=60), story=False)
    assert summary.sections == [(None, summary.extracts)] and summary.event_groups == ()


def test_a_tight_budget_still_covers_every_event_with_shorter_sentences() -> None:
    """30 words hold neither event's best sentence beside the other's (15 + 22 words):
    shorter candidates cover both."""
    summary = _summary(Budget(words=30))
    assert len([ev for ev, _ in summary.sections if ev]) == 2 and summary.word_count <= 30


def test_a_report_told_in_passing_beside_one_main_event_leaves_a_single_story() -> None:
    aside = Article("ben-le", "", "Ngày 2/1/2019, một hội chợ sách nhỏ mở cửa tại thành phố Huế suốt ba ngày.")
    storm = [Article(f"{a.id}-{k}", a.title, a.text) for k in range(2) for a in STORM_2020[::2]]
    cluster = Cluster("bao", (*storm, aside))  # one sentence beside 22
    doc = build_document(cluster, Budget(words=60))
    assert len(doc.get(pipeline.DATED_EVENTS)) == 2 and doc.get(pipeline.EVENT_PARTS) == ()
    summary = summarize_cluster(cluster, Budget(words=60))
    assert len(summary.sections) == 1


FOOTBALL_WITH_A_COMMENTARY_LEDE = Article(
    "bong-da-2",
    "Bóng đá Việt Nam trước thử thách mới",
    "Theo nhiều chuyên gia, bóng đá Việt Nam còn nhiều việc phải làm để vươn tầm châu lục, dù đội tuyển Việt Nam đã tiến bộ rõ rệt.\n"
    "Ngày 30/12/2018, đội tuyển bóng đá nam Việt Nam giành chức vô địch giải khu vực sau trận chung kết lượt về.\n"
    "Huấn luyện viên trưởng cảm ơn các cầu thủ và cổ động viên đã đồng hành cùng đội tuyển suốt giải.\n"
    "Đội tuyển Việt Nam sẽ bước vào vòng loại giải châu lục với nhiều cầu thủ trẻ.",
)


@pytest.mark.parametrize("words", [40, 60, 120])
def test_each_event_s_section_quotes_the_sentence_that_dates_it(words: int) -> None:
    """The report's opening sentence is commentary; the section headed 30/12/2018 quotes
    what happened that day (and the storm's, what happened on 15/10/2020)."""
    cluster = Cluster("hai-su-kien", (STORM_2020[0], FOOTBALL_WITH_A_COMMENTARY_LEDE, STORM_2020[2]))
    summary = summarize_cluster(cluster, Budget(words=words))
    sections = summary.sections
    assert [ev.date if ev else None for ev, _ in sections] == ["2018-12-30", "2020-10-15"]
    for ev, extracts in sections:
        assert ev is not None and ev.anchor is not None
        assert ev.anchor.dated_by in {x.sentence.key for x in extracts}
