"""Shared fixtures: small clusters written for the tests (never copied from real sites)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample"


@pytest.fixture
def sample_dir() -> Path:
    """The bundled sample cluster: three articles on one invented story, with debris."""
    return SAMPLE


FLOOD_ARTICLES = [
    {
        "id": "a",
        "title": "Mưa lớn gây ngập nhiều tuyến phố Hà Nội",
        "text": (
            "Chiều 12/8, mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố ở Hà Nội ngập sâu.\n"
            "Nước ngập tới nửa bánh xe trên các phố Nguyễn Trãi, Láng và Trường Chinh.\n"
            "Công ty Thoát nước Hà Nội đã huy động 500 công nhân ứng trực tại các điểm ngập.\n"
            "Người dân đẩy xe máy qua phố Nguyễn Trãi. Ảnh: Ngọc Hà\n"
            "Theo Tuổi Trẻ"
        ),
    },
    {
        "id": "b",
        "title": "Hà Nội ngập sau mưa lớn",
        "text": (
            "Mưa lớn chiều 12/8 làm nhiều tuyến phố Hà Nội ngập sâu, giao thông ùn tắc kéo dài.\n"
            "Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết lượng mưa đo được tại Láng là 120 mm.\n"
            "Mưa còn kéo dài tới hết ngày 14/8, người dân cần hạn chế ra đường khi trời mưa to.\n"
            "Tin mới nhất\n"
            "Giá vàng tăng mạnh phiên cuối tuần\n"
            "10:15:20 12/08/2025"
        ),
    },
    {
        "id": "c",
        "title": "Ngập lụt ở Hà Nội",
        "text": (
            "TTO - Nhiều tuyến phố ở Hà Nội bị ngập sâu sau trận mưa lớn chiều 12/8.\n"
            "Tuy nhiên, đến tối cùng ngày nước đã rút ở phần lớn các tuyến phố.\n"
            "Sở Xây dựng Hà Nội cho biết sẽ cải tạo hệ thống thoát nước trên phố Nguyễn Trãi trong năm tới.\n"
            ">> Hà Nội sẽ xây thêm hồ điều hòa\n"
            "Đăng nhập để bình luận"
        ),
    },
]


@pytest.fixture
def flood_articles() -> list[dict[str, str]]:
    """Three short articles on one invented flood, with typical web debris."""
    return [dict(a) for a in FLOOD_ARTICLES]
