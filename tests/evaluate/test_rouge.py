"""ROUGE on Vietnamese syllables: hand-computed cases and a cross-check with rouge-score."""

from __future__ import annotations

import unicodedata

import pytest
import underthesea.utils  # noqa: F401  (must come before rouge_score: see below)
from rouge_score import rouge_scorer

from tomtat.evaluate.rouge import lcs_length, score, tokenize

# rouge-score imports absl, whose logging handler holds the stderr of the moment. When
# underthesea is first imported (tomtat's story stage does it lazily) it calls
# logging.config.dictConfig, which closes every handler that exists, absl's included,
# and so closes pytest's capture stream under a later test. Importing underthesea first
# makes that configuration happen before absl's handler exists.


def test_tokens_keep_diacritics_and_split_on_underscore_and_punctuation():
    assert tokenize("Việt_Nam, bán/bạn 4,5 TỶ!") == ["việt", "nam", "bán", "bạn", "4", "5", "tỷ"]


def test_decomposed_text_and_old_tone_marks_match_their_normal_form():
    decomposed = unicodedata.normalize("NFD", "Hòa bình thủy lợi")
    assert tokenize(decomposed) == tokenize("Hoà bình thuỷ lợi") == ["hòa", "bình", "thủy", "lợi"]


def test_syllables_differing_only_in_tone_do_not_match():
    # stock rouge-score sees "b n" in both and would call this a perfect match
    s = score("bán hàng", ["bạn hàng"])
    assert s["rouge1"].f == pytest.approx(0.5)
    assert s["rouge2"].f == 0.0


def test_hand_computed_rouge_1_2_l():
    # candidate: ông ba đi chợ mua cá (6), reference: ông ba ra chợ mua cá tươi (7)
    s = score("Ông Ba đi chợ mua cá.", ["Ông Ba ra chợ mua cá tươi."])
    assert s["rouge1"].p == pytest.approx(5 / 6)
    assert s["rouge1"].r == pytest.approx(5 / 7)
    # bigrams shared: ông ba, chợ mua, mua cá = 3 of 5 and 3 of 6
    assert s["rouge2"].p == pytest.approx(3 / 5)
    assert s["rouge2"].r == pytest.approx(3 / 6)
    assert s["rouge2"].f == pytest.approx(2 * 0.6 * 0.5 / 1.1)
    # LCS: ông ba chợ mua cá = 5
    assert s["rougeL"].p == pytest.approx(5 / 6)
    assert s["rougeL"].r == pytest.approx(5 / 7)


def test_repeated_ngrams_are_clipped():
    s = score("mưa mưa mưa", ["mưa to"])
    assert s["rouge1"].p == pytest.approx(1 / 3)
    assert s["rouge1"].r == pytest.approx(1 / 2)


def test_lcs_length_is_order_sensitive():
    assert lcs_length(list("abcde"), list("aXcYe")) == 3
    assert lcs_length(list("abc"), list("cba")) == 1
    assert lcs_length([], list("abc")) == 0


def test_empty_summary_scores_zero():
    s = score("", ["Có nội dung."])
    assert all(v.f == 0.0 and v.p == 0.0 and v.r == 0.0 for v in s.values())


def test_multiple_references_average_and_max():
    refs = ["mưa lớn ở Hà Nội", "nắng nóng ở Huế"]
    avg = score("mưa lớn ở Hà Nội", refs)
    best = score("mưa lớn ở Hà Nội", refs, mode="max")
    assert best["rouge1"].f == pytest.approx(1.0)
    one = score("mưa lớn ở Hà Nội", [refs[1]])["rouge1"].f
    assert avg["rouge1"].f == pytest.approx((1.0 + one) / 2)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        score("a", ["a"], mode="median")


class _SyllableTokenizer:
    def tokenize(self, text: str) -> list[str]:
        return tokenize(text)


PAIRS = [
    (
        "Sáng 3/9, cầu Sông Xanh chính thức thông xe. Cây cầu dài 1,2 km nối hai huyện.",
        ["Cầu Sông Xanh dài 1,2 km thông xe sáng 3/9, nối hai huyện Đông Hà và Tây Sơn."],
    ),
    (
        "Giá xăng giảm khoảng 500 đồng mỗi lít từ 15h chiều nay, lần thứ ba liên tiếp.",
        ["Giá xăng giảm lần thứ ba liên tiếp.", "Từ chiều nay mỗi lít xăng rẻ hơn 500 đồng."],
    ),
    (
        "Bão số 5 đổ bộ, gió cấp 10, hàng nghìn hộ dân sơ tán; bão bão gió gió.",
        ["Hàng nghìn hộ dân sơ tán trước khi bão số 5 đổ bộ với gió cấp 10."],
    ),
]


@pytest.mark.parametrize(("summary", "references"), PAIRS)
def test_matches_rouge_score_given_the_syllable_tokenizer(summary, references):
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=_SyllableTokenizer())
    ours = score(summary, references)
    for metric in ("rouge1", "rouge2", "rougeL"):
        theirs = [scorer.score(ref, summary)[metric] for ref in references]
        k = len(theirs)
        assert ours[metric].p == pytest.approx(sum(t.precision for t in theirs) / k, abs=1e-12)
        assert ours[metric].r == pytest.approx(sum(t.recall for t in theirs) / k, abs=1e-12)
        assert ours[metric].f == pytest.approx(sum(t.fmeasure for t in theirs) / k, abs=1e-12)
    best = score(summary, references, mode="max")
    multi = scorer.score_multi(references, summary)
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert best[metric].f == pytest.approx(multi[metric].fmeasure, abs=1e-12)


def test_stock_rouge_score_tokenizer_is_wrong_for_vietnamese():
    """Why this module exists: the default tokenizer calls different syllables equal."""
    stock = rouge_scorer.RougeScorer(["rouge1"]).score("bạn", "bán")["rouge1"].fmeasure
    assert stock == 1.0
    assert score("bán", ["bạn"])["rouge1"].f == 0.0
