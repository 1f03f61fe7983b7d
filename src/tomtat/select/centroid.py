"""Centroid: sentences close to what the cluster as a whole is about, repeated by the
other articles, early in their own; chosen greedily with the concepts several articles
put near their top (``select.coverage``), or with a redundancy penalty (maximal
marginal relevance) when ``coverage_weight`` is 0.

    score = agreement + centrality + spread + position

- agreement: mean similarity to the centroids of the *other* articles (what several
  outlets report, not what one article dwells on);
- centrality: similarity to the centroid of the whole cluster;
- spread: mean share of articles that use each of the sentence's syllable bigrams;
- position: 1 / sqrt(1 + index among its article's sentences).

The head of the summary (until the budget is reached) is taken greedily by a mix of
this score and the weight of the new concepts a sentence adds, concepts weighted by how
early the articles use them, a bigram with one stopword syllable ("của_nga") at a
quarter of its votes (``select.coverage``); the filler completes. With
``coverage_weight`` 0 the head is re-ranked by MMR instead (the default until
2026-12: +0.3-0.4 R-2 on each development corpus since, within noise).

Every feature is relative, never "article number 1" (file order is an artefact of one
corpus, docs/BACKGROUND.md, "ViMs"), and linear in the number of sentences. The few
weights were checked on both development corpora (vims-dev, abmusu-dev) by
``bench/tune_centroid.py`` (``--grid weights`` and ``--grid coverage``): they sit in a
flat region of the smoothed grid and give the best mean of the two (docs/BENCHMARKS.md,
"Tuning"), never tuned per cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.base import ranked
from tomtat.select.fill import SentenceEvents, Similarities, fill
from tomtat.select.coverage import coverage_order, early_concept_weights
from tomtat.select.eligibility import eligible_mask
from tomtat.select.features import agreement, bigram_spread_density, gram_spread, title_similarity
from tomtat.select.mmr import mmr_order


@dataclass
class Centroid:
    """Weighted relevance (see module docstring); the head by early-concept coverage
    (or MMR when ``coverage_weight`` is 0), then the budget filler."""

    name: ClassVar[str] = "centroid"
    description: ClassVar[str] = "centroid + cross-article agreement + spread + position, with early-concept coverage"

    agreement_weight: float = 1.0
    centrality_weight: float = 1.0
    spread_weight: float = 0.5
    position_weight: float = 0.1
    title_weight: float = 0.0
    mmr_lambda: float = 0.45
    limit: int = 64
    redundancy: float = 0.3
    coverage_weight: float = 0.75
    concept_decay: float = 0.75
    half_function_weight: float = 0.25
    length_exponent: float = 0.75

    def scores(self, rep: Representation, spread: np.ndarray | None = None) -> np.ndarray:
        """Relevance of each sentence (higher is better); ineligible ones get -inf.
        ``spread``: ``features.gram_spread`` when the caller has it."""
        if not len(rep):
            return np.zeros(0)
        score = self.agreement_weight * agreement(rep)[0]
        if self.centrality_weight:
            score = score + self.centrality_weight * (rep.vectors.tfidf @ rep.vectors.centroid)
        if self.spread_weight:
            spread = gram_spread(rep) if spread is None else spread
            score = score + self.spread_weight * bigram_spread_density(rep, spread)
        if self.position_weight:
            score = score + self.position_weight / np.sqrt(1.0 + rep.features.position)
        if self.title_weight:
            score = score + self.title_weight * title_similarity(rep)[0]
        return np.where(eligible_mask(rep), score, -np.inf)

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        spread = gram_spread(rep)
        score = self.scores(rep, spread)
        limit = limits.words
        reach = None if limit is None else 4 * limit
        ranking = ranked(score)
        if self.coverage_weight:
            weights = early_concept_weights(
                rep, self.concept_decay, spread=spread, half_function=self.half_function_weight
            )
            head = coverage_order(rep, score, weights, self.coverage_weight, self.length_exponent, limit)
            taken = set(head)
            return fill(rep, head + [i for i in ranking if i not in taken], limits, events, self.redundancy)
        sims = Similarities(rep, ranking)  # one block for MMR and the budget filler
        order = mmr_order(rep, ranking, score, self.mmr_lambda, self.limit, reach, sims)
        return fill(rep, order, limits, events, self.redundancy, similarities=sims)
