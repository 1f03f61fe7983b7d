"""An invented article stream: four stories, three articles each, one agency copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORIES = {
    "bao": [
        ("Bão số 5 đổ bộ vào Quảng Ngãi", "Bão số 5 đã đổ bộ vào tỉnh Quảng Ngãi lúc rạng sáng với sức gió giật cấp 12. Hàng nghìn ngôi nhà bị tốc mái, nhiều cây xanh bật gốc. Ban chỉ huy phòng chống thiên tai tỉnh đã sơ tán hơn 20.000 người dân vùng ven biển."),
        ("Quảng Ngãi khắc phục hậu quả bão số 5", "Sau khi bão số 5 đi qua, chính quyền Quảng Ngãi huy động bộ đội giúp dân dựng lại nhà bị tốc mái. Sức gió giật của bão làm đổ hàng trăm cột điện, nhiều xã ven biển mất điện. Người dân sơ tán đã bắt đầu trở về nhà."),
        ("Bão số 5 gây mưa lớn ở miền Trung", "Hoàn lưu bão số 5 gây mưa lớn tại Quảng Ngãi và Bình Định. Gió giật mạnh làm tốc mái nhiều ngôi nhà ven biển. Ban chỉ huy phòng chống thiên tai cảnh báo nguy cơ lũ quét và sạt lở đất."),
    ],
    "bong": [
        ("Đội tuyển Việt Nam thắng Thái Lan 2-1", "Đội tuyển bóng đá Việt Nam đánh bại Thái Lan với tỷ số 2-1 trên sân Mỹ Đình. Tiền đạo số 10 ghi bàn thắng quyết định ở phút 88. Huấn luyện viên khen ngợi tinh thần thi đấu của các cầu thủ."),
        ("Mỹ Đình vỡ òa khi tuyển Việt Nam hạ Thái Lan", "Hàng vạn cổ động viên trên sân Mỹ Đình vỡ òa khi tuyển Việt Nam ghi bàn thắng phút 88 vào lưới Thái Lan. Trận đấu kết thúc với tỷ số 2-1. Các cầu thủ chạy quanh sân cảm ơn khán giả."),
        ("Huấn luyện viên tuyển Việt Nam nói gì sau trận thắng Thái Lan", "Sau trận thắng Thái Lan 2-1, huấn luyện viên đội tuyển Việt Nam cho biết các cầu thủ đã thi đấu đúng chiến thuật. Ông đánh giá cao bàn thắng phút 88 của tiền đạo số 10 và sự cổ vũ của khán giả Mỹ Đình."),
    ],
    "gia": [
        ("Giá xăng tăng lần thứ ba liên tiếp", "Liên bộ Công Thương và Tài chính quyết định tăng giá xăng từ 15 giờ chiều nay. Mỗi lít xăng RON 95 tăng thêm 500 đồng. Đây là lần tăng giá xăng thứ ba liên tiếp do giá dầu thế giới đi lên."),
        ("Xăng RON 95 tăng 500 đồng mỗi lít", "Từ chiều nay giá xăng RON 95 tăng 500 đồng mỗi lít theo quyết định của liên bộ Công Thương và Tài chính. Giá dầu thế giới tăng mạnh khiến giá xăng trong nước tăng lần thứ ba liên tiếp."),
        ("Người dân xếp hàng đổ xăng trước giờ tăng giá", "Nhiều cây xăng tại Hà Nội đông nghịt người đổ xăng trước 15 giờ, thời điểm giá xăng tăng. Liên bộ Công Thương và Tài chính điều chỉnh giá xăng RON 95 tăng 500 đồng mỗi lít, lần tăng thứ ba liên tiếp."),
    ],
    "lua": [
        ("Cháy lớn tại chợ đầu mối nông sản", "Một đám cháy lớn bùng phát tại chợ đầu mối nông sản lúc nửa đêm, thiêu rụi hàng chục ki-ốt. Lực lượng cảnh sát phòng cháy chữa cháy điều 15 xe chữa cháy đến hiện trường. Không có thiệt hại về người."),
        ("Hàng chục ki-ốt chợ nông sản bị thiêu rụi", "Vụ cháy chợ đầu mối nông sản đêm qua thiêu rụi hàng chục ki-ốt của tiểu thương. Cảnh sát phòng cháy chữa cháy mất hơn ba giờ mới dập tắt đám cháy. Nguyên nhân vụ cháy đang được điều tra."),
        ("Tiểu thương chợ nông sản trắng tay sau vụ cháy", "Nhiều tiểu thương chợ đầu mối nông sản mất trắng hàng hóa sau vụ cháy lúc nửa đêm. Lực lượng phòng cháy chữa cháy đã khống chế đám cháy, không để lan sang khu dân cư. Cơ quan chức năng đang điều tra nguyên nhân vụ cháy ki-ốt."),
    ],
}

DAYS = {"bao": "2024-09-10", "bong": "2024-09-11", "gia": "2024-09-11", "lua": "2024-09-12"}


def stream() -> list[dict]:
    """Articles interleaved across stories, plus an agency copy of one article."""
    rows = []
    for k in range(3):
        for story, articles in STORIES.items():
            title, text = articles[k]
            rows.append({"id": f"{story}{k}", "title": title, "text": text, "published": f"{DAYS[story]}T0{k + 7}:00:00+07:00", "story": story})
    title, text = STORIES["gia"][0]
    rows.append({"id": "gia-copy", "title": title, "text": text + " (Theo TTXVN)", "published": "2024-09-11T12:00:00+07:00", "story": "gia"})
    return rows


def write_jsonl(path: Path, rows: list) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


class StreamKit:
    stream = staticmethod(stream)
    write_jsonl = staticmethod(write_jsonl)


@pytest.fixture
def gkit() -> type[StreamKit]:
    return StreamKit
