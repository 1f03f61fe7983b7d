"""Publication times used by the story window."""

from __future__ import annotations

from tomtat.grouping.dates import parse_published


def test_iso_and_vietnamese_day_first_forms_agree() -> None:
    iso = parse_published("2024-05-01T08:30:00+07:00")
    assert iso is not None
    assert parse_published("01/05/2024 08:30") == iso
    assert parse_published("1-5-2024 8h30") == iso
    assert parse_published("2024-05-01T01:30:00Z") == iso


def test_unknown_forms_are_undated() -> None:
    for value in [None, "", "hôm qua", "31/02/2024", "2024-13-01"]:
        assert parse_published(value) is None
