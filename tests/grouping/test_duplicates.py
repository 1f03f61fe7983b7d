"""Near-duplicate detection: an agency copy with a credit added is found, a rewrite is not."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from tomtat.grouping.duplicates import _permutations, minhash_signature, near_duplicates
from tomtat.grouping.features import FeatureMaker
from tomtat.model import Article

ORIGINAL = ("Liên bộ Công Thương và Tài chính quyết định tăng giá xăng từ 15 giờ chiều nay. Mỗi lít xăng "
            "RON 95 tăng thêm 500 đồng. Đây là lần tăng giá xăng thứ ba liên tiếp do giá dầu thế giới đi lên.")
COPY = ORIGINAL + " (Theo TTXVN)"
REWRITE = ("Từ chiều nay giá xăng RON 95 tăng 500 đồng mỗi lít theo quyết định của liên bộ. Giá dầu thế "
           "giới tăng mạnh khiến giá xăng trong nước tăng lần thứ ba liên tiếp.")


def groups(*texts: str) -> list[int]:
    maker = FeatureMaker()
    found = near_duplicates([maker(Article(str(i), "", t)).signature for i, t in enumerate(texts)])
    return [found.find(i) for i in range(len(texts))]


def test_a_copy_joins_its_original_and_a_rewrite_stays_apart() -> None:
    assert groups(ORIGINAL, REWRITE, COPY) == [0, 1, 0]


def test_empty_articles_join_nothing() -> None:
    assert groups("", ORIGINAL, "") == [0, 1, 2]


def test_signatures_are_datasketchs_own() -> None:
    """The numpy MinHash is datasketch's: stored signatures stay comparable."""
    shingles = np.unique(np.random.default_rng(7).integers(0, 2**32, 500).astype(np.uint64))
    reference = MinHash(num_perm=64, hashfunc=lambda v: v, permutations=_permutations(64), scheme="affine32")
    reference.update_batch(shingles.tolist())
    assert np.array_equal(minhash_signature(shingles), np.asarray(reference.hashvalues, dtype=np.uint32))
