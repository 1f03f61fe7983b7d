"""The budget filler every selection method ends with.

``fill`` takes a method's ranking and keeps the rules that hold whatever the method:
whole sentences within the cluster's ``Limits``, no near-duplicates (``NEAR_DUPLICATE``),
a sentence pointing back ("Tuy nhiên, ...") only right after its antecedent, and,
when the story stage found sub-events, each main event's best sentence tried first
(``spread_over_events``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.eligibility import antecedents

# Two sentences this similar (cosine of TF-IDF vectors) are the same news told twice,
# usually one agency copying another: they never both appear, whatever the method.
NEAR_DUPLICATE = 0.7

# Digit runs, masked when telling whether two sentences say the same thing but for a
# number ("Cuộc họp lần thứ 1." / "... lần thứ 2."): for short sentences the one differing
# number keeps their cosine under ``NEAR_DUPLICATE``, yet a reader sees a repeat.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

# Room left at the end of the budget is not filled with a sentence this short: such
# fragments ("Ông nói thêm.") read as debris and add little.
MIN_FILLER_WORDS = 8

# How many of the best-ranked candidates get their similarities computed in one
# block; candidates further down (rarely reached) are compared one by one.
_BLOCK = 160

# The sub-event of each sentence of a cluster (indexed like ``rep.sentences``; None:
# the sentence tells no sub-event), as the story stage assigns it.
SentenceEvents = Sequence[int | None]


class Gathered:
    """The TF-IDF entries of a list of rows, gathered once (and extended as the list
    grows, as the summary does), so that comparing a sentence with all of them is one
    pass over their entries."""

    def __init__(self, tfidf: sparse.csr_matrix) -> None:
        self._tfidf = tfidf
        self._scratch = np.zeros(tfidf.shape[1])  # one dense row, all zeros between uses
        self._clear()

    def _clear(self) -> None:
        self.rows: list[int] = []
        self._cols = np.zeros(0, dtype=self._tfidf.indices.dtype)
        self._data = np.zeros(0)
        self._owner = np.zeros(0, dtype=np.intp)

    def follow(self, rows: Sequence[int]) -> None:
        """Gather the entries of ``rows`` (only the new ones when ``rows`` extends the
        rows gathered so far)."""
        if list(rows[: len(self.rows)]) != self.rows:
            self._clear()
        new = rows[len(self.rows) :]
        if not new:
            return
        indptr, indices, data = self._tfidf.indptr, self._tfidf.indices, self._tfidf.data
        spans = [(indptr[j], indptr[j + 1]) for j in new]
        self._cols = np.concatenate([self._cols, *(indices[a:b] for a, b in spans)])
        self._data = np.concatenate([self._data, *(data[a:b] for a, b in spans)])
        first = len(self.rows)
        self._owner = np.concatenate([self._owner, np.repeat(np.arange(first, first + len(new)), [b - a for a, b in spans])])
        self.rows.extend(new)

    def cosines(self, i: int) -> np.ndarray:
        """Cosine similarity of row ``i`` to each gathered row: for each, the products
        of its entries with row ``i`` added in column order, the very sum
        ``tfidf[rows] @ tfidf[i].T`` makes (products of grams the two do not share are
        0 and change no sum)."""
        indptr = self._tfidf.indptr
        a, b = indptr[i], indptr[i + 1]
        cols = self._tfidf.indices[a:b]
        self._scratch[cols] = self._tfidf.data[a:b]
        products = self._data * self._scratch[self._cols]
        self._scratch[cols] = 0.0
        result: np.ndarray = np.bincount(self._owner, weights=products, minlength=len(self.rows))
        return result


class Similarities:
    """Cosine similarities of ranked candidates: a block for the best ``_BLOCK`` of
    them when a re-ranker asks for it (``among``), else only those the filler asks for
    (a candidate against the chosen sentences' ``Gathered`` entries).

    A method that re-ranks its head (``mmr_order``) and then fills the budget builds it
    once and hands it to both, instead of each computing its own block. Every value is
    the same number whichever way it is computed (each is the sum, in column order, of
    the products of the two rows' common entries), so sharing changes no decision.
    """

    def __init__(self, rep: Representation, ranking: list[int]) -> None:
        self.rep = rep
        self.head = ranking[:_BLOCK]
        self.slot = {i: k for k, i in enumerate(self.head)}
        self._block: np.ndarray | None = None
        self._chosen = Gathered(rep.vectors.tfidf)

    @property
    def block(self) -> np.ndarray:
        """Dense similarities among the head, computed on first use."""
        if self._block is None:
            self._block = self.rep.vectors.similarities(self.head) if self.head else np.zeros((0, 0))
        return self._block

    def among(self, rows: list[int]) -> np.ndarray:
        """Dense (k, k) similarities among ``rows``, as ``rep.vectors.similarities(rows)``."""
        if not all(i in self.slot for i in rows):
            return self.rep.vectors.similarities(rows)
        slots = [self.slot[i] for i in rows]
        return self.block[np.ix_(slots, slots)]

    def max_to(self, i: int, chosen: list[int]) -> float:
        """The highest similarity of sentence ``i`` to any of ``chosen`` (0 if none)."""
        if not chosen:
            return 0.0
        k = self.slot.get(i)
        if self._block is not None and k is not None and all(j in self.slot for j in chosen):
            return float(self._block[k, [self.slot[j] for j in chosen]].max())
        self._chosen.follow(chosen)
        return float(np.max(self._chosen.cosines(i)))


def number_blind(text: str) -> str:
    """``text`` case-folded with every number replaced by ``0``: two sentences with the
    same result repeat each other whatever their numbers."""
    return _NUMBER.sub("0", text.casefold())


class Picked:
    """The summary so far, as every admission sees it: the chosen rows in order, their
    words, and their ``number_blind`` texts. The filler and selection by event both
    admit against it, so "repeats a chosen sentence but for its numbers" is one rule."""

    def __init__(self, rep: Representation) -> None:
        self._rep = rep
        self.chosen: list[int] = []
        self.taken: set[int] = set()
        self.words = 0
        self._said: set[str] = set()
        self._blind: dict[int, str] = {}  # number_blind texts computed so far

    def _number_blind(self, i: int) -> str:
        text = self._blind.get(i)
        if text is None:
            text = self._blind[i] = number_blind(self._rep.sentences[i].text)
        return text

    def repeats(self, i: int) -> bool:
        """Sentence ``i`` is already chosen, or says a chosen one's text but for numbers."""
        return i in self.taken or self._number_blind(i) in self._said

    def add(self, i: int) -> None:
        self.chosen.append(i)
        self.taken.add(i)
        self._said.add(self._number_blind(i))
        self.words += int(self._rep.features.words[i])


def spread_over_events(ranking: Sequence[int], events: SentenceEvents, min_share: float = 0.1) -> list[int]:
    """Reorder a ranking so each main sub-event's best sentence comes first.

    ``ranking`` is any method's ranking (sentence indices, best first); ``events[i]``
    is the sub-event of sentence ``i``. Main events are those holding at least
    ``min_share`` of the ranked sentences. Their best sentences come first, in the
    order of the ranking; every other sentence follows in its original order. With
    fewer than two main events, the ranking is returned unchanged, so a budgeted
    summary touches each main event instead of only the largest.
    """
    sizes = Counter(e for i in ranking if (e := events[i]) is not None)
    main = {e for e, n in sizes.items() if n >= min_share * max(1, len(ranking))}
    if len(main) < 2:
        return list(ranking)
    heads: list[int] = []
    seen: set[int] = set()
    for i in ranking:
        e = events[i]
        if e in main and e not in seen:
            seen.add(e)
            heads.append(i)
    head_set = set(heads)
    return heads + [i for i in ranking if i not in head_set]


def fill(
    rep: Representation,
    ranking: Iterable[int],
    limits: Limits,
    events: SentenceEvents | None = None,
    redundancy: float | None = 0.5,
    follow_up: bool = True,
    similarities: Similarities | None = None,
) -> list[int]:
    """Take sentences in ``ranking`` order while they fit ``limits``.

    A sentence that does not fit is skipped (a shorter one later may still fit); one
    whose cosine similarity to an already chosen sentence exceeds ``redundancy`` (and
    always ``NEAR_DUPLICATE``) is skipped as a repeat, and so is one that differs from a
    chosen sentence only in its numbers (``number_blind``). A sentence that opens with a
    connective pointing back ("Tuy nhiên, ...") is never ranked on its own: with
    ``follow_up``, it may fill room left once the sentence before it in its article is
    taken. Once a sentence did not fit, the room left is never filled with a fragment
    (fewer than ``MIN_FILLER_WORDS`` words). With ``events``, the best-ranked sentence
    of each main sub-event is tried first, so the summary touches every main event. If
    nothing fits, the best-ranked sentence alone is returned. ``similarities`` may hold
    the block the caller already computed for the same candidates.
    """
    ranking = list(ranking)
    if events is not None:
        ranking = spread_over_events(ranking, events)
    limit = limits.words
    threshold = NEAR_DUPLICATE if redundancy is None else min(redundancy, NEAR_DUPLICATE)
    needs = antecedents(rep)
    sim = Similarities(rep, ranking) if similarities is None else similarities
    picked = Picked(rep)
    words: list[int] = rep.features.words.tolist()
    filling = False  # set once a sentence did not fit: what follows only fills room left

    def admit(i: int) -> None:
        nonlocal filling
        if limits.full(len(picked.chosen)) or i in picked.taken:
            return
        if limit is not None and picked.words + words[i] > limit:
            filling = True
            return
        if filling and words[i] < MIN_FILLER_WORDS:
            return
        if sim.max_to(i, picked.chosen) > threshold or picked.repeats(i):
            return
        picked.add(i)

    for i in ranking:
        if limits.full(len(picked.chosen)):
            break
        if i not in needs:
            admit(i)
    if follow_up:
        # Second pass: a sentence that continues a chosen one ("Tuy nhiên, ...") may
        # use the room left, right after its antecedent in reading order.
        for i, before in sorted(needs.items()):
            if before in picked.taken and before != i:
                admit(i)
    if not picked.chosen and ranking:
        return [ranking[0]]
    return picked.chosen
