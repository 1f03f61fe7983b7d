"""Counts in the commands' report lines read as English: one story, two stories."""

from tomtat.io.wording import counted
from tomtat.store.store import AddReport


def test_one_is_singular_and_other_counts_plural() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(2, "story", "stories") == "2 stories"


def test_track_add_line_says_one_new_story() -> None:
    line = AddReport(added=[7], stories_created=1, stories=[3]).line()
    assert "1 article added" in line and "1 new story," in line and "1 story updated" in line
    assert "stories" not in line
