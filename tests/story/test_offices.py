"""Office-holder data (schema, consistency) and office evidence read from text."""

from __future__ import annotations

import re

import pytest

from tomtat.data import read_json
from tomtat.story.mention_years import evidence_words, sentence_evidence
from tomtat.story.offices import load_offices
from tomtat.story.years import Span, month_index

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _office_evidence(text: str) -> list:
    """The office evidence the story stage reads in ``text`` as one sentence."""
    found = sentence_evidence({("a", 0): text}).get(("a", 0), [])
    return [e for e in found if e.kind in ("office", "elect")]


@pytest.fixture(scope="module")
def data() -> dict:
    return read_json("office_holders.json")


def test_every_holder_row_follows_the_schema(data: dict) -> None:
    assert MONTH.match(data["checked"])
    for row in data["holders"]:
        assert set(row) == {"office", "person", "names", "start", "end", "kind", "source"}, row
        assert row["office"] in data["offices"], row
        assert row["source"] in data["sources"], row
        assert row["kind"] in ("term", "elect"), row
        assert MONTH.match(row["start"]), row
        assert row["end"] is None or (MONTH.match(row["end"]) and row["start"] <= row["end"]), row
        assert row["end"] is None or row["end"] <= data["checked"], row
        assert row["person"].strip() and all(n.strip() for n in row["names"]), row
    for office in data["offices"].values():
        assert office["titles"] and office["countries"]
        assert all(t == t.lower() for t in office["titles"] + office["countries"])


def test_terms_of_one_office_do_not_overlap_by_more_than_a_handover_month(data: dict) -> None:
    by_office: dict[str, list[dict]] = {}
    for row in data["holders"]:
        if row["kind"] == "term":
            by_office.setdefault(row["office"], []).append(row)
    for office, rows in by_office.items():
        rows.sort(key=lambda r: r["start"])
        for a, b in zip(rows, rows[1:]):
            assert a["end"] is not None, (office, a["person"], "open term followed by another")
            assert month_index(b["start"]) >= month_index(a["end"]), (office, a["person"], b["person"])


def test_every_office_the_issue_names_is_covered(data: dict) -> None:
    offices = set(data["offices"])
    for country in ("ru", "cn", "uk", "fr", "de", "jp", "kr", "kp", "ua", "in"):
        assert f"{country}.foreign" in offices, country
    for office in ("us.president", "us.state", "us.defense", "un.sg", "nato.sg", "vn.gensec",
                   "vn.president", "vn.pm", "vn.assembly", "vn.foreign", "vn.defence"):
        assert office in offices


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Ngoại trưởng Mỹ John Kerry phát biểu", [("2013-02", "2017-01")]),
        ("gặp Tổng thư ký NATO Mark Rutte hôm qua", [("2024-10", None)]),
        ("Bộ trưởng Quốc phòng Nga Sergei Shoigu cho biết", [("2012-11", "2024-05")]),
        ("Tổng thống đắc cử Donald Trump sẽ nhậm chức", [("2016-11", "2017-01"), ("2024-11", "2025-01")]),
        ("Tổng thống Mỹ Donald Trump", [("2017-01", "2021-01"), ("2025-01", None)]),
        ("Thủ tướng Abe tới Hà Nội", [("2006-09", "2007-09"), ("2012-12", "2020-09")]),
        ("Tổng Bí thư Nguyễn Phú Trọng", [("2011-01", "2024-07")]),
        ("Bộ trưởng Ngoại giao Ukraine Andrii Sybiha", [("2024-09", None)]),
    ],
)
def test_a_title_before_a_name_dates_the_text_by_the_term(text: str, spans: list[tuple[str, str | None]]) -> None:
    [ev] = _office_evidence(text)
    assert ev.spans == tuple(Span(month_index(a), month_index(b) if b else None) for a, b in spans)
    assert ev.text in text


@pytest.mark.parametrize(
    "text",
    [
        "John Kerry nói",  # a name without a title is not an office
        "cựu Tổng thống Mỹ Barack Obama",  # former
        "nguyên Thủ tướng Nguyễn Tấn Dũng",
        "Ngoại trưởng Anh John Kerry",  # wrong country for that person
        "Tổng thống Donald Trump đắc cử",  # elect only right after the title
    ],
)
def test_no_office_evidence_without_title_country_and_name_agreeing(text: str) -> None:
    ev = _office_evidence(text)
    assert all(e.kind != "elect" for e in ev)
    if "đắc cử" not in text:
        assert ev == []


@pytest.mark.parametrize(
    "text",
    [
        "Cựu Thủ tướng Abe và THỦ TƯỚNG ABE gặp Ngoại  trưởng\nNga Lavrov.",
        "Ông nói với nhà lãnh đạo, xnhà lãnh đạo và cựu cựu thủ tướng.",
        "Ngoạı trưởng Kerry (with a dotless i) và İ Bộ trưởng Quốc phòng Nga Sergei Shoigu.",
    ],
)
def test_titles_are_found_where_the_case_insensitive_expression_finds_them(text: str) -> None:
    # the quick search (the head words found in the lower-cased text) must find exactly
    # the matches of the expression itself, also where lower-casing and case-insensitive
    # matching differ
    index = load_offices()
    heads_at, _ = evidence_words(text)
    matches = index.title_matches(text, heads_at)
    assert matches and [m.span() for m in matches] == [m.span() for m in index.titles.finditer(text)]


def test_folds_apart_holds_every_character_the_title_search_folds_differently() -> None:
    # every character that case-insensitive matching takes for a letter of a title's
    # first word, but that lower-casing does not make that letter (the whole Basic
    # Multilingual Plane: Latin letters have their case partners there)
    from tomtat.story.offices import FOLDS_APART

    letters = set("".join(load_offices().heads))
    plane = "".join(map(chr, range(0x10000)))
    same = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.IGNORECASE).findall(plane)
    assert {c for c in same if c.lower() not in letters} <= set(FOLDS_APART)
    # and every character lower-casing lengthens, which would move the positions found
    assert {c for c in plane if len(c.lower()) != 1} <= set(FOLDS_APART)
