"""Grouping features: one article's alone, the same in any run, kept and read back as bytes."""

from __future__ import annotations

import numpy as np

from tomtat.grouping.features import ArticleFeatures, FeatureMaker
from tomtat.model import Article

FUEL = Article("a", "Giá xăng tăng", "Giá xăng RON 95 tăng 500 đồng mỗi lít từ chiều nay.")
FIRE = Article("b", "Cháy chợ", "Đám cháy lớn thiêu rụi hàng chục ki-ốt tại chợ đầu mối lúc nửa đêm.")


def same(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    return all(np.array_equal(x, y) for x, y in ((a.keys, b.keys), (a.counts, b.counts), (a.signature, b.signature)))


def test_an_article_has_the_same_features_whatever_came_before_it() -> None:
    alone = FeatureMaker()(FUEL)
    busy = FeatureMaker()
    busy(FIRE)
    assert same(busy(FUEL), alone)
    assert len(alone.signature) == 64 and len(alone.keys) == len(alone.counts) > 0


def test_features_survive_bytes_and_other_formats_are_refused() -> None:
    features = FeatureMaker()(FIRE)
    back = ArticleFeatures.from_bytes(features.to_bytes())
    assert back is not None and same(back, features)
    assert ArticleFeatures.from_bytes(b"\x09" + features.to_bytes()[1:]) is None
    assert ArticleFeatures.from_bytes(features.to_bytes()[:-1]) is None


def test_an_empty_article_has_no_signature() -> None:
    empty = FeatureMaker()(Article("e", "", ""))
    assert len(empty.keys) == 0 and len(empty.signature) == 0
    assert ArticleFeatures.from_bytes(empty.to_bytes()) is not None
