"""Year inference: evidence intersected, weekdays, article years, never invented precision."""

from __future__ import annotations

from tomtat.story.mention_years import sentence_evidence
from tomtat.story.years import find_weekday, infer_year


def _ev(text: str) -> list:
    """The office and reference-event evidence the story stage reads in ``text``."""
    return sentence_evidence({("a", 0): text}).get(("a", 0), [])


def test_offices_and_a_war_narrow_an_october_to_two_years() -> None:
    ev = _ev("Bộ trưởng Quốc phòng Nga Sergei Shoigu điện đàm với Bộ trưởng Quốc phòng Mỹ Lloyd Austin, "
             "lần thứ hai kể từ cuộc xung đột Nga-Ukraine.")
    est = infer_year(month=10, day=21, local=ev)
    assert est is not None and (est.first, est.last) == (2022, 2023)
    assert {e.kind for e in est.evidence} == {"office", "reference"}


def test_an_elect_period_and_a_month_give_one_year() -> None:
    est = infer_year(month=11, day=13, local=_ev("trước khi Tổng thống đắc cử Donald Trump nhậm chức"))
    assert est is not None and est.exact is None  # November: 2016 or 2024
    assert est.years == (2016, 2024) and est.label == "2016 or 2024"
    est = infer_year(month=11, local=_ev("Tổng thống đắc cử Donald Trump và Tổng thư ký NATO Mark Rutte"))
    assert est is not None and est.exact == 2024


def test_a_weekday_picks_the_years_where_the_date_falls_on_it() -> None:
    text = "Ngoại trưởng Mỹ John Kerry hôm thứ Ba, 14/10 đã tới Paris."
    at = text.index("14/10")
    weekday = find_weekday(text, at, at + 5)
    assert weekday == (1, "thứ Ba")
    est = infer_year(month=10, day=14, weekday=weekday, local=_ev(text))
    assert est is not None and est.exact == 2014  # Kerry 2013-2017; 14 Oct a Tuesday only in 2014
    assert est.evidence[-1].kind == "weekday"


def test_an_explicit_year_of_the_article_is_taken_only_when_the_evidence_allows_it() -> None:
    ev = _ev("Ngoại trưởng Mỹ John Kerry")
    assert infer_year(month=10, day=14, local=ev, article_years=[2014]).exact == 2014
    est = infer_year(month=10, day=14, local=ev, article_years=[2019])
    assert est is not None and (est.first, est.last) == (2013, 2016)
    assert infer_year(month=10, day=14, article_years=[2019]).exact == 2019


def test_conflicting_or_missing_evidence_gives_no_year() -> None:
    assert infer_year(month=5) is None
    clash = _ev("Ngoại trưởng Mỹ John Kerry và Ngoại trưởng Mỹ Antony Blinken")
    assert infer_year(month=5, local=clash) is None


def test_context_that_disagrees_with_the_sentence_is_left_out() -> None:
    local = _ev("Ngoại trưởng Mỹ Antony Blinken")
    context = _ev("Năm nào đó, Ngoại trưởng Mỹ John Kerry")
    est = infer_year(month=3, local=local, context=context)
    assert est is not None and (est.first, est.last) == (2021, 2024)


def test_an_open_range_says_from() -> None:
    est = infer_year(month=6, local=_ev("Tổng thư ký NATO Mark Rutte"))
    assert est is not None and est.last is None and est.label == "from 2025"


def test_an_estimate_resting_on_a_year_written_elsewhere_is_not_firm_and_office_terms_are():
    from tomtat.story.years import Evidence, Span, YearEstimate

    office = Evidence("office", "Ngoại trưởng Mỹ John Kerry", "John Kerry: Secretary of State (US)",
                      (Span.parse("2013-02 – 2017-01"),))
    written = Evidence("article-year", "2014", "the article states the year 2014 elsewhere")
    assert YearEstimate(2013, 2016, (office,)).firm
    assert not YearEstimate(2014, 2014, (office, written)).firm
    assert YearEstimate(2013, 2016, (office,)).meet(YearEstimate(2017, None)) is None  # they exclude each other
