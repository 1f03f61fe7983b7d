"""Greedy concept coverage mixed with a relevance score (ICSI-style concepts, Gillick &
Favre 2009, taken greedily instead of by an ILP).

Concepts are the cluster's syllable bigrams used by at least two articles (not made of
stopwords only; one with a single stopword syllable, "của_nga", counts for less than
one of two content syllables, "khí_đốt"). Each article votes for a concept by how
early it first uses it,
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
    rep: Representation,
    decay: float,
    min_articles: int = 2,
    spread: np.ndarray | None = None,
    half_function: float = 1.0,
) -> np.ndarray:
    """(V,) each concept's weight: the sum over articles of 1 / (1 + p) ** ``decay``,
    p the position of the first sentence of the article using it, times
    ``half_function`` for a bigram with one stopword syllable ("của_nga": half of it
    is grammar, not news); 0 for grams that are not concepts (``ilp.concept_weights``;
    ``spread``: ``features.gram_spread`` when the caller has it)."""
    concepts = concept_weights(rep, min_articles, spread) > 0
    counts = rep.vectors.counts
    vocab = counts.shape[1]
    f = rep.features
    rows = rep.vectors.entry_rows
    keep = concepts[counts.indices]  # other grams get no weight: their entries are left out
    rows, grams = rows[keep], counts.indices[keep]
    # (article, gram, position) of every entry packed in one integer: sorted, the first
    # of each (article, gram) holds the position of the article's first use of the gram.
    span = int(f.position.max(initial=0)) + 1
    packed = np.sort((f.article[rows].astype(np.int64) * vocab + grams) * span + f.position[rows])
    pair = packed // span
    first = np.concatenate(([True], pair[1:] != pair[:-1])) if pair.size else np.zeros(0, dtype=bool)
    vote = 1.0 / (1.0 + np.arange(span)) ** decay  # the vote of a first use at each position
    # Pairs sorted by article: each gram's votes are added in article order, as a sum
    # over the articles' rows would add them.
    votes = np.bincount(pair[first] % vocab, weights=vote[packed[first] % span], minlength=vocab)
    if half_function != 1.0:
        votes = np.where(rep.vectors.half_function, half_function * votes, votes)
    return votes


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
    finite = np.isfinite(relevance)
    candidates = np.flatnonzero(finite)
    if not len(candidates):
        return []
    rel = relevance[candidates]
    span = rel.max() - rel.min()
    rel = (rel - rel.min()) / span if span > 0 else np.ones_like(rel)
    # The candidates' entries of a weighted gram, row by row in column order: a gram of
    # weight 0 adds nothing to any sum, so each sentence's gain is the same sum (added
    # in the same order) as over all its grams.
    counts = rep.vectors.counts
    rows = rep.vectors.entry_rows
    entries = np.flatnonzero(finite[rows] & (counts.data > 0) & (weights[counts.indices] != 0))
    cols = counts.indices[entries]
    owner = (np.cumsum(finite) - 1)[rows[entries]]  # the candidate holding each entry
    bounds = np.searchsorted(owner, np.arange(len(candidates) + 1))
    length = np.maximum(rep.features.words[candidates], 1).astype(float) ** r
    left = weights.astype(float)  # concept weights not yet covered
    scale = float((np.bincount(owner, weights=left[cols], minlength=len(candidates)) / length).max()) or 1.0
    base = (1 - gamma) * rel  # -inf once taken
    sizes = rep.features.words[candidates].tolist()
    order: list[int] = []
    taken = 0
    while len(order) < min(steps, len(candidates)) and (words is None or taken < words):
        gain = base + gamma * np.bincount(owner, weights=left[cols], minlength=len(candidates)) / length / scale
        k = int(np.argmax(gain))
        base[k] = -np.inf
        order.append(int(candidates[k]))
        taken += sizes[k]
        left[cols[bounds[k] : bounds[k + 1]]] = 0.0
    return order
