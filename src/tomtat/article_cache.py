"""``ArticleCache``: the pipeline's per-article work, kept between runs over growing clusters.

A story store summarises a story again each time articles join it, so most of each run
is over articles it has seen before. Part of the pipeline depends on one article alone:

- the cleaner's pass over one article (repair, normalise, line rules, repeats:
  ``tomtat.clean.cleaner.clean_lines``), before the cluster-wide evidence step;
- the split of a cleaned article into sentences (``split_article``).

(The sentences' tokens depend on one article too, but they take about 20 times the
memory of its text, for a few per cent of a summary's time: they are not kept.)

An ``ArticleCache`` keeps these results for the articles used most recently, at most
``size`` of each kind (least recently used out first), keyed by the whole input they
depend on (the ``Article``, or the ``CleanArticle`` after the cluster-wide step), so a
hit returns exactly what a fresh computation would. It is owned by whoever makes the
runs (a ``Store``, one worker process) and handed to ``summarize_cluster``; nothing is
kept anywhere else. Results are shared between runs: callers must not mutate them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from tomtat.clean.cleaner import CleanLines, clean_lines
from tomtat.clean.rules import Rule
from tomtat.model import Article, CleanArticle, Sentence
from tomtat.text.sentences import split_article

K = TypeVar("K")
V = TypeVar("V")

DEFAULT_SIZE = 1000  # articles (about 20 KB each): those of the stories a few store passes change


class _LRU(Generic[K, V]):
    """At most ``size`` values, the least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        try:
            self._values.move_to_end(key)
            return self._values[key]
        except KeyError:
            value = make()
            self._values[key] = value
            if len(self._values) > self.size:
                self._values.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        self._values.clear()


class ArticleCache:
    """Per-article results of the clean and split stages, ``size`` articles of each at
    most (see the module docstring)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self._lines: _LRU[Article, CleanLines] = _LRU(size)
        self._sentences: _LRU[CleanArticle, tuple[Sentence, ...]] = _LRU(size)
        self._rules: Sequence[Rule] | None = None

    def __len__(self) -> int:
        """Articles held (the larger of the two kinds)."""
        return max(len(self._lines), len(self._sentences))

    def clean_lines(self, article: Article, rules: Sequence[Rule]) -> CleanLines:
        """``clean_lines(article, rules)``, remembered (for one set of rules at a time)."""
        if rules is not self._rules:
            self._lines.clear()
            self._rules = rules
        return self._lines.get(article, lambda: clean_lines(article, rules))

    def sentences(self, article: CleanArticle) -> tuple[Sentence, ...]:
        """``split_article(article)``, remembered."""
        return self._sentences.get(article, lambda: tuple(split_article(article)))
