"""ILP concept coverage (Gillick & Favre 2009, "A scalable global model for
summarization").

Concepts are syllable bigrams (not made only of stopwords) that occur in at least
``min_articles`` articles of the cluster, weighted by how many articles use them. The
summary maximises the total weight of the concepts it contains, each counted once,
under the word budget:

    maximise  sum_c w_c * c_c
    subject to  sum_s len_s * s_s <= L,   s_s <= c_c for each c in s,
                c_c <= sum_{s contains c} s_s,   s_i + s_j <= 1 for near-duplicates,

solved exactly by scipy's HiGHS (``scipy.optimize.milp``). The problem is capped
(``concepts`` heaviest concepts, ``limit`` candidate sentences) so it stays small however
long the input: on vims-dev every cluster solves to the gap in under 1 s of CPU. The
time limit (wall clock) is only a safety net far above that, because a result cut short
by it depends on how busy the machine is (a 0.5 s limit changed the summaries of about
one cluster in ten under load); on failure or timeout the best feasible answer is used,
or a greedy fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from scipy import sparse

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.base import ranked
from tomtat.select.fill import NEAR_DUPLICATE, SentenceEvents, fill
from tomtat.select.eligibility import eligible_mask
from tomtat.select.features import gram_spread


def concept_weights(rep: Representation, min_articles: int, spread: np.ndarray | None = None) -> np.ndarray:
    """(V,) weight of each gram as a concept: its number of articles, 0 if it is a
    unigram, made of stopwords only, or in fewer than ``min_articles`` articles
    (``spread``: ``features.gram_spread`` when the caller has it)."""
    m = len(rep.articles)
    weight = np.rint((gram_spread(rep) if spread is None else spread) * m)
    weight[~rep.vectors.bigram] = 0.0
    weight[weight < min(min_articles, m)] = 0.0
    weight[rep.vectors.function] = 0.0
    return weight


@dataclass
class ILP:
    """Exact concept coverage under the budget, with HiGHS."""

    name: ClassVar[str] = "ilp"
    description: ClassVar[str] = "ILP concept coverage (Gillick & Favre 2009), HiGHS"

    min_articles: int = 3
    concepts: int = 150
    limit: int = 100
    time_limit: float = 10.0  # a safety net only: see the module docstring
    gap: float = 0.03
    redundancy: float = 0.5

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        mask = eligible_mask(rep)
        central = np.where(mask, rep.vectors.tfidf @ rep.vectors.centroid, -np.inf)
        fallback = ranked(central)
        weight = concept_weights(rep, self.min_articles)
        if not weight.any():
            return fill(rep, fallback, limits, events, self.redundancy)
        cols = np.flatnonzero(weight)
        cols = cols[np.argsort(-weight[cols], kind="stable")[: self.concepts]]
        occurs = (rep.vectors.counts[:, cols] > 0).astype(np.float64).tocsr()
        value = np.asarray(occurs @ weight[cols]).ravel()
        cand = np.flatnonzero(mask & (value > 0))
        if cand.size == 0:
            return fill(rep, fallback, limits, events, self.redundancy)
        cand = cand[np.argsort(-value[cand] / np.maximum(rep.features.words[cand], 1), kind="stable")[: self.limit]]
        picked = self._solve(rep, limits, cand, occurs[cand], weight[cols])
        if picked is None:
            order = cand[np.argsort(-value[cand], kind="stable")]
            picked = [int(i) for i in order]
        rest = [i for i in fallback if i not in set(picked)]
        return fill(rep, picked + rest, limits, events, self.redundancy)

    def _solve(
        self, rep: Representation, limits: Limits, cand: np.ndarray, occurs: sparse.csr_matrix, w: np.ndarray
    ) -> list[int] | None:
        """Chosen candidates (heaviest first), or None when the solver gives nothing."""
        # imported here: scipy.optimize costs about 0.3 s of CPU to import, which every
        # tomtat process (the CLI, each batch worker) would pay for a method it may not use
        from scipy.optimize import Bounds, LinearConstraint, milp

        ns, nc = occurs.shape
        limit = limits.words
        rows: list[sparse.coo_matrix] = []
        lower = []
        upper = []
        # s_s - c_c <= 0 for each occurrence; c_c - sum_s s_s <= 0 for each concept.
        occ = occurs.tocoo()
        k = occ.nnz
        a = sparse.coo_matrix(
            (np.r_[np.ones(k), -np.ones(k)], (np.r_[np.arange(k), np.arange(k)], np.r_[occ.row, ns + occ.col])),
            shape=(k, ns + nc),
        )
        rows.append(a)
        lower.append(np.full(k, -np.inf))
        upper.append(np.zeros(k))
        b = sparse.hstack([-occurs.T, sparse.identity(nc)], format="coo")
        rows.append(b)
        lower.append(np.full(nc, -np.inf))
        upper.append(np.zeros(nc))
        if limit is not None:
            rows.append(sparse.coo_matrix(np.r_[rep.features.words[cand].astype(float), np.zeros(nc)][None, :]))
            lower.append(np.array([-np.inf]))
            upper.append(np.array([float(limit)]))
        if limits.sentences is not None:
            rows.append(sparse.coo_matrix(np.r_[np.ones(ns), np.zeros(nc)][None, :]))
            lower.append(np.array([-np.inf]))
            upper.append(np.array([float(limits.sentences)]))
        sims = np.triu(rep.vectors.similarities(cand.tolist()), 1)
        pi, pj = np.nonzero(sims > NEAR_DUPLICATE)
        if pi.size:
            p = pi.size
            rows.append(
                sparse.coo_matrix((np.ones(2 * p), (np.r_[np.arange(p), np.arange(p)], np.r_[pi, pj])), shape=(p, ns + nc))
            )
            lower.append(np.full(p, -np.inf))
            upper.append(np.ones(p))
        constraints = LinearConstraint(sparse.vstack(rows).tocsr(), np.concatenate(lower), np.concatenate(upper))
        objective = np.r_[-1e-4 * rep.features.words[cand] / max(limit or 1, 1), -w]  # ties: prefer fuller summaries
        result = milp(
            objective,
            constraints=constraints,
            integrality=np.ones(ns + nc, dtype=np.int64),
            bounds=Bounds(0, 1),
            options={"time_limit": self.time_limit, "disp": False, "mip_rel_gap": self.gap},
        )
        if result.x is None:
            return None
        chosen = np.flatnonzero(result.x[:ns] > 0.5)
        gain = np.asarray(occurs[chosen] @ w).ravel()
        return [int(cand[i]) for i in chosen[np.argsort(-gain, kind="stable")]]
