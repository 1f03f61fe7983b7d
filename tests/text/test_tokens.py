from tomtat.text.tokens import syllables, word_count


def test_syllables_keep_diacritics_and_split_on_underscore_and_punctuation():
    assert syllables("Việt_Nam, HÀ NỘI!") == ["việt", "nam", "hà", "nội"]


def test_decomposed_input_gives_the_same_tokens():
    assert syllables("Vie\u0323\u0302t") == syllables("Việt")


def test_word_count_counts_whitespace_tokens():
    assert word_count("  Hà Nội,  mưa   to. ") == 4
