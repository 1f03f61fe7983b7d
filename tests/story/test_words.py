"""The compound-word list as pairs of syllables."""

from tomtat.story.words import word_pairs


def test_word_pairs_are_the_two_syllable_words():
    pairs = word_pairs(frozenset({"khí đốt", "câu lạc bộ", "y tế"}))
    assert pairs == {("khí", "đốt"), ("y", "tế")}
    assert word_pairs(frozenset()) == frozenset()


def test_the_compound_word_list_is_found_and_holds_two_and_three_syllable_words():
    # a moved word list is an error, never a silently empty list (see also the
    # story stage test that underthesea itself is never imported)
    from tomtat.story.words import compound_words

    words = compound_words()
    assert {"y tế", "giao thông", "câu lạc bộ"} <= words
    assert all(1 <= w.count(" ") <= 2 for w in words)


def test_a_missing_word_list_is_a_clear_error(monkeypatch):
    import pytest

    from tomtat.errors import TomtatError
    from tomtat.story import words

    monkeypatch.setattr(words, "WORD_LIST", ("underthesea", "underthesea/nowhere/Viet74K.txt"))
    with pytest.raises(TomtatError, match="does not ship underthesea/nowhere/Viet74K.txt"):
        words._word_list()
