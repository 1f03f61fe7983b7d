"""Sidebars of other stories: where a "Tin mới nhất" block ends.

A sidebar header ("Tin mới nhất", "Tin liên quan", "Đọc nhiều", ...) is followed by
items: a headline (a line without final punctuation), often a timestamp
("21:41:32 25/12/2024", "2 giờ trước") and sometimes a teaser sentence. The sidebar
ends the article body where it starts, unless the article clearly resumes: a sentence
right after the header, two sentences in a row (a teaser never follows a teaser), a
sentence after a headline that is followed by another sentence, or a paragraph too long
for a teaser (a whole body stored on one line).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from tomtat.clean.endings import ends_with_mark

_TIMESTAMP = regex.compile(
    r"(?:\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước\b|^(?:Hôm qua|Hôm nay|Vừa xong)\b)",
    regex.I,
)
TEASER_MAX_WORDS = 80  # a longer paragraph is the article (a one-line body), not a teaser
_SENTENCE = ".!…"  # sentence-final marks, possibly behind closing quotes (endings.py)


def is_timestamp(text: str) -> bool:
    """A short line that is (mostly) a date or time stamp."""
    return len(text.split(None, 8)) <= 8 and bool(_TIMESTAMP.search(text))  # at most 9 parts: enough to tell


def is_sentence_line(text: str) -> bool:
    """A line that ends like a sentence (and is not a stamp): content or a teaser."""
    return len(text.split(None, 5)) >= 5 and ends_with_mark(text, _SENTENCE) and not is_timestamp(text)


def _kind(text: str) -> str:
    if is_timestamp(text):
        return "stamp"
    return "sentence" if is_sentence_line(text) else "headline"


def sidebar_end(lines: Sequence[str], header: int) -> int:
    """Index of the first line after the sidebar whose header is ``lines[header]``.

    ``lines`` are stripped; empty lines are skipped. Returns ``len(lines)`` when the
    sidebar runs to the end of the text.

    >>> sidebar_end(["Tin mới nhất", "Tin khác về bão", "10:20 25/12/2024",
    ...              "Bão số 3 đổ bộ vào Quảng Ninh chiều nay."], 0)
    4
    """
    kinds = [(i, _kind(lines[i])) for i in range(header + 1, len(lines)) if lines[i]]
    prev = "header"
    for pos, (i, kind) in enumerate(kinds):
        if kind == "sentence":
            nxt = kinds[pos + 1][1] if pos + 1 < len(kinds) else "end"
            if prev in ("header", "sentence") or len(lines[i].split()) > TEASER_MAX_WORDS:
                return i
            if prev == "headline" and nxt == "sentence":
                return i
        prev = kind
    return len(lines)
