"""Publication dates: every form a Vietnamese outlet prints reads as the same moment."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tomtat.data import read_json
from tomtat.text.published import FORMATS_FILE, parse_published, published_day

MAY_FIRST_0830 = datetime(2024, 5, 1, 8, 30, tzinfo=timezone(timedelta(hours=7)))


@pytest.mark.parametrize(
    "value",
    [
        "2024-05-01T08:30:00+07:00",
        "2024-05-01T01:30:00Z",
        "2024-05-01 08:30",
        "01/05/2024 08:30",
        "1-5-2024 8h30",
        "01.05.2024 08:30",
        "Thứ Tư, 01/05/2024 08:30",
        "Thứ tư, 1/5/2024, 08:30 (GMT+7)",
        "08:30 01/05/2024",
        "01/05/2024 - 08:30",
        "01/05/2024 01:30 GMT",
        "ngày 1 tháng 5 năm 2024 lúc 8h30",
        "2024/05/01 08:30",
    ],
)
def test_iso_and_vietnamese_forms_agree(value: str) -> None:
    assert parse_published(value) == MAY_FIRST_0830


def test_day_comes_before_month_and_us_order_is_not_read() -> None:
    assert published_day("01/05/2024") == date(2024, 5, 1)
    assert published_day("13/05/2024") == date(2024, 5, 13)
    assert parse_published("05/13/2024") is None


@pytest.mark.parametrize(
    "value", [None, "", "   ", "hôm qua", "yesterday", "31/02/2024", "2024-13-01", "01/05/2024 25:00",
              "tin đăng 01/05/2024", "01/5-2024", "May 1, 2024"],
)
def test_anything_else_is_undated(value: str | None) -> None:
    assert parse_published(value) is None


def test_a_date_is_its_day_in_vietnam() -> None:
    # 20:00 UTC is 03:00 the next morning in Hanoi: "hôm qua" there means 1 May
    assert published_day("2024-05-01T20:00:00Z") == date(2024, 5, 2)
    assert published_day("01/05/2024") == date(2024, 5, 1)


def test_every_example_in_the_data_file_parses() -> None:
    for fmt in read_json(FORMATS_FILE)["dates"]:
        for example in fmt["examples"]:
            assert parse_published(example) is not None, (fmt["name"], example)
