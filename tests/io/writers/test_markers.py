"""Source markers and the source list: numbered in cluster order, named readably, safe links."""

from __future__ import annotations

import pytest

from tomtat.io.writers.markers import article_label, safe_url
from tomtat.model import CleanArticle


def article(title: str, text: str, id: str = "a") -> CleanArticle:
    return CleanArticle(id=id, title=title, text=text, paragraphs=(), removed=())


def test_an_article_is_named_by_its_title_else_its_opening_words_else_its_id() -> None:
    assert article_label(article("Bão số 3", "Bão vào Quảng Ninh.")) == "Bão số 3"
    words = "Chiều nay bão số 3 đổ bộ vào Quảng Ninh với sức gió giật cấp 12 và mưa lớn."
    assert article_label(article("", words)) == "Chiều nay bão số 3 đổ bộ vào Quảng Ninh với sức…"
    assert article_label(article("", "Tin ngắn.")) == "Tin ngắn."
    assert article_label(article("", "  ", id="x7")) == "x7"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://news.example/a", "https://news.example/a"),
        (" http://news.example/b ", "http://news.example/b"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("", None),
        (None, None),
    ],
)
def test_only_web_addresses_become_links(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe
