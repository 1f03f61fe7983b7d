"""group_articles: each story's articles together, in input order, with a stable id."""

from __future__ import annotations

from tomtat.grouping import ArticleGroup, GroupingOptions, group_articles
from tomtat.model import Article


def articles(rows: list[dict]) -> list[Article]:
    return [Article(r["id"], r["title"], r["text"], published=r.get("published")) for r in rows]


def test_every_story_is_one_group_in_input_order(gkit) -> None:
    rows = gkit.stream()
    groups = group_articles(articles(rows))
    story_of = {r["id"]: r["story"] for r in rows}
    assert all(isinstance(g, ArticleGroup) for g in groups)
    assert [{story_of[a.id] for a in g.articles} for g in groups] == [{"bao"}, {"bong"}, {"gia"}, {"lua"}]
    assert sum(len(g.articles) for g in groups) == len(rows)
    for g in groups:
        ids = [a.id for a in g.articles]
        assert ids == sorted(ids, key=[r["id"] for r in rows].index)


def test_the_agency_copy_is_listed_as_a_near_duplicate(gkit) -> None:
    (gia,) = [g for g in group_articles(articles(gkit.stream())) if any(a.id == "gia0" for a in g.articles)]
    assert gia.duplicates == (("gia0", "gia-copy"),)
    assert gia.to_dict()["near_duplicates"] == [["gia0", "gia-copy"]]


def test_the_group_line_is_what_batch_reads(gkit) -> None:
    group = group_articles(articles(gkit.stream()))[0]
    line = group.to_dict()
    assert line["id"] == group.id and line["id"].startswith("story-")
    first = line["articles"][0]
    assert set(first) == {"id", "title", "text", "published"}


def test_day_first_and_iso_dates_keep_the_window_alike(gkit) -> None:
    rows = [r for r in gkit.stream() if r["story"] == "bao"]
    iso = articles(rows)
    day_first = articles([{**r, "published": "10/09/2024 07:00"} for r in rows[:1]] + rows[1:])
    far = articles([{**r, "published": "10/10/2024 07:00"} for r in rows[:1]] + rows[1:])
    options = GroupingOptions(window_days=3)
    assert len(group_articles(iso, options)) == len(group_articles(day_first, options)) == 1
    assert len(group_articles(far, options)) == 2  # a month apart: another story


def test_no_articles_no_groups() -> None:
    assert group_articles([]) == []
