"""Small invented clusters for selection tests (no text from any real corpus)."""

from __future__ import annotations

import pytest

from tomtat.clean import clean_cluster
from tomtat.model import Article, Budget, Limits
from tomtat.represent import Representation, represent
from tomtat.text.sentences import split_articles

STORM = [
    Article(
        "a",
        "Bão số 9 đổ bộ vào Quảng Nam",
        "Bão số 9 đổ bộ vào Quảng Nam sáng nay với sức gió mạnh cấp 12.\n"
        "Hàng nghìn ngôi nhà ở ven biển bị tốc mái và ngập sâu trong nước.\n"
        "Chính quyền tỉnh đã sơ tán hơn 20.000 người dân đến nơi an toàn từ tối hôm trước.\n"
        "Tuy nhiên, nhiều hộ dân ở vùng núi vẫn chưa được di dời kịp thời.\n"
        "Một người đàn ông ở huyện Duy Xuyên bị cây đổ đè và đã được đưa đi cấp cứu.\n"
        "Bạn đã chuẩn bị gì cho mùa mưa bão năm nay?",
    ),
    Article(
        "b",
        "Quảng Nam sơ tán dân tránh bão số 9",
        "Sáng nay bão số 9 đã đổ bộ vào tỉnh Quảng Nam, gió giật mạnh cấp 12.\n"
        "Hơn 20.000 người dân ven biển đã được sơ tán đến nơi an toàn.\n"
        "Điện lưới bị cắt trên diện rộng tại nhiều huyện của tỉnh.\n"
        "Các đội cứu hộ đang khẩn trương dọn dẹp cây đổ trên các tuyến đường chính.",
    ),
    Article(
        "c",
        "Thiệt hại do bão số 9 tại miền Trung",
        "Bão số 9 khiến hàng nghìn ngôi nhà ở Quảng Nam bị tốc mái.\n"
        "Theo thống kê ban đầu, thiệt hại ước tính khoảng 500 tỷ đồng.\n"
        "Nhiều trường học phải cho học sinh nghỉ học trong hai ngày.\n"
        "Ngành điện cho biết sẽ khôi phục điện lưới trong vòng ba ngày tới.",
    ),
]

DUPLICATE = Article(
    "d",
    "Bão số 9 đổ bộ vào Quảng Nam",
    "Bão số 9 đổ bộ vào Quảng Nam sáng nay với sức gió mạnh cấp 12.\n"
    "Người dân địa phương cho biết chưa từng thấy cơn bão nào mạnh như vậy.",
)


def build(articles: list[Article]) -> Representation:
    """The representation the pipeline would build for ``articles``."""
    cleaned = [a for a in clean_cluster(articles) if a.text.strip()]
    return represent(cleaned, split_articles(cleaned))


def limits(rep: Representation, **budget: int) -> Limits:
    """The limits the pipeline resolves for ``rep`` from ``Budget(**budget)``."""
    return Budget(**budget).limits(int(rep.features.words.sum()))


def find(rep: Representation, start: str) -> int:
    """Index of the sentence that starts with ``start`` (for readable assertions)."""
    hits = [i for i, s in enumerate(rep.sentences) if s.text.startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


@pytest.fixture
def storm() -> Representation:
    return build(STORM)


@pytest.fixture
def storm_with_copy() -> Representation:
    return build(STORM + [DUPLICATE])
