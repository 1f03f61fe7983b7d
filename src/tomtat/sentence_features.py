"""Per-sentence features: how long each sentence is and where it stands.

Computed once per cluster by the represent stage, indexed like ``sentences``; order and
compose read nothing else about the cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


def sentence_features(articles: Sequence[CleanArticle], sentences: Sequence[Sentence]) -> SentenceFeatures:
    """Word counts and positions of ``sentences`` of ``articles``."""
    ordinal = {a.id: i for i, a in enumerate(articles)}
    owners = [ordinal[s.article_id] for s in sentences]
    position = []
    seen = [0] * len(articles)
    for j, s in zip(owners, sentences):
        position.append(seen[j])
        if not s.heading:
            seen[j] += 1
    return SentenceFeatures(
        sentences=tuple(sentences),
        words=np.fromiter((len(s.text.split()) for s in sentences), dtype=int, count=len(sentences)),
        article=np.array(owners, dtype=int),
        position=np.array(position, dtype=int),
        article_sentences=np.array(seen, dtype=int),
    )
