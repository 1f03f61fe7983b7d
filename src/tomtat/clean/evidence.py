"""Evidence from the cluster: short lines that recur across several articles.

Site furniture ("Chia sẻ bài viết lên facebook", a newsletter blurb, a section name)
repeats verbatim across articles crawled from one outlet. A line that is not shaped
like a sentence and appears in at least ``min_articles`` articles is such furniture.
Sentences are never removed this way: syndicated articles legitimately share them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tomtat.clean.lines import Line, heading_shaped
from tomtat.clean.repeats import line_key
from tomtat.model import Removal

REASON = "repeated-across-articles"


def _candidate(text: str) -> bool:
    return heading_shaped(text, max_words=12)


def shared_lines(articles: Sequence[Sequence[Line]], min_articles: int = 3) -> frozenset[str]:
    """Keys of non-sentence lines found in at least ``min_articles`` of the articles."""
    if len(articles) < min_articles:
        return frozenset()
    counts: Counter[str] = Counter()
    for lines in articles:
        counts.update({line_key(line.text) for line in lines if _candidate(line.text)})
    return frozenset(k for k, n in counts.items() if n >= min_articles and k)


def drop_shared(article_id: str, lines: list[Line], shared: frozenset[str]) -> tuple[list[Line], list[Removal]]:
    """Remove from one article the lines whose key is in ``shared``."""
    if not shared:  # the usual case: nothing recurs
        return list(lines), []
    kept, removed = [], []
    for line in lines:
        if _candidate(line.text) and line_key(line.text) in shared:
            removed.append(Removal(article_id, line.text, REASON, line.line_no))
        else:
            kept.append(line)
    return kept, removed
