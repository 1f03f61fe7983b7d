"""From kept lines to the cleaned text: paragraphs, their spans, subheadings marked.

Each kept line is one paragraph; paragraphs are joined by ``\\n`` and each
``Paragraph`` records its ``start``/``end`` in ``CleanArticle.text``. A subheading
("Hỗ trợ quốc tế") is a short line without final punctuation followed by a longer
line: it stays as structure, marked ``heading`` so that no summary quotes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tomtat.clean.lines import Line, heading_shaped
from tomtat.model import Article, CleanArticle, Paragraph, Removal


def is_heading(text: str, next_text: str | None) -> bool:
    """A subheading: at most 12 words, no final punctuation, followed by a longer line."""
    if next_text is None or not heading_shaped(text, max_words=12):
        return False
    return len(next_text.split()) > len(text.split())


def assemble(article: Article, title: str, lines: Sequence[Line], removed: Sequence[Removal]) -> CleanArticle:
    """The ``CleanArticle``: text, paragraph spans, and removals in line order."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        paragraphs.append(Paragraph(i, offset, offset + len(line.text), is_heading(line.text, nxt)))
        offset += len(line.text) + 1
    ordered = sorted(removed, key=lambda r: -1 if r.line is None else r.line)
    return CleanArticle(
        id=article.id,
        title=title,
        text="\n".join(line.text for line in lines),
        paragraphs=tuple(paragraphs),
        removed=tuple(ordered),
        source=article.source,
        url=article.url,
        published=article.published,
    )
