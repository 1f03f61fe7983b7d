"""The shared data model: budgets resolve to the limit that binds, articles serialise as documented."""

from __future__ import annotations

from tomtat.model import Budget, CleanArticle, Limits, Paragraph, Removal


def test_no_limit_given_means_200_words() -> None:
    assert Budget().limits(total_words=5000) == Limits(words=200, sentences=None)


def test_every_limit_given_is_kept_and_the_tightest_word_limit_binds() -> None:
    assert Budget(words=150, ratio=0.1).limits(1000) == Limits(words=100, sentences=None)
    assert Budget(words=80, ratio=0.5).limits(1000) == Limits(words=80, sentences=None)
    assert Budget(sentences=3).limits(1000) == Limits(words=None, sentences=3)
    assert Budget(ratio=0.001).limits(100) == Limits(words=1, sentences=None)  # never zero words


def test_a_sentence_limit_fills_up() -> None:
    limits = Limits(sentences=2)
    assert not limits.full(1) and limits.full(2)
    assert not Limits(words=50).full(100)


def test_a_cleaned_article_lists_its_headings_and_removals() -> None:
    text = "Thiệt hại\nNhiều nhà bị tốc mái."
    article = CleanArticle("a", "Bão", text, (Paragraph(0, 0, 9, True), Paragraph(1, 10, len(text))),
                           (Removal("a", "Theo TTXVN", "sidebar", 3),))
    data = article.to_dict()
    assert data["headings"] == [0]
    assert data["removed"] == [{"article_id": "a", "text": "Theo TTXVN", "reason": "sidebar", "line": 3}]
    assert data["text"] == text
