"""Time expressions: what a reader would expect each one to mean, and what is not a date."""

from datetime import date

import pytest

from tomtat.story.dates import explicit_year, find_dates, resolve


def one(text: str, published: date | None = None, year: int | None = None):
    found = find_dates(text)
    assert len(found) == 1, found
    return resolve(found[0], published, year)


@pytest.mark.parametrize(
    "text, expr, iso, precision",
    [
        ("Hai bên gặp nhau hôm 15/10 tại Paris.", "hôm 15/10", "--10-15", "day-no-year"),
        ("Ông ấy ngày 22/1 cho biết như vậy.", "ngày 22/1", "--01-22", "day-no-year"),
        ("Mỹ và Nga hôm 14-10 cam kết hợp tác.", "hôm 14-10", "--10-14", "day-no-year"),
        ("Trong ngày 13-11, ông sẽ gặp đồng minh.", "ngày 13-11", "--11-13", "day-no-year"),
        ("Dịch bắt đầu từ tháng 2-2014 ở Tây Phi.", "tháng 2-2014", "2014-02", "month"),
        ("Bản tin lúc 21:40 25/12/2024.", "21:40 25/12/2024", "2024-12-25", "day"),
        ("Hạn chót là 12h 50 phút trưa 23/1.", "12h 50 phút trưa 23/1", "--01-23", "day-no-year"),
        ("Ngày 15 tháng 10 năm 2014, hai bên ký kết.", "Ngày 15 tháng 10 năm 2014", "2014-10-15", "day"),
        ("Máy bay mất tích sáng ngày 19.5 trên biển.", "sáng ngày 19.5", "--05-19", "day-no-year"),
    ],
)
def test_absolute_expressions(text, expr, iso, precision):
    m = one(text)
    assert (m.text, m.iso, m.precision) == (expr, iso, precision)


def test_time_of_day_is_kept_but_adds_no_date_precision():
    assert one("Hạn chót là 12h 50 phút trưa 23/1.").time == "12:50"


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("Sáng nay, bộ trưởng đã phát biểu.", "2024-11-14", "day"),
        ("Hôm qua, hai bên gặp nhau.", "2024-11-13", "day"),
        ("Cuộc gặp diễn ra tuần trước.", "2024-W45", "week"),
        ("Lần gần nhất là cách đây 5 tháng.", "2024-06", "month"),
        ("Ông sẽ nhậm chức vào đầu năm sau.", "2025", "year"),
        ("Một tuần trước, bà ấy đã tới đây.", "2024-W45", "week"),
    ],
)
def test_relative_expressions_resolve_against_publication(text, iso, precision):
    m = one(text, published=date(2024, 11, 14))
    assert (m.iso, m.precision, m.basis) == (iso, precision, "published")


@pytest.mark.parametrize("text", ["Hôm qua, hai bên gặp nhau.", "Lần gần nhất là cách đây 5 tháng."])
def test_relative_expressions_without_publication_stay_unresolved(text):
    m = one(text)
    assert m.iso is None and m.precision == "unresolved"


def test_year_comes_from_publication_date_nearest_to_it():
    # published early January: "28/12" is the December just before, not eleven months later
    assert one("Vụ việc xảy ra hôm 28/12.", published=date(2025, 1, 3)).iso == "2024-12-28"
    assert one("Hội nghị khai mạc ngày 5/2.", published=date(2025, 1, 3)).iso == "2025-02-05"


def test_year_inferred_from_explicit_year_in_the_same_article():
    raws = find_dates("Dịch bùng phát từ tháng 2-2014.") + find_dates("Hai bên gặp nhau hôm 14-10.")
    year = explicit_year(raws)
    m = resolve(raws[1], None, year)
    assert (m.iso, m.precision, m.basis) == ("2014-10-14", "day", "article")


def test_year_only_mentions_do_not_date_other_expressions():
    assert explicit_year(find_dates("Mục tiêu đến năm 2030 là giảm phát thải.")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Đội nhà thắng 2-1 trong trận tối đó.",
        "Tỷ số 3-0 nghiêng về đội khách.",
        "Giá tăng 4,5% so với cùng kỳ.",
        "Theo Điều 14-10 của luật này, doanh nghiệp phải báo cáo.",
        "Ông có thể chấm dứt xung đột trong vòng 24 giờ.",
        "Nghị định 15/2020/NĐ-CP đã hết hiệu lực.",
        "Khảo sát cho thấy 1/3 người dân đồng ý.",
        "Anh chạy với tốc độ 13,3 km/giờ.",
        "Hai bên đã đàm phán trong 5 tháng qua.",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


def test_invalid_day_month_is_not_a_date():
    assert find_dates("Hôm 31/2 không tồn tại.") == []


def test_a_cue_word_wins_over_a_blocking_word_before_it():
    # "trận" before a bare pair means a score; "trận tối 23/1" is the match of that evening
    assert one("Đội U23 thua trong trận tối 23/1.").iso == "--01-23"
    assert find_dates("Đội U23 thua trận 0-2.") == []


def test_leap_day_far_from_a_leap_year_keeps_its_year_unknown():
    assert one("Sự kiện diễn ra hôm 29/2.", published=date(2022, 6, 1)).iso == "--02-29"
    assert one("Sự kiện diễn ra hôm 29/2.", published=date(2024, 3, 1)).iso == "2024-02-29"
