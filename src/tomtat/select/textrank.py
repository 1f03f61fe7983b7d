"""TextRank (Mihalcea & Tarau 2004): PageRank over a graph whose edge weights are the
number of content syllables two sentences share, divided by the sum of the logs of
their lengths (so long sentences do not win by length alone).

The graph has at most ``limit`` nodes (the most centroid-like eligible sentences).
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
class TextRank:
    """PageRank on the word-overlap graph of the original TextRank."""

    name: ClassVar[str] = "textrank"
    description: ClassVar[str] = "TextRank: PageRank on the word-overlap graph"

    damping: float = 0.85
    limit: int = 300
    redundancy: float = 0.5

    def scores(self, rep: Representation) -> np.ndarray:
        """TextRank score of each candidate sentence; -inf for the others."""

        def build(idx: np.ndarray) -> np.ndarray:
            words = (rep.vectors.counts[idx][:, ~rep.vectors.bigram] > 0).astype(np.float64)
            overlap = (words @ words.T).toarray()
            logs = np.log(np.maximum(rep.features.words[idx], 2)).astype(float)
            graph = overlap / (logs[:, None] + logs[None, :])
            np.fill_diagonal(graph, 0.0)
            return graph

        return graph_scores(rep, self.limit, self.damping, build)

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        order = ranked(self.scores(rep), tiebreak=rep.vectors.tfidf @ rep.vectors.centroid)
        return fill(rep, order, limits, events, self.redundancy)
