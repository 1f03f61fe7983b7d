"""LexRank (Erkan & Radev 2004): a sentence is central if sentences similar to it are
central. PageRank over the graph of cosine similarities above a threshold, with the
edges unweighted (the original "LexRank with threshold"); near-repeats are then
skipped while filling the budget.

The graph has at most ``limit`` nodes (the most centroid-like eligible sentences),
so its cost is bounded however long the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.base import ranked
from tomtat.select.fill import SentenceEvents, fill
from tomtat.select.graph import graph_scores


@dataclass
class LexRank:
    """Eigenvector centrality of the thresholded cosine-similarity graph."""

    name: ClassVar[str] = "lexrank"
    description: ClassVar[str] = "LexRank: PageRank on the sentence similarity graph"

    threshold: float = 0.1
    damping: float = 0.85
    limit: int = 300
    redundancy: float = 0.5

    def scores(self, rep: Representation) -> np.ndarray:
        """LexRank score of each candidate sentence; -inf for the others."""

        def build(idx: np.ndarray) -> np.ndarray:
            return (rep.vectors.similarities(idx.tolist()) > self.threshold).astype(float)

        return graph_scores(rep, self.limit, self.damping, build)

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        order = ranked(self.scores(rep), tiebreak=rep.vectors.tfidf @ rep.vectors.centroid)
        return fill(rep, order, limits, events, self.redundancy)
