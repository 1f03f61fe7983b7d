"""Small invented clusters for batch tests (text written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PLACES = ["Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Nha Trang", "Vinh", "Quy Nhơn", "Đà Lạt"]


def make_cluster(cid: str, n: int) -> dict:
    """Three short articles about an invented event numbered ``n``."""
    place = PLACES[n % len(PLACES)]
    articles = []
    for a in range(3):
        text = "\n".join(
            [
                f"Sáng nay, thành phố {place} khánh thành cây cầu số {n} bắc qua sông lớn.",
                f"Công trình dài {300 + n} mét, được xây dựng trong {12 + a} tháng với tổng vốn {n + 5} tỷ đồng.",
                f"Ông Nguyễn Văn {chr(65 + a)}, giám đốc ban quản lý dự án, cho biết cầu giúp người dân đi lại thuận tiện hơn.",
                f"Trước đây, người dân {place} phải đi đò qua sông, rất nguy hiểm vào mùa mưa lũ.",
                f"Dự kiến mỗi ngày có khoảng {1000 * (n + 1)} lượt xe qua cầu.",
            ]
        )
        articles.append({"id": f"{cid}-a{a}", "title": f"Khánh thành cầu số {n} tại {place}", "text": text})
    return {"id": cid, "articles": articles}


def write_jsonl(path: Path, rows: list) -> Path:
    """Write rows (dicts, or raw strings written as they are) one per line."""
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


def read_output(path: Path) -> list[dict]:
    """Every line of a batch output, parsed (fails the test on a torn line)."""
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n"), "output ends with a partial line"
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


class BatchKit:
    """The helpers above, handed to tests as a fixture (works in any pytest import mode)."""

    make_cluster = staticmethod(make_cluster)
    write_jsonl = staticmethod(write_jsonl)
    read_output = staticmethod(read_output)


@pytest.fixture
def kit() -> type[BatchKit]:
    return BatchKit


@pytest.fixture
def clusters_file(tmp_path: Path) -> Path:
    """Six small clusters, c0..c5."""
    return write_jsonl(tmp_path / "in.jsonl", [make_cluster(f"c{i}", i) for i in range(6)])
