"""Per-sentence features: how long each sentence is and where it stands.

Computed once per cluster by the represent stage, indexed like ``sentences``; order and
compose read nothing else about the cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from tomtat.model import CleanArticle, Sentence


@dataclass(frozen=True)
class SentenceFeatures:
    """Length and place of each sentence of a cluster.

    - ``sentences``: the sentences described, with their identities;
    - ``words``: whitespace word count of each sentence;
    - ``article``: ordinal of each sentence's article in the cluster;
    - ``position``: index of the sentence among its article's non-heading sentences;
    - ``article_sentences``: (m,) number of non-heading sentences in each article.
    """

    sentences: tuple[Sentence, ...]
    words: np.ndarray
    article: np.ndarray
    position: np.ndarray
    article_sentences: np.ndarray

    def __len__(self) -> int:
        return len(self.sentences)

    @property
    def relative_position(self) -> np.ndarray:
        """Position of each sentence inside its article, in [0, 1): 0 for the lead."""
        total = np.maximum(self.article_sentences[self.article], 1) if len(self) else np.zeros(0)
        result: np.ndarray = self.position / total
        return result


def sentence_features(
    articles: Sequence[CleanArticle], sentences: Sequence[Sentence], words: Sequence[int] | None = None
) -> SentenceFeatures:
    """Word counts and positions of ``sentences`` of ``articles``; ``words`` holds the
    word counts when the tokenize stage has made them (``TokenRows.words``)."""
    n = len(sentences)
    ordinal = {a.id: i for i, a in enumerate(articles)}
    owners = np.fromiter(map(ordinal.__getitem__, map(attrgetter("article_id"), sentences)), dtype=int, count=n)
    counted = ~np.fromiter(map(attrgetter("heading"), sentences), dtype=bool, count=n)
    # position: the non-heading sentences of the same article before each one, from
    # one running count over the sentences grouped by article (in their order)
    order = np.argsort(owners, kind="stable")
    running = np.cumsum(counted[order]) - counted[order]
    sizes = np.bincount(owners, weights=counted, minlength=len(articles)).astype(int)
    first = np.concatenate(([0], np.cumsum(sizes)[:-1]))  # running count where each article starts
    position = np.empty(n, dtype=int)
    position[order] = running - first[owners[order]]
    return SentenceFeatures(
        sentences=tuple(sentences),
        words=np.fromiter(
            map(len, map(str.split, map(attrgetter("text"), sentences))) if words is None else words, dtype=int, count=n
        ),
        article=owners,
        position=position,
        article_sentences=sizes,
    )
