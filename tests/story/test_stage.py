"""The story of an invented multi-article cluster: timeline, actors, sub-events, keywords."""

from tomtat.select.fill import spread_over_events
from tomtat.story import analyze, event_index


def test_timeline_merges_one_meeting_reported_twice_and_sorts(story):
    s = story
    dates = [(e.date, e.precision) for e in s.timeline]
    # the meeting: "hôm 9/3" (no year) in a1 and "hôm qua" (published 2021-03-10) in a2
    assert ("2021-03-09", "day") in dates
    meeting = next(e for e in s.timeline if e.date == "2021-03-09")
    assert set(meeting.article_ids) == {"a1", "a2"}
    # the call has no knowable year, and says so
    assert ("--06-14", "day-no-year") in dates
    # known years first, chronologically; then unknown years
    assert dates.index(("2021-03-09", "day")) < dates.index(("--06-14", "day-no-year"))
    # a week announced relative to publication
    assert ("2021-W11", "week") in dates


def test_timeline_has_no_false_dates(story):
    texts = " ".join(e.text for e in story.timeline)
    assert "2-1" not in texts  # the football score
    assert all("4,5" not in e.date for e in story.timeline)


def test_timeline_events_point_at_their_sentence(cluster):
    articles, sentences = cluster
    by_key = {s.key: s for s in sentences}
    for ev in analyze(articles, sentences).timeline:
        if ev.sentence is not None:
            assert by_key[ev.sentence].text == ev.text


def test_each_actor_once_with_variants_merged_and_role(story):
    people = {e.name: e for e in story.entities if e.type == "PER"}
    marchetti = [e for e in people.values() if e.name.endswith("Marchetti")]
    assert len(marchetti) == 1
    assert marchetti[0].role == "Ngoại trưởng Pháp"
    assert set(marchetti[0].articles) == {"a1", "a2"}
    assert people["Klaus Weber"].role == "Ngoại trưởng Đức"
    assert people["Marco Bellini"].role == "Thủ tướng Ý"
    assert people["Marco Bellini"].articles == ("a3",)


def test_sub_events_group_the_meeting_apart_from_the_call(story, cluster):
    s = story
    groups = sorted(sorted(e.article_ids) for e in s.events)
    assert groups == [["a1", "a2"], ["a3"]]
    articles, sentences = cluster
    index = event_index(s.events)
    assert set(index) == {x.key for x in sentences}  # every sentence belongs to one event


def test_each_sentence_s_event_is_given_to_selection_and_covers_every_main_event(story, cluster):
    _, sentences = cluster
    events = story.sentence_events
    assert len(events) == len(sentences)
    index = event_index(story.events)
    assert list(events) == [index[x.key] for x in sentences]
    meeting = [i for i, x in enumerate(sentences) if x.article_id in ("a1", "a2")]
    call = [i for i, x in enumerate(sentences) if x.article_id == "a3"]
    ranked = meeting + call  # a ranking that would fill the budget with the meeting only
    spread = spread_over_events(ranked, events)
    assert spread[:2] == [meeting[0], call[0]]
    assert sorted(spread) == sorted(ranked)


def test_keywords_name_what_the_cluster_is_about(story):
    kws = story.keywords
    assert "khí đốt" in kws or "năng lượng" in kws
    assert not any(k in kws for k in ("cho biết", "sẽ", "của"))


def test_empty_cluster_gives_an_empty_story():
    s = analyze([], [])
    assert s.timeline == () and s.entities == () and s.events == ()


def test_timeline_says_where_an_unwritten_year_came_from(story):
    meeting = next(e for e in story.timeline if e.date == "2021-03-09")
    assert meeting.year_from == "published"
    call = next(e for e in story.timeline if e.date == "--06-14")
    assert call.year_from is None and "year_from" not in call.to_dict()


def test_story_runs_without_a_word_segmenter():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from tests.story.conftest import ARTICLES\n"
        "from tomtat.clean import clean_cluster\n"
        "from tomtat.text.sentences import split_articles\n"
        "from tomtat.story import analyze\n"
        "c = clean_cluster(ARTICLES)\n"
        "s = analyze(c, split_articles(c))\n"
        "assert any(e.name == 'Marco Bellini' for e in s.entities)\n"
        "assert 'underthesea' not in sys.modules, 'a segmenter was loaded'\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env, check=False)
    assert done.returncode == 0, done.stderr


def _one_cluster(*texts: str):
    from tomtat.clean import clean_cluster
    from tomtat.model import Article
    from tomtat.text.sentences import split_articles

    cleaned = clean_cluster([Article(id=f"t{i}", title="", text=t) for i, t in enumerate(texts)])
    return cleaned, split_articles(cleaned)


def test_timeline_known_years_first_and_a_year_lent_by_another_report_of_the_same_event():
    story = analyze(
        *_one_cluster(
            "Hội nghị thượng đỉnh về biến đổi khí hậu khai mạc ngày 14/10/2014 tại Lima với đại biểu 40 nước.\n"
            "Các đại biểu hội nghị thượng đỉnh bàn về cắt giảm khí thải và quỹ khí hậu.",
            "Hôm 15/10, hội nghị thượng đỉnh về khí hậu ở Lima bước sang ngày thứ hai, bàn về quỹ khí hậu.\n"
            "Đại biểu các nước tiếp tục tranh luận về cắt giảm khí thải.",
            "Ngày 23/1, một trận động đất làm rung chuyển thị trấn ven biển, nhiều ngôi nhà bị hư hại.",
            "Ngày 3/5/2013, nhà máy thủy điện mới khánh thành sau ba năm xây dựng.",
        )
    )
    dates = [e.date for e in story.timeline]
    # known years chronologically, then unknown years by month and day
    assert dates == ["2013-05-03", "2014-10-14", "2014-10-15", "--01-23"]
    lent = story.timeline[2]
    assert lent.article_ids == ("t1",) and lent.year_from == "cluster"
    # the quake has no year anywhere: it stays unknown, never borrowed from an unrelated event
    assert story.timeline[3].year_from is None


def test_unreadable_publication_date_is_reported_not_guessed():
    from tomtat.model import CleanArticle, Paragraph, Sentence

    text = "Hôm qua, Bộ Y tế họp khẩn."
    art = CleanArticle("z", "", text, (Paragraph(0, 0, len(text)),), published="hôm kia")
    s = analyze([art], [Sentence("z", 0, 0, 0, len(text), text)])
    assert len(s.notes) == 1 and "'z'" in s.notes[0] and "'hôm kia'" in s.notes[0]
    assert s.dates[("z", 0)][0].precision == "unresolved"
