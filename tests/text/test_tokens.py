from tomtat.text.tokens import _CASED, cased_tokens, syllables, tokenize, word_count


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


WORDS = ["nói,", "Paris.", "U.S", "U.S.", "14-10", "(AFP)", "x_", "_", "a_b", "2014", "“Hợp", "…", "4,5", "ký-", "Ⅻ,", "3²."]


def test_plain_words_and_trailing_marks_cut_as_the_pattern_cuts_them():
    for w in WORDS:
        assert cased_tokens([w]) == [_CASED.findall(w)], w
    text = " ".join(WORDS)
    assert cased_tokens([text]) == [[t for w in WORDS for t in _CASED.findall(w)]]


def test_one_cut_gives_the_written_tokens_their_lower_case_and_the_syllables():
    texts = ["Ông Lavrov nói: “Hợp_tác 4,5 tỷ USD” hôm 14-10.", " ".join(WORDS), "", "Σας ΣΑΣ İstanbul"]
    rows = tokenize(texts)
    assert len(rows) == 4
    assert rows.cased[0][:4] == ["Ông", "Lavrov", "nói", ":"]
    assert rows.lower[0][:2] == ["ông", "lavrov"]
    assert rows.syllables == [syllables(t) for t in texts]


def test_one_cut_also_counts_the_words_as_editors_count_them():
    texts = ["  Hà Nội,  mưa   to. ", "", "Ông Lavrov nói: “Hợp_tác 4,5 tỷ USD” hôm 14-10."]
    assert tokenize(texts).words == [word_count(t) for t in texts]
