"""Shared fixtures: small clusters written for the tests (never copied from real sites)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
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


# An invented article stream for the story store (tests/store, tests/commands/test_track.py).
STORIES = {
    "bao": [
        ("Bão số 7 đổ bộ vào Thanh Hóa", "Bão số 7 đã đổ bộ vào tỉnh Thanh Hóa lúc rạng sáng với sức gió giật cấp 11. Hàng trăm ngôi nhà bị tốc mái, nhiều cây xanh bật gốc. Ban chỉ huy phòng chống thiên tai tỉnh đã sơ tán hơn 10.000 người dân vùng ven biển."),
        ("Thanh Hóa khắc phục hậu quả bão số 7", "Sau khi bão số 7 đi qua, chính quyền Thanh Hóa huy động bộ đội giúp dân dựng lại nhà bị tốc mái. Sức gió giật của bão làm đổ hàng trăm cột điện, nhiều xã ven biển mất điện. Người dân sơ tán đã trở về nhà."),
        ("Bão số 7 gây mưa lớn ở Bắc Trung Bộ", "Hoàn lưu bão số 7 gây mưa lớn tại Thanh Hóa và Nghệ An. Gió giật mạnh làm tốc mái nhiều ngôi nhà ven biển. Ban chỉ huy phòng chống thiên tai cảnh báo nguy cơ lũ quét và sạt lở đất ở miền núi."),
    ],
    "gia": [
        ("Giá gạo xuất khẩu tăng lần thứ ba liên tiếp", "Hiệp hội Lương thực cho biết giá gạo xuất khẩu tăng thêm 20 USD mỗi tấn trong tuần này. Đây là lần tăng giá gạo thứ ba liên tiếp do nhu cầu nhập khẩu từ Philippines đi lên. Nông dân Đồng bằng sông Cửu Long phấn khởi."),
        ("Gạo xuất khẩu tăng 20 USD mỗi tấn", "Giá gạo xuất khẩu tăng 20 USD mỗi tấn theo số liệu của Hiệp hội Lương thực. Nhu cầu nhập khẩu từ Philippines tăng mạnh khiến giá gạo trong nước tăng lần thứ ba liên tiếp. Thương lái đổ về Đồng bằng sông Cửu Long thu mua."),
        ("Nông dân miền Tây phấn khởi vì giá gạo tăng", "Nhiều nông dân Đồng bằng sông Cửu Long phấn khởi khi giá gạo xuất khẩu tăng lần thứ ba liên tiếp. Hiệp hội Lương thực cho biết Philippines vẫn là thị trường nhập khẩu gạo lớn nhất, giá tăng 20 USD mỗi tấn."),
    ],
    "chay": [
        ("Cháy lớn tại xưởng gỗ ở Bình Dương", "Một đám cháy lớn bùng phát tại xưởng gỗ ở Bình Dương lúc nửa đêm, thiêu rụi hàng nghìn mét vuông nhà xưởng. Lực lượng cảnh sát phòng cháy chữa cháy điều 20 xe chữa cháy đến hiện trường. Không có thiệt hại về người."),
        ("Xưởng gỗ ở Bình Dương bị thiêu rụi", "Vụ cháy xưởng gỗ ở Bình Dương đêm qua thiêu rụi hàng nghìn mét vuông nhà xưởng. Cảnh sát phòng cháy chữa cháy mất hơn bốn giờ mới dập tắt đám cháy. Nguyên nhân vụ cháy xưởng gỗ đang được điều tra."),
        ("Công nhân xưởng gỗ Bình Dương mất việc sau vụ cháy", "Hàng trăm công nhân xưởng gỗ ở Bình Dương mất việc sau vụ cháy lúc nửa đêm. Lực lượng phòng cháy chữa cháy đã khống chế đám cháy, không để lan sang khu dân cư. Cơ quan chức năng đang điều tra nguyên nhân vụ cháy xưởng gỗ."),
    ],
}
DAYS = {"bao": "2025-10-01", "gia": "2025-10-02", "chay": "2025-10-03"}


def stream() -> list[dict[str, str]]:
    """Nine articles, three stories interleaved; ``story`` says which (for assertions)."""
    rows = []
    for k in range(3):
        for story, texts in STORIES.items():
            title, text = texts[k]
            rows.append({
                "id": f"{story}{k}", "title": title, "text": text, "published": f"{DAYS[story]}T0{k + 7}:00:00+07:00",
                "url": f"https://news.example/{story}/{k}", "source": f"bao{k}.example", "story": story,
            })
    return rows


@pytest.fixture
def rows() -> list[dict[str, str]]:
    """``stream()``: nine invented articles, three stories interleaved."""
    return stream()


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a small private tmpfs with the given options ("size=8k", "ro,size=8k") in
    ``tmp_path`` and return its folder, for full-disk and read-only tests; the test is
    skipped where mounting is not allowed. Every mount is removed afterwards."""
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        folder = tmp_path / f"tmpfs{len(mounted)}"
        folder.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode:
            pytest.skip("cannot mount a tmpfs here")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", str(folder)], check=False)


TWO_EVENTS = REPO / "tests" / "data" / "two_floods.jsonl"


@pytest.fixture
def two_events() -> list[dict[str, str]]:
    """Four invented undated reports of two floods in one province seven years apart
    (15/10/2016 and 3/11/2023, two reports each): one story in a store, told as two
    dated events."""
    return [json.loads(line) for line in TWO_EVENTS.read_text(encoding="utf-8").splitlines()]
