"""Article vectors: unit rows, and more similar for articles about the same thing."""

from __future__ import annotations

import numpy as np

from tomtat.grouping.features import FeatureMaker
from tomtat.grouping.vectors import Frequencies, normalize_rows, tfidf_matrix
from tomtat.model import Article

TEXTS = [
    ("Giá xăng tăng", "Giá xăng RON 95 tăng 500 đồng mỗi lít từ chiều nay."),
    ("Xăng tăng giá", "Từ chiều nay mỗi lít xăng RON 95 tăng thêm 500 đồng."),
    ("Cháy chợ", "Đám cháy lớn thiêu rụi hàng chục ki-ốt tại chợ đầu mối lúc nửa đêm."),
]


def matrix() -> np.ndarray:
    maker = FeatureMaker()
    docs = [(f.keys, f.counts) for f in (maker(Article(str(i), t, x)) for i, (t, x) in enumerate(TEXTS))]
    return normalize_rows(tfidf_matrix(docs)).toarray()


def test_rows_have_unit_length_and_same_story_is_closer() -> None:
    m = matrix()
    # the fire shares no feature with another article: features of one article are dropped
    assert np.allclose(np.linalg.norm(m, axis=1), [1.0, 1.0, 0.0])
    sims = m @ m.T
    assert sims[0, 1] > 0.3 and sims[0, 2] == 0.0


def test_no_articles_give_an_empty_matrix() -> None:
    assert tfidf_matrix([]).shape == (0, 0)


def test_a_background_collection_weighs_a_few_articles_as_the_whole_would() -> None:
    maker = FeatureMaker()
    docs = [(f.keys, f.counts) for f in (maker(Article(str(i), t, x)) for i, (t, x) in enumerate(TEXTS))]
    whole = tfidf_matrix(docs).toarray()
    # the first article weighed among the other two: as in the whole collection
    alone = tfidf_matrix(docs[:1], Frequencies.of([k for k, _ in docs[1:]])).toarray()
    # or with itself among the background's articles, counted once
    counted = tfidf_matrix(docs[:1], Frequencies.of([k for k, _ in docs]), np.array([True])).toarray()
    nonzero = whole[0][whole[0] > 0]
    assert np.allclose(np.sort(alone[0][alone[0] > 0]), np.sort(nonzero))
    assert np.allclose(np.sort(counted[0][counted[0] > 0]), np.sort(nonzero))
    assert tfidf_matrix(docs[:1]).nnz == 0 and len(nonzero) > 0  # alone, no feature is shared
