"""HTML pages: the main text without navigation, with the page's title and date."""

from __future__ import annotations

from tomtat.io.html import article_from_html, looks_like_html

PAGE = (
    "<!DOCTYPE html><html><head><title>Cầu Sông Xanh thông xe</title>"
    '<meta property="article:published_time" content="2024-03-12T08:00:00+07:00"></head><body>'
    "<nav>Trang chủ | Thời sự | Thể thao</nav><article><h1>Cầu Sông Xanh thông xe</h1>"
    "<p>Sáng nay tỉnh Bình Lâm chính thức thông xe cầu Sông Xanh nối hai huyện sau hai năm thi công.</p>"
    "<p>Người dân hai bên sông không còn phải đi phà qua sông mỗi ngày như trước.</p></article>"
    "<footer>Bản quyền thuộc về báo</footer></body></html>"
)


def test_main_text_title_and_date_are_extracted() -> None:
    a = article_from_html(PAGE, "p", "p.html")
    assert a.title == "Cầu Sông Xanh thông xe"
    assert a.published is not None and a.published.startswith("2024-03-12")
    assert "thông xe cầu Sông Xanh" in a.text and "không còn phải đi phà" in a.text
    assert "Trang chủ" not in a.text and "Bản quyền" not in a.text
    assert (a.id, a.origin) == ("p", "p.html")


def test_a_page_without_main_text_gives_an_empty_article_not_an_error() -> None:
    a = article_from_html("<html><body></body></html>", "e", "e.html")
    assert a.text == "" and a.id == "e"


def test_html_is_told_apart_from_plain_text() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("  <html><body><p>x</p></body></html>")
    assert not looks_like_html("Bão số 3 <mạnh> đổ bộ vào Quảng Ninh.")
