from tomtat.text.tokens import syllables, word_count


def test_syllables_keep_diacritics_and_split_on_underscore_and_punctuation():
    assert syllables("Việt_Nam, HÀ NỘI!") == ["việt", "nam", "hà", "nội"]


def test_decomposed_input_gives_the_same_tokens():
    assert syllables("Vie\u0323\u0302t") == syllables("Việt")


def test_word_count_counts_whitespace_tokens():
    assert word_count("  Hà Nội,  mưa   to. ") == 4


def test_syllables_are_the_runs_of_letters_and_digits_whatever_separates_them():
    import re
    import unicodedata

    texts = [
        "Giá tăng 4,5% (so với năm 2023) – “kỷ lục”…",
        "ông_Ba/bà Tư; 3½ ngày²; e-mail: a.b@c.vn",
        "Tab\tvà\u00a0nbsp\u3000ideographic — «trích» ‘dẫn’",
        "",
        "   ",
        "!!!",
        "Ǆ ǅ Σας ΣΑΣ İstanbul",
    ]
    for text in texts:
        expected = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower())
        assert syllables(text) == expected


def test_syllable_rows_tokenize_each_text_like_syllables():
    from tomtat.text.tokens import syllable_rows

    texts = ["Hà Nội, 14-10.", "", "Việt\u0300 Nam a\x00b", "TP.HCM: 35°C"]
    assert syllable_rows(texts) == [syllables(t) for t in texts]
