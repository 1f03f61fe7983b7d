"""Keywords: listed two-syllable words the articles share, looked up as pairs."""

from tomtat.story.keywords import extract_keywords

WORDS = frozenset({"khí đốt", "năng lượng", "nhà trắng", "đốt năng"})


def tokens(*sentences):
    return {(aid, i): s.split() for i, (aid, s) in enumerate(sentences)}


def test_listed_pairs_shared_by_more_articles_come_first():
    toks = tokens(
        ("a", "giá khí đốt tăng"),
        ("a", "khí đốt và năng lượng"),
        ("b", "năng lượng sạch"),
        ("b", "năng lượng gió"),
    )
    # năng lượng: 3 times in 2 articles (score 3); khí đốt: twice in one (score 1)
    assert extract_keywords(toks, words=WORDS) == ("năng lượng", "khí đốt")


def test_capitalised_pairs_names_and_pairs_across_sentences_are_not_keywords():
    toks = tokens(
        ("a", "Nhà Trắng nói về khí đốt"),
        ("a", "Nhà Trắng lại nói về khí đốt"),
        ("b", "khí"),
        ("b", "đốt năng"),
    )
    assert extract_keywords(toks, words=WORDS) == ("khí đốt",)
    assert extract_keywords(toks, exclude=["Khí Đốt"], words=WORDS) == ()


def test_without_a_word_list_content_pairs_stand_in():
    toks = tokens(("a", "giá điện tăng"), ("b", "giá điện giảm"), ("b", "Giá điện"))
    assert extract_keywords(toks) == ("giá điện",)
