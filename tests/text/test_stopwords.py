"""The two stopword lists: function syllables for vectors, story words for keywords."""

from tomtat.text.stopwords import stop_syllables, stopwords


def test_function_list_holds_function_syllables_not_content():
    words = stopwords("function")
    assert {"và", "của", "là"} <= words
    assert "bão" not in words and "chính phủ" not in words


def test_function_list_is_one_syllable_per_entry_and_has_no_comments():
    assert all(" " not in w and not w.startswith("#") and w == w.strip() for w in stopwords("function"))


def test_story_list_holds_reporting_phrases_that_never_make_keywords():
    words = stopwords("story")
    assert {"cho biết", "tuyên bố"} <= words
    assert not any(w.startswith("#") for w in words)


def test_story_syllables_are_its_one_syllable_entries_only():
    syllables = stop_syllables("story")
    assert "và" in syllables
    assert "cho biết" not in syllables and all(" " not in s for s in syllables)
    assert syllables <= stopwords("story")


def test_lists_are_read_once_and_immutable():
    assert stopwords("function") is stopwords("function")
    assert isinstance(stopwords("story"), frozenset)
