import json

import pytest

import tomtat
from tomtat.errors import InputError, TomtatError


def test_summary_is_attributed_and_within_budget(flood_articles):
    summary = tomtat.summarize(flood_articles, words=50)
    assert 0 < summary.word_count <= 50
    for extract in summary.sentences:
        article = next(a for a in summary.articles if a.id == extract.sentence.article_id)
        assert article.text[extract.sentence.start : extract.sentence.end] == extract.sentence.text


def test_debris_never_reaches_the_summary(flood_articles):
    text = tomtat.summarize(flood_articles, words=200).text
    for debris in ("Ảnh:", "Theo Tuổi Trẻ", "Tin mới nhất", "Giá vàng", "Đăng nhập", ">>", "TTO -"):
        assert debris not in text


def test_plain_strings_are_articles():
    summary = tomtat.summarize(["Hà Nội mưa lớn chiều nay khiến nhiều phố ngập sâu.", "Nhiều phố ở Hà Nội ngập sâu sau mưa lớn chiều nay."], words=20)
    assert summary.word_count <= 20 and summary.sentences


def test_sentence_budget_and_ratio(flood_articles):
    assert len(tomtat.summarize(flood_articles, sentences=2).sentences) <= 2
    total = sum(len(a["text"].split()) for a in flood_articles)
    assert tomtat.summarize(flood_articles, ratio=0.3).word_count <= int(total * 0.3)


def test_budget_smaller_than_any_sentence_cuts_the_best_one_and_says_so(flood_articles):
    summary = tomtat.summarize(flood_articles, words=5)
    assert summary.word_count == 5
    assert len(summary.sentences) == 1 and summary.sentences[0].cut
    assert any("cut" in note for note in summary.notes)


def test_a_single_article_is_summarized():
    summary = tomtat.summarize([{"id": "solo", "title": "T", "text": "Câu thứ nhất khá dài về chuyện hôm nay. Câu thứ hai cũng nói về chuyện đó."}], words=12)
    assert summary.sentences and summary.word_count <= 12


def test_bad_inputs_raise_clear_errors(flood_articles):
    with pytest.raises(InputError):
        tomtat.summarize([])
    with pytest.raises(InputError, match="text"):
        tomtat.summarize([{"title": "no text"}])
    with pytest.raises(TomtatError, match="words"):
        tomtat.summarize(flood_articles, words=0)
    with pytest.raises(TomtatError, match="unknown method"):
        tomtat.summarize(flood_articles, method="nope")


def test_clean_reports_removals_with_reasons(flood_articles):
    cleaned = tomtat.clean(flood_articles)
    reasons = {r.reason for a in cleaned for r in a.removed}
    assert {"photo-caption", "source-line", "sidebar"} <= reasons


@pytest.mark.parametrize(("kwargs", "name"), [({"words": "10"}, "words"), ({"words": True}, "words"),
                                              ({"sentences": 2.5}, "sentences"), ({"ratio": "0.5"}, "ratio")])
def test_argument_errors_name_the_argument_not_the_cli_flag(flood_articles, kwargs, name):
    with pytest.raises(TomtatError) as info:
        tomtat.summarize(flood_articles, **kwargs)
    assert str(info.value).startswith(name) and "--" not in str(info.value)


def test_lone_surrogates_are_replaced_not_fatal():
    summary = tomtat.summarize([{"id": "a\ud800", "title": "Mưa\udc00", "text": "Hà Nội mưa lớn \ud800 chiều nay. Phố ngập sâu."}])
    text = json.dumps(summary.to_dict(), ensure_ascii=False).encode("utf-8").decode("utf-8")
    assert "\ufffd" in text
