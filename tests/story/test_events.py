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
