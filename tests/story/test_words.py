"""The compound-word list as pairs of syllables."""

from tomtat.story.words import word_pairs


def test_word_pairs_are_the_two_syllable_words():
    pairs = word_pairs(frozenset({"khí đốt", "câu lạc bộ", "y tế"}))
    assert pairs == {("khí", "đốt"), ("y", "tế")}
    assert word_pairs(frozenset()) == frozenset()
