"""Reading order of the chosen sentences."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "select"))
from select_fixtures import STORM, build, find  # noqa: E402

from tomtat.order import reading_order, reading_order_by_event
from tomtat.story.dates import DateMention


def test_leads_come_before_later_sentences_whatever_the_article():
    rep = build(STORM)
    late, lead = find(rep, "Ngành điện"), find(rep, "Sáng nay bão số 9")
    assert reading_order(rep.features, [late, lead]) == [lead, late]


def test_consecutive_sentences_stay_together():
    rep = build(STORM)
    before, dangling, other = find(rep, "Chính quyền tỉnh"), find(rep, "Tuy nhiên"), find(rep, "Hơn 20.000")
    order = reading_order(rep.features, [dangling, other, before])
    assert order.index(dangling) == order.index(before) + 1


def test_empty_choice_gives_empty_order():
    assert reading_order(build(STORM).features, []) == []


def _Day(year, month, day):
    """A resolved mention of one day, as the story stage assigns it."""
    iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return DateMention(0, 0, "", iso, "day" if year else "day-no-year", "explicit", False, year, month, day)


def test_dated_sentences_are_told_in_time_order_undated_ones_keep_their_place():
    rep = build(STORM)
    first, second, undated = find(rep, "Sáng nay bão số 9"), find(rep, "Chính quyền tỉnh"), find(rep, "Ngành điện")
    plain = reading_order(rep.features, [first, second, undated])
    assert plain == [first, second, undated]
    dates = {rep.sentences[first].key: [_Day(None, 10, 15)], rep.sentences[second].key: [_Day(None, 10, 14)]}
    assert reading_order(rep.features, [first, second, undated], dates) == [second, first, undated]


def test_one_date_alone_changes_nothing():
    rep = build(STORM)
    a, b = find(rep, "Sáng nay bão số 9"), find(rep, "Hơn 20.000")
    assert reading_order(rep.features, [a, b], {rep.sentences[b].key: [_Day(2024, 1, 1)]}) == [a, b]


def test_chosen_sentences_are_read_event_by_event_in_the_events_order():
    rep = build(STORM)
    lead_b, late_c, lead_a = find(rep, "Sáng nay bão số 9"), find(rep, "Ngành điện"), find(rep, "Bão số 9 đổ bộ")
    rows = [[i for i, s in enumerate(rep.sentences) if s.article_id == aid] for aid in ("c", "a", "b")]
    assert reading_order_by_event(rep.features, [lead_a, lead_b, late_c], {}, rows) == [late_c, lead_a, lead_b]
