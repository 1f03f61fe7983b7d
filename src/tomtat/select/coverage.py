"""Greedy concept coverage mixed with a relevance score (ICSI-style concepts, Gillick &
Favre 2009, taken greedily instead of by an ILP).

Concepts are the cluster's syllable bigrams used by at least two articles (not made of
stopwords only; one with a single stopword syllable, "của_nga", counts for less than
one of two content syllables, "khí_đốt"). Each article votes for a concept by how early it first uses it,
1 / (1 + position of that sentence in the article) ** ``decay``: what several articles
put near their top is what the story is about, a signal read from the cluster itself
(not a fixed bonus for first sentences, which the corpora disagree on).

Sentences are then taken one at a time by

    (1 - gamma) * relevance + gamma * (weight of the concepts it adds) / words ** r,

relevance scaled to [0, 1] over the candidates and the concept gain to [0, 1] by its
first-step maximum. A concept counts once, so the gain of a sentence repeating what is
already taken falls: coverage handles redundancy where MMR would.
"""

from __future__ import annotations

import numpy as np

from tomtat.represent import Representation
from tomtat.select.ilp import concept_weights


def early_concept_weights(
    rep: Representation, decay: float, min_articles: int = 2, half_function: float = 1.0
) -> np.ndarray:
    """(V,) each concept's weight: the sum over articles of 1 / (1 + p) ** ``decay``,
    p the position of the first sentence of the article using it, times
    ``half_function`` for a bigram with one stopword syllable ("của_nga": half of it
    is grammar, not news); 0 for grams that are not concepts (``ilp.concept_weights``)."""
    counts = rep.vectors.counts.tocoo()
    m, vocab = len(rep.articles), counts.shape[1]
    f = rep.features
    first = np.full(m * vocab, np.inf)
    np.minimum.at(first, f.article[counts.row].astype(np.int64) * vocab + counts.col, f.position[counts.row])
    by_article = first.reshape(m, vocab)
    seen = np.isfinite(by_article)
    votes = np.where(seen, 1.0 / (1.0 + np.where(seen, by_article, 0.0)) ** decay, 0.0).sum(axis=0)
    if half_function != 1.0:
        votes = np.where(rep.vectors.half_function, half_function * votes, votes)
    return np.where(concept_weights(rep, min_articles) > 0, votes, 0.0)


def coverage_order(
    rep: Representation,
    relevance: np.ndarray,
    weights: np.ndarray,
    gamma: float,
    r: float,
    words: int | None,
    steps: int = 40,
) -> list[int]:
    """Sentences with a finite ``relevance`` taken greedily by the mix in the module
    docstring, until they hold ``words`` words (None: ``steps`` sentences at most);
    the rest of the candidates are not returned (the caller appends its ranking)."""
    candidates = np.flatnonzero(np.isfinite(relevance))
    if not len(candidates):
        return []
    rel = relevance[candidates]
    span = rel.max() - rel.min()
    rel = (rel - rel.min()) / span if span > 0 else np.ones_like(rel)
    has = (rep.vectors.counts[candidates] > 0).astype(float).tocsr()
    length = np.maximum(rep.features.words[candidates], 1).astype(float) ** r
    scale = float((has @ weights / length).max()) or 1.0
    covered = np.zeros(len(weights), dtype=bool)
    alive = np.ones(len(candidates), dtype=bool)
    order: list[int] = []
    taken = 0
    while alive.any() and len(order) < steps and (words is None or taken < words):
        gain = (1 - gamma) * rel + gamma * (has @ np.where(covered, 0.0, weights)) / length / scale
        k = int(np.argmax(np.where(alive, gain, -np.inf)))
        alive[k] = False
        order.append(int(candidates[k]))
        taken += int(rep.features.words[candidates[k]])
        covered[has[k].indices] = True
    return order
