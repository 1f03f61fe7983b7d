"""Learned: a linear sentence scorer trained on human summaries, then MMR.

Each sentence is described by ``features.NAMES`` (all relative: position inside its
article, agreement with the other articles, similarity to the centroid and titles,
length, numbers, names, quotes, ...), standardised within its cluster so that the
weights mean the same for a short and a long cluster. The weights were fitted with a
pairwise ranking loss (which of two sentences of a cluster shares more bigrams with
the references) on vims-dev, cross-validated by cluster folds, by
``bench/train_scorer.py``; they ship in ``tomtat/data/scorer.json``. Inference is a
dot product in numpy: no model library at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from tomtat.data import read_json
from tomtat.errors import TomtatError
from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select import features
from tomtat.select.base import ranked
from tomtat.select.fill import SentenceEvents, fill
from tomtat.select.eligibility import eligible_mask
from tomtat.select.mmr import mmr_order

MODEL_FILE = "scorer.json"


def standardize(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Columns of ``x`` centred and scaled over the rows in ``mask`` (one cluster)."""
    rows = x[mask] if mask.any() else x
    if rows.shape[0] == 0:
        return x
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    return (x - rows.mean(axis=0)) / scale


def check_model(model: dict[str, Any]) -> np.ndarray:
    """The weight vector of ``model``, after checking it was trained on our features."""
    names = tuple(model.get("features", ()))
    if names != features.NAMES:
        raise TomtatError(
            f"the learned scorer was trained on features {list(names)}, "
            f"but this tomtat computes {list(features.NAMES)}; retrain with bench/train_scorer.py"
        )
    return np.asarray(model["weights"], dtype=float)


@dataclass
class Learned:
    """Learned linear relevance, MMR re-ranking, greedy under the budget."""

    name: ClassVar[str] = "learned"
    description: ClassVar[str] = "learned sentence scorer (pairwise ranking, numpy inference)"

    model: dict[str, Any] = field(default_factory=lambda: read_json(MODEL_FILE))

    def scores(self, rep: Representation) -> np.ndarray:
        """Learned relevance of each sentence; ineligible ones get -inf."""
        weights = check_model(self.model)
        mask = eligible_mask(rep)
        if not len(rep):
            return np.zeros(0)
        score = standardize(features.matrix(rep), mask) @ weights
        return np.where(mask, score, -np.inf)

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        score = self.scores(rep)
        sel = self.model.get("selection", {})
        order = mmr_order(rep, ranked(score), score, float(sel.get("mmr_lambda", 0.45)), int(sel.get("limit", 64)))
        return fill(rep, order, limits, events, float(sel.get("redundancy", 0.3)))
