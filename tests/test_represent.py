"""The representation: vectors, positions, linear cost."""

import numpy as np

from tomtat.model import CleanArticle, Paragraph
from tomtat.represent import represent
from tomtat.text.sentences import split_articles


def article(id_: str, title: str, paragraphs: list[tuple[str, bool]]) -> CleanArticle:
    text, paras, start = "", [], 0
    for k, (body, heading) in enumerate(paragraphs):
        if text:
            text += "\n"
            start += 1
        paras.append(Paragraph(k, start, start + len(body), heading))
        text += body
        start += len(body)
    return CleanArticle(id_, title, text, tuple(paras))


def test_vectors_are_unit_rows_and_titles_share_the_vocabulary():
    arts = [
        article("a", "Giá xăng tăng", [("Giá xăng tăng mạnh từ chiều nay. Dân lo lắng.", False)]),
        article("b", "Xăng lại tăng giá", [("Chiều nay giá xăng tăng thêm 500 đồng.", False)]),
    ]
    rep = represent(arts, split_articles(arts))
    norms = np.sqrt(np.asarray(rep.vectors.tfidf.multiply(rep.vectors.tfidf).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0)
    assert rep.vectors.titles.shape == (2, rep.vectors.tfidf.shape[1])
    assert "giá_xăng" in rep.vectors.vocabulary and rep.vectors.bigram[rep.vectors.vocabulary["giá_xăng"]]
    assert not rep.vectors.bigram[rep.vectors.vocabulary["xăng"]]
    assert abs(np.linalg.norm(rep.vectors.centroid) - 1) < 1e-9


def test_bigrams_with_one_stopword_syllable_are_told_apart():
    arts = [article("a", "Giá xăng", [("Giá xăng của Nga tăng và giảm.", False)])]
    vectors = represent(arts, split_articles(arts)).vectors
    half = {g for g, k in vectors.vocabulary.items() if vectors.half_function[k]}
    assert {"xăng_của", "của_nga", "tăng_và", "và_giảm"} <= half
    assert not half & {"giá_xăng", "nga_tăng", "giá", "xăng"}


def test_positions_skip_headings_and_are_relative_per_article():
    arts = [
        article(
            "a",
            "T",
            [("Câu mở đầu của bài viết.", False), ("Tiêu đề phụ", True), ("Câu thứ hai. Câu thứ ba.", False)],
        )
    ]
    rep = represent(arts, split_articles(arts))
    assert rep.features.position.tolist() == [0, 1, 1, 2]
    assert rep.features.article_sentences.tolist() == [3]
    assert rep.features.relative_position[0] == 0 and rep.features.relative_position.max() < 1


def test_sentence_without_letters_gets_a_zero_row():
    arts = [article("a", "T", [("Một câu bình thường ở đây. ...", False)])]
    rep = represent(arts, split_articles(arts))
    assert rep.vectors.tfidf.getnnz(axis=1).min() >= 0
    assert np.all(np.isfinite(rep.vectors.tfidf.data))


def test_titles_or_last_sentences_without_known_grams_do_not_break_weighting():
    arts = [
        article("a", "Giá xăng", [("Giá xăng tăng mạnh từ chiều nay.", False)]),
        article("b", "", [("Chiều nay giá xăng tăng thêm 500 đồng.", False)]),
        article("c", "Zzz qqq", [("Giá xăng sẽ còn tăng nữa.", False)]),
    ]
    rep = represent(arts, split_articles(arts))
    assert rep.vectors.titles.shape[0] == 3
    assert rep.vectors.titles[1].nnz == 0 and rep.vectors.titles[2].nnz == 0
    assert np.all(np.isfinite(rep.vectors.titles.data))


def test_bulk_tokenizer_matches_the_syllable_tokenizer():
    from tomtat.represent import _tokens
    from tomtat.text.tokens import syllables

    texts = ["Ông Lavrov nói: “Hợp_tác 4,5 tỷ USD”.", "HOÀ BÌNH", "", "Việt\u0300 Nam a\x00b"]
    assert _tokens(texts) == [syllables(t) for t in texts]


def test_the_tokenize_stages_cut_gives_the_same_representation_as_cutting_here():
    from tomtat.text.tokens import tokenize

    arts = [
        article("a", "Giá xăng tăng", [("Giá xăng", True), ("Giá xăng tăng mạnh từ chiều nay. Dân lo lắng.", False)]),
        article("b", "Xăng lại tăng giá", [("Chiều nay giá xăng tăng thêm 500 đồng. Tuy nhiên, dân vẫn mua.", False)]),
    ]
    sentences = split_articles(arts)
    own = represent(arts, sentences)
    shared = represent(arts, sentences, tokenize([s.text for s in sentences]), tokenize([a.title for a in arts]))
    for name in ("words", "article", "position", "article_sentences"):
        assert np.array_equal(getattr(own.features, name), getattr(shared.features, name))
    assert (own.vectors.tfidf != shared.vectors.tfidf).nnz == 0
    assert (own.vectors.titles != shared.vectors.titles).nnz == 0
    assert own.features.position.tolist() == [0, 0, 1, 0, 1]
