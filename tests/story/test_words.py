"""Tokens: the shortcuts for plain words cut exactly as the token pattern does."""

from tomtat.story.words import _TOKEN, tokenize_units, word_pairs

WORDS = ["nói,", "Paris.", "U.S", "U.S.", "14-10", "(AFP)", "x_", "_", "a_b", "2014", "“Hợp", "…", "4,5", "ký-", "Ⅻ,", "3²."]


def test_plain_words_and_trailing_marks_cut_as_the_pattern_cuts_them():
    for w in WORDS:
        assert tokenize_units([w]) == [_TOKEN.findall(w)], w
    text = " ".join(WORDS)
    assert tokenize_units([text]) == [[t for w in WORDS for t in _TOKEN.findall(w)]]


def test_word_pairs_are_the_two_syllable_words():
    pairs = word_pairs(frozenset({"khí đốt", "câu lạc bộ", "y tế"}))
    assert pairs == {("khí", "đốt"), ("y", "tế")}
    assert word_pairs(frozenset()) == frozenset()
