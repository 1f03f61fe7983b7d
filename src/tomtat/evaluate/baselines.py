"""Reference baselines that need no model: lead and round-robin lead, cut at a budget.

These are the yardsticks every summarizer is compared with. Both fill the budget with
whole sentences in a fixed order and cut the last one at the word limit ("truncated"
summaries, as the reference figures in docs/BENCHMARKS.md are measured).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

from tomtat.model import Sentence


def truncate_words(text: str, words: int | None) -> str:
    """The first ``words`` whitespace-separated words of ``text`` (all of it if None)."""
    parts = text.split()
    if words is not None and len(parts) > words:
        parts = parts[:words]
    return " ".join(parts)


def fill_truncated(sentences: Iterable[Sentence], words: int) -> list[Sentence]:
    """Sentences in the given order until ``words`` words are reached (the last may overflow)."""
    chosen: list[Sentence] = []
    used = 0
    for s in sentences:
        if used >= words:
            break
        chosen.append(s)
        used += len(s.text.split())
    return chosen


def by_article(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Content sentences (no headings) grouped by article, in article order."""
    groups: dict[str, list[Sentence]] = {}
    for s in sentences:
        if not s.heading:
            groups.setdefault(s.article_id, []).append(s)
    return list(groups.values())


def lead_order(sentences: Sequence[Sentence]) -> list[Sentence]:
    """First article's sentences in order, then the next article's, and so on."""
    return [s for group in by_article(sentences) for s in group]


def round_robin_order(sentences: Sequence[Sentence]) -> list[Sentence]:
    """First sentence of every article in turn, then every second sentence, ..."""
    return [s for row in zip_longest(*by_article(sentences)) for s in row if s is not None]


def summary_text(chosen: Sequence[Sentence], words: int | None) -> str:
    """The chosen sentences joined and cut at ``words`` words."""
    return truncate_words(" ".join(s.text for s in chosen), words)
