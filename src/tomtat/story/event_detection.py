"""Event detection: whether a cluster tells one story or several distinct events.

The story stage's sub-events (:mod:`tomtat.story.events`) split a cluster finely, by
anchor date: one story reported over a week is several sub-events. Detection works on
articles instead, joining them average-linkage while two groups

- share enough content: cosine of their summed content bags >= ``SAME_STORY``
  (two stories joined by accident share few words);
- and are not placed in different years by their dates: every day or month one group
  dates (with a written, published or inferred year, or an inferred range) lies in
  years none of the other group's dates can be in. All of the dates, not only each
  article's first, so that one recalled date ("hồi tháng 9/2014") does not split a
  story. Years apart keep related reports apart (a 2014 and a 2022 call between the
  same two ministers are two events), unless the two groups tell nearly the same
  text: cosine >= ``SAME_ANYWAY``. Such reports are one story followed over years
  (the anniversary report, last year's case recalled at length), which the dates
  alone would split; distinct events on one theme share their vocabulary far less
  (0.34-0.6 on the four events of the seeds, 0.7 and more for most follow-ups).

``SAME_STORY`` sits in the flat middle of the gap measured on the dev corpora
(docs/BENCHMARKS.md, "Event detection"): 0.35-0.45 give the same results within 2%.
``SAME_ANYWAY`` keeps a 0.1 margin above the cosine at which the seeds' 2014 and
2015 events would join (0.6); 0.65-0.75 give the dev results within 2%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain

import numpy as np

from tomtat.model import Sentence
from tomtat.story.dates import DateMention
from tomtat.story.similarity import bag_of_syllables

SAME_STORY = 0.4
SAME_ANYWAY = 0.7

__all__ = ["SAME_ANYWAY", "SAME_STORY", "article_bags", "detect_events", "year_spans"]

Key = tuple[str, int]


YearSpan = tuple[int, int | None]


def year_spans(dates: Mapping[Key, Sequence[DateMention]]) -> dict[str, list[YearSpan]]:
    """Per article, the years each of its day or month dates can be in (a known year,
    or an inferred range); dates with no year at all are left out."""
    out: dict[str, list[YearSpan]] = {}
    for (aid, _), ds in dates.items():
        for d in ds:
            if d.month is None or d.relative or d.basis == "article":
                continue  # a year borrowed from another date of the article proves nothing
            if d.year is not None:
                out.setdefault(aid, []).append((d.year, d.year))
            elif d.estimate is not None:
                out.setdefault(aid, []).append((d.estimate.first, d.estimate.last))
    return out


def _overlap(a: YearSpan, b: YearSpan) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def article_bags(units: Sequence[Sentence], syllables: Sequence[Sequence[str]]) -> dict[str, Counter[str]]:
    """Each article's content bag (title and sentences), from the syllables the story
    stage already cut (one row per unit, in the order of ``units``)."""
    rows: dict[str, list[Sequence[str]]] = {}
    for s, syls in zip(units, syllables):
        rows.setdefault(s.article_id, []).append(syls)
    return {aid: bag_of_syllables(chain.from_iterable(r)) for aid, r in rows.items()}


def detect_events(
    bags: Mapping[str, Counter[str]],
    dates: Mapping[Key, Sequence[DateMention]],
    same_story: float = SAME_STORY,
    same_anyway: float = SAME_ANYWAY,
) -> list[tuple[str, ...]]:
    """Groups of article ids that tell one event each, in the order of ``bags``.

    ``bags``: each article's content bag (:func:`article_bags`); ``dates``: the story
    stage's resolved dates per sentence key; ``same_story`` and ``same_anyway``: the
    cosines to join at all, and to join across years. Bags become rows of one count matrix, so
    all cosines come from one product and each merge updates one row.
    """
    ids = list(bags)
    n = len(ids)
    if n < 2:
        return [tuple(ids)] if ids else []
    spans = year_spans(dates)
    years = [list(spans.get(a, ())) for a in ids]
    vocab = {w: k for k, w in enumerate(dict.fromkeys(chain.from_iterable(bags[a] for a in ids)))}
    counts = np.zeros((n, max(1, len(vocab))))
    for r, a in enumerate(ids):
        bag = bags[a]
        counts[r, np.fromiter(map(vocab.__getitem__, bag), np.intp, len(bag))] = np.fromiter(bag.values(), float, len(bag))
    norms = np.linalg.norm(counts, axis=1)  # kept per row: only a merged row changes

    def row(i: int) -> np.ndarray:
        """Cosines of group ``i`` with every row, -1 where the years keep them apart
        and the texts are not nearly the same."""
        lengths = norms * norms[i]
        sims = np.divide(counts @ counts[i], lengths, out=np.zeros(n), where=lengths > 0)
        for k in range(n):
            if alive[k] and sims[k] < same_anyway and years[i] and years[k] and not any(_overlap(x, y) for x in years[i] for y in years[k]):
                sims[k] = -1.0
        return sims

    alive = [True] * n
    sims = np.vstack([row(i) for i in range(n)])
    sims[np.tril_indices(n)] = -np.inf
    groups = [[a] for a in ids]
    while True:
        flat = int(np.argmax(sims))
        i, j = divmod(flat, n)
        if sims[i, j] < same_story:
            break
        groups[i].extend(groups[j])
        counts[i] += counts[j]
        years[i].extend(years[j])
        alive[j] = False
        counts[j] = 0.0
        norms[i], norms[j] = np.linalg.norm(counts[i]), 0.0
        sims[j, :] = -np.inf
        sims[:, j] = -np.inf
        fresh = row(i)
        for k in range(n):
            if alive[k] and k != i:
                sims[min(i, k), max(i, k)] = fresh[k]
    order = {a: r for r, a in enumerate(ids)}
    kept = [tuple(sorted(groups[r], key=order.__getitem__)) for r in range(n) if alive[r]]
    return sorted(kept, key=lambda g: order[g[0]])
