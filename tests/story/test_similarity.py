"""Content bags: one bag whether the text is cut here or by the tokenize stage, and the
cosine with kept norms changes nothing."""

from collections import Counter

from tomtat.story.similarity import bag, bag_of_syllables, cosine, merged, norm
from tomtat.text.tokens import tokenize

TEXTS = [
    "Ông Lavrov nói: “Hợp_tác 4,5 tỷ USD”.",
    "Chiều 14-10, phái đoàn Nga-Ukraine (AFP) tới U.S.A\tvà  Paris…",
    "ΟΔΟΣ ΑΣ'Β İstanbul x_y _z 3²  ½ Ⅻ",
    "",
]


def test_the_bag_of_a_text_is_the_bag_of_its_syllables_cut_once():
    rows = tokenize(TEXTS)
    for text, syls in zip(TEXTS, rows.syllables):
        assert bag(text) == bag_of_syllables(syls)


def test_bag_leaves_out_numbers_and_stopwords():
    b = bag("Hai nước ký hiệp định hôm 14-10 và ký thêm nghị định thư.")
    assert b["ký"] == 2 and "14" not in b and "và" not in b


def test_cosine_with_kept_norms_is_the_same_number():
    a, b = bag(TEXTS[0] + " hợp tác"), bag(TEXTS[1] + " hợp tác")
    assert cosine(a, b) == cosine(a, b, norm(a), norm(b)) == cosine(b, a, norm(b), norm(a))
    assert cosine(a, Counter()) == 0.0


def test_merged_sums_in_order_of_first_appearance():
    total = merged([Counter({"b": 1, "a": 2}), Counter({"c": 1, "a": 1})])
    assert list(total.items()) == [("b", 1), ("a", 3), ("c", 1)]
