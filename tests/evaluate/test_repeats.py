"""Repeated bigrams across the sentences of one text."""

from __future__ import annotations

from tomtat.evaluate.repeats import Repeats, repeated_bigrams


def test_a_sentence_saying_again_what_an_earlier_one_said_is_counted():
    counted = repeated_bigrams(["Bộ Y tế công bố ca mới.", "Hôm nay Bộ Y tế họp."])
    # bigrams: 6 + 5; "bộ y" and "y tế" come back in the second sentence
    assert counted == Repeats(repeated=2, bigrams=11)
    assert counted.share == 2 / 11


def test_repeats_inside_one_sentence_and_across_case_or_punctuation():
    assert repeated_bigrams(["Hà Nội, Hà Nội mưa."]).repeated == 0
    assert repeated_bigrams(["Ông Nam đến.", "ÔNG NAM: đi."]).repeated == 1


def test_texts_add_up_and_an_empty_text_has_no_share():
    total = repeated_bigrams(["a b c.", "a b."]) + repeated_bigrams([])
    assert total == Repeats(1, 3)
    assert repeated_bigrams([]).share == 0.0
