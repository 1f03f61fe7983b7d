"""One article dict means the same article from Python, from a JSONL file and over HTTP."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tomtat.api import summarize, to_article
from tomtat.errors import InputError
from tomtat.io.jsonl import parse_line

PAGE = (
    "<html><head><title>Cầu Sông Xanh thông xe</title>"
    '<meta property="article:published_time" content="2024-03-12T08:00:00+07:00"></head><body>'
    "<nav>Trang chủ | Thời sự</nav><article><h1>Cầu Sông Xanh thông xe</h1>"
    "<p>Sáng nay tỉnh Bình Lâm chính thức thông xe cầu Sông Xanh nối hai huyện sau hai năm thi công.</p>"
    "<p>Người dân hai bên sông không còn phải đi phà qua sông mỗi ngày như trước.</p></article></body></html>"
)


def from_jsonl(item: dict) -> object:
    record = parse_line(json.dumps(item, ensure_ascii=False), 1, "in.jsonl")
    assert record is not None
    if record.error:
        raise InputError(record.error)
    return record.article


def from_server(item: dict) -> object:
    from tomtat.server.jobs import articles_from_request

    return articles_from_request([item])[0]


def from_python(item: dict) -> object:
    return to_article(item, 1)


ENTRY_POINTS = [from_python, from_jsonl, from_server]


@pytest.mark.parametrize(
    "item",
    [
        {"id": "a", "title": "Cầu mới", "text": "Cầu mới thông xe.", "source": "Báo A", "published": "12/03/2024"},
        {"id": 7, "text": "Cầu mới thông xe."},
        {"id": "p", "html": PAGE},
        {"id": "p", "html": PAGE, "title": "Tiêu đề người dùng đặt", "published": "13/03/2024"},
        {"id": "p", "html": PAGE, "title": ""},
    ],
)
def test_the_same_dict_gives_the_same_article_everywhere(item: dict) -> None:
    articles = [replace(f(item), origin=None) for f in ENTRY_POINTS]
    assert articles[0] == articles[1] == articles[2]


def test_an_html_page_gives_its_title_and_date_unless_the_dict_has_them() -> None:
    for build in ENTRY_POINTS:
        found = build({"id": "p", "html": PAGE})
        assert found.title == "Cầu Sông Xanh thông xe" and found.published.startswith("2024-03-12")
        assert "Trang chủ" not in found.text and "thông xe cầu Sông Xanh" in found.text
        given = build({"id": "p", "html": PAGE, "title": "Tên khác", "published": "13/03/2024"})
        assert (given.title, given.published) == ("Tên khác", "13/03/2024")


@pytest.mark.parametrize(
    ("item", "says"),
    [
        ({"title": "Không có nội dung"}, "missing field 'text'"),
        ({"text": 42}, "'text' must be a string, not a number"),
        ({"text": "Một câu.", "html": "<p>Một câu.</p>"}, "either 'text' or 'html', not both"),
        ({"text": "Một câu.", "title": 3}, "'title' must be a string"),
        ({"text": "Một câu.", "published": 20240501}, "'published' must be a string"),
        ({"text": "Một câu.", "id": True}, "'id' must be a string or an integer, not true/false"),
        ({"text": "Một câu.", "id": [1]}, "'id' must be a string or an integer, not a list"),
    ],
)
def test_a_wrong_field_is_named_the_same_way_everywhere(item: dict, says: str) -> None:
    for build in (from_python, from_jsonl):
        with pytest.raises(InputError, match=says):
            build(item)


def test_the_python_api_rejects_what_jsonl_rejects() -> None:
    with pytest.raises(InputError, match="article 2: 'title' must be a string"):
        summarize([{"text": "Cầu mới thông xe."}, {"text": "Cầu mới.", "title": 5}])
