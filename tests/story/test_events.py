"""Sub-events: which articles tell the same happening, and the years they lend."""

from tomtat.clean import clean_cluster
from tomtat.model import Article
from tomtat.story import analyze
from tomtat.text.sentences import split_articles

FLOOD = "Lũ lớn tràn qua các xã ven sông, hàng nghìn hộ dân phải sơ tán khẩn cấp trong đêm"
VISIT = "Thủ tướng đến thăm và tặng quà công nhân các nhà máy dệt may ở khu công nghiệp"


def story_of(*articles: Article):
    cleaned = clean_cluster(list(articles))
    return analyze(cleaned, split_articles(cleaned))


def groups(story) -> list[list[str]]:
    return sorted(sorted(e.article_ids) for e in story.events)


def test_reports_of_one_dated_happening_join_and_another_happening_stays_apart():
    s = story_of(
        Article("a", "Lũ lớn ở miền Trung", f"Ngày 14/10/2024, {FLOOD}.\nChính quyền đã dựng lều tạm."),
        Article("b", "Sơ tán vì lũ", f"Hôm 15/10/2024, {FLOOD.lower()} ở nhiều nơi.\nNước vẫn dâng."),
        Article("c", "Thủ tướng thăm công nhân", f"Ngày 2/9/2024, {VISIT}.\nÔng dặn dò nhiều điều."),
    )
    assert groups(s) == [["a", "b"], ["c"]]
    dated = [e for e in s.events if e.date]
    assert [e.date for e in dated] == ["2024-09-02", "2024-10-14"]  # in time order


def test_dates_that_contradict_never_join_whatever_the_words():
    s = story_of(
        Article("a", "Lũ lớn", f"Ngày 14/10/2024, {FLOOD}."),
        Article("b", "Lũ lớn", f"Ngày 20/11/2024, {FLOOD}."),
    )
    assert groups(s) == [["a"], ["b"]]


def test_every_sentence_tells_its_article_s_event_unless_it_dates_another():
    s = story_of(
        Article("a", "Lũ lớn ở miền Trung", f"Ngày 14/10/2024, {FLOOD}.\nHôm 2/9/2024, {VISIT}."),
        Article("c", "Thủ tướng thăm công nhân", f"Ngày 2/9/2024, {VISIT}.\nÔng dặn dò nhiều điều."),
    )
    event_of = {k: e.id for e in s.events for k in e.sentences}
    a_flood, a_visit = ("a", 0), ("a", 1)
    assert event_of[a_visit] == event_of[("c", 0)] != event_of[a_flood]


def test_a_day_without_year_borrows_the_year_of_its_event():
    s = story_of(
        Article("a", "Lũ lớn ở miền Trung", f"Ngày 14/10/2024, {FLOOD}."),
        Article("b", "Sơ tán vì lũ", f"Hôm 15/10, {FLOOD.lower()}."),
    )
    lent = [d for ds in s.dates.values() for d in ds if d.basis == "cluster"]
    assert [(d.iso, d.text) for d in lent] == [("2024-10-15", "Hôm 15/10")]


def test_a_cluster_without_dates_is_one_event_when_the_words_agree():
    s = story_of(Article("a", "Lũ", f"{FLOOD}."), Article("b", "Lũ", f"{FLOOD}, nước vẫn dâng."))
    assert groups(s) == [["a", "b"]]
    assert all(e.date is None for e in s.events)


# Four reports of one conference, none with a publication date: one names a minister in
# office 2013-2017, one a minister in office 2014-2016 (so 19/5 is 2015 or 2016 in both),
# one names no one, and one recalls an earlier meeting's year (a year written elsewhere
# in an article is a guess for its other days, not a bound).
CONFERENCE = (
    Article("a", "", "Ngày 19/5, Ngoại trưởng Mỹ John Kerry tới Hà Nội dự hội nghị về an ninh hàng hải khu vực.\n"
                     "Hội nghị về an ninh hàng hải bàn cách giữ tự do đi lại trên biển."),
    Article("b", "", "Hôm 19/5, Ngoại trưởng Anh Philip Hammond cũng tới Hà Nội dự hội nghị về an ninh hàng hải.\n"
                     "Ông Hammond nói hội nghị về an ninh hàng hải cần ra tuyên bố chung."),
    Article("c", "", "Sáng 20/5, hội nghị về an ninh hàng hải ở Hà Nội bế mạc với tuyên bố chung về tự do đi lại trên biển.\n"
                     "Các nước cam kết tiếp tục đối thoại."),
    Article("d", "", "Ngày 19/5, hội nghị về an ninh hàng hải khai mạc ở Hà Nội.\n"
                     "Hội nghị lần trước, ngày 3/9/2014, cũng bàn về tự do đi lại trên biển."),
)


def test_the_reports_of_one_event_narrow_its_year_together_with_the_clues_of_each():
    s = story_of(*CONFERENCE)
    (event,) = [e for e in s.events if e.date]
    assert event.when == "19/5, 2015–2016"
    assert event.years is not None
    assert {ev.text for ev in event.years.evidence} == {"Ngoại trưởng Mỹ John Kerry", "Ngoại trưởng Anh Philip Hammond"}


def test_every_day_of_the_event_reads_the_same_years_in_the_timeline_even_from_a_report_with_no_clue():
    s = story_of(*CONFERENCE)
    days = {t.date: t.years for t in s.timeline if t.date.startswith("--")}
    assert days == {"--05-19": "2015–2016", "--05-20": "2015–2016"}
    assert [t.date for t in s.timeline if not t.date.startswith("--")] == ["2014-09-03"]  # the recalled meeting keeps its own year
