"""Site furniture that recurs across articles is removed; shared sentences are not."""

from __future__ import annotations

from tomtat.clean import clean_cluster
from tomtat.model import Article

FURNITURE = "Chuyên mục Đời sống xanh"
SHARED_SENTENCE = "Người dân đã được sơ tán đến nơi an toàn."


def cluster(n: int) -> list[Article]:
    return [
        Article(str(i), f"Tin {i}", f"Nội dung chính của bài số {i} về bão lũ ở miền Trung.\n{FURNITURE}\n{SHARED_SENTENCE}")
        for i in range(n)
    ]


def test_a_short_line_in_three_articles_is_removed_from_each() -> None:
    for a in clean_cluster(cluster(3)):
        assert FURNITURE not in a.text and SHARED_SENTENCE in a.text
        assert [(r.text, r.reason) for r in a.removed] == [(FURNITURE, "repeated-across-articles")]


def test_two_articles_are_not_evidence_enough() -> None:
    for a in clean_cluster(cluster(2)):
        assert FURNITURE in a.text and not a.removed
