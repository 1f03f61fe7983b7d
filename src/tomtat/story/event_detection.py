"""Event detection: whether a cluster tells one story or several distinct events.

The story stage's sub-events (:mod:`tomtat.story.events`) split a cluster finely, by
anchor date: one story reported over a week is several sub-events. Detection works on
articles instead, joining them average-linkage (the summed bags of two groups) while
the two groups

- tell the same content: cosine of their summed content bags >= ``SAME_STORY``; or
  related content (cosine >= ``RELATED``) about the same actors: cosine of the actor
  names each group's articles mention >= ``SAME_ACTORS``. Two stories joined by
  accident share few words and fewer actors; a report that tells one story from
  another side (the company's founder rather than its deal, the traffic police rather
  than the festival) shares the actors though its words differ. Each actor weighs by
  how much the articles that name it are about it (:func:`article_actors`): two
  stories in one city both name the city and its police in passing, while a striker's
  transfer told from his new club and from his old one is about him in both;
- and are not placed in different years by their dates: every day or month one group
  dates lies in years none of the other group's dates can be in. All of the dates,
  not only each article's first, so that one recalled date does not split a story;
  and only dates that place the group itself: a year inferred from evidence (office
  holders, reference events, a weekday, see :mod:`tomtat.story.mention_years`) or
  written in full at least twice in the group. A year written once ("ngày 30/11/2012",
  "ngày 16/12/1957") is as often a date recalled in passing as the group's own; a year
  lent by another article of the cluster (:func:`tomtat.story.events.lend_years`)
  assumes the two articles tell one event, which is what is being decided. And a
  group's years rule out only a group that never writes them itself, at any precision
  (a date, or a year alone: "6 tháng đầu năm 2022"): a report placed in 2023 that also
  dates something in 2022 is about that time too, so it may join a 2022 report. Years
  apart keep related reports apart (a 2014 and a 2022 call between the same two
  ministers are two events), unless the two groups tell nearly the same text:
  cosine >= ``SAME_ANYWAY`` (the anniversary report, last year's case recalled at
  length); distinct events on one theme share their vocabulary far less (0.34-0.6 on
  the four events of the seeds, 0.7 and more for most follow-ups).

The thresholds sit in flat regions measured on the dev corpora (docs/BENCHMARKS.md,
"Event detection"): ``SAME_STORY`` 0.35-0.45, ``RELATED`` 0.25-0.35 and
``SAME_ACTORS`` 0.25-0.35 give results within 2% of each other, on merged pairs drawn
with three seeds; ``SAME_ANYWAY`` changes nothing there from 0.6 up and keeps a 0.1
margin above the cosine at which the seeds' 2014 and 2015 events would join (0.6).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

import numpy as np

from tomtat.model import Entity, Sentence
from tomtat.story.dates import DateMention
from tomtat.story.similarity import bag_of_syllables

SAME_STORY = 0.4
RELATED = 0.3
SAME_ACTORS = 0.3
SAME_ANYWAY = 0.7

__all__ = [
    "RELATED", "SAME_ACTORS", "SAME_ANYWAY", "SAME_STORY", "article_actors", "article_bags",
    "detect_events", "dated_years", "year_spans",
]

Key = tuple[str, int]
YearSpan = tuple[int, int | None]
# a year span and whether its year is written in full (False: inferred from evidence)
DatedSpan = tuple[YearSpan, bool]


def year_spans(dates: Mapping[Key, Sequence[DateMention]]) -> dict[str, list[DatedSpan]]:
    """Per article, the years each of its day or month dates can be in (a known year,
    or an inferred range), each with whether the year is written in full; dates with no
    year of the article's own (none at all, or borrowed from another date of the
    article or another article of the cluster) are left out."""
    out: dict[str, list[DatedSpan]] = {}
    for (aid, _), ds in dates.items():
        for d in ds:
            if d.month is None or d.relative or d.basis in ("article", "cluster"):
                continue
            if d.year is not None:
                out.setdefault(aid, []).append(((d.year, d.year), d.basis == "explicit"))
            elif d.estimate is not None:
                out.setdefault(aid, []).append(((d.estimate.first, d.estimate.last), False))
    return out


def dated_years(dates: Mapping[Key, Sequence[DateMention]]) -> dict[str, list[YearSpan]]:
    """Per article, every year it dates itself, at any precision: the years of its day or
    month dates (:func:`year_spans`, written once or more, or inferred) and the years it
    writes alone ("năm 2022"); years borrowed from elsewhere are left out."""
    out: dict[str, list[YearSpan]] = {}
    for aid, spans in year_spans(dates).items():
        out[aid] = [s for s, _ in spans]
    for (aid, _), ds in dates.items():
        for d in ds:
            if d.month is None and d.year is not None and d.basis == "explicit" and not d.relative:
                out.setdefault(aid, []).append((d.year, d.year))
    return out


def placing_years(spans: Iterable[DatedSpan]) -> list[YearSpan]:
    """The spans that place a group in time: inferred ones, and written years that
    occur at least twice among the group's dates (a year written once may be recalled)."""
    spans = list(spans)
    written = Counter(s for s, explicit in spans if explicit)
    return [s for s, explicit in spans if not explicit or written[s] >= 2]


def _overlap(a: YearSpan, b: YearSpan) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def _meets(a: Sequence[YearSpan], b: Sequence[YearSpan]) -> bool:
    return any(_overlap(x, y) for x in a for y in b)


def years_apart(
    a: Sequence[YearSpan], b: Sequence[YearSpan], a_dated: Sequence[YearSpan], b_dated: Sequence[YearSpan]
) -> bool:
    """Whether two groups' placing years ``a`` and ``b`` rule each other out: both
    groups placed, and neither one's placing years meet any year the other dates itself
    (``a_dated``/``b_dated``, :func:`dated_years`; they hold the placing years)."""
    return bool(a) and bool(b) and not (_meets(a, b_dated) or _meets(b, a_dated))


def article_bags(units: Sequence[Sentence], syllables: Sequence[Sequence[str]]) -> dict[str, Counter[str]]:
    """Each article's content bag (title and sentences), from the syllables the story
    stage already cut (one row per unit, in the order of ``units``)."""
    rows: dict[str, list[Sequence[str]]] = {}
    for s, syls in zip(units, syllables):
        rows.setdefault(s.article_id, []).append(syls)
    return {aid: bag_of_syllables(chain.from_iterable(r)) for aid, r in rows.items()}


def article_actors(entities: Iterable[Entity]) -> dict[str, dict[str, float]]:
    """Each article's actors: the names of the cluster's entities (people,
    organisations, places, as merged by the story stage) it mentions, each weighted by
    ``log(1 + mentions per article that names it)``. An actor the reports are about is
    named again and again (a person, the company of the deal); a country, a city or a
    ministry named once in passing weighs least, so sharing it says little."""
    out: dict[str, dict[str, float]] = {}
    for e in entities:
        weight = math.log1p(e.count / len(e.articles))
        for aid in e.articles:
            if aid in out:
                out[aid][e.name] = weight
            else:
                out[aid] = {e.name: weight}
    return out


def _matrix(ids: Sequence[str], bags: Mapping[str, Mapping[str, float]]) -> np.ndarray:
    """One row of counts (or weights) per article id (empty rows for ids without a bag)."""
    empty: dict[str, float] = {}
    rows = [bags.get(a, empty) for a in ids]
    words = dict.fromkeys(chain.from_iterable(rows))
    vocab = dict(zip(words, range(len(words))))
    counts = np.zeros((len(ids), max(1, len(vocab))))
    for r, bag in enumerate(rows):
        counts[r, np.fromiter(map(vocab.__getitem__, bag), np.intp, len(bag))] = np.fromiter(bag.values(), float, len(bag))
    return counts


def _cosines(counts: np.ndarray, norms: np.ndarray, i: int) -> np.ndarray:
    """Cosine of row ``i`` with every row (0 where either row is empty); ``norms`` are
    the rows' lengths, kept by the caller (only a merged row changes)."""
    lengths = norms * norms[i]
    return np.divide(counts @ counts[i], lengths, out=np.zeros(len(counts)), where=lengths > 0)


def detect_events(
    bags: Mapping[str, Counter[str]],
    dates: Mapping[Key, Sequence[DateMention]],
    actors: Mapping[str, Mapping[str, float]] | None = None,
    same_story: float = SAME_STORY,
    same_anyway: float = SAME_ANYWAY,
    related: float = RELATED,
    same_actors: float = SAME_ACTORS,
) -> list[tuple[str, ...]]:
    """Groups of article ids that tell one event each, in the order of ``bags``.

    ``bags``: each article's content bag (:func:`article_bags`); ``dates``: the story
    stage's resolved dates per sentence key; ``actors``: each article's actor names
    (:func:`article_actors`; None: content and years alone decide); the thresholds are
    the module's (see its docstring). Bags and actors become rows of two count
    matrices, so all cosines come from one product and each merge updates one row.
    """
    ids = list(bags)
    n = len(ids)
    if n < 2:
        return [tuple(ids)] if ids else []
    spans = year_spans(dates)
    years = [list(spans.get(a, ())) for a in ids]
    own = dated_years(dates)
    dated = [list(own.get(a, ())) for a in ids]
    counts = _matrix(ids, bags)
    named = _matrix(ids, actors or {})
    norms = np.linalg.norm(counts, axis=1)
    named_norms = np.linalg.norm(named, axis=1)
    alive = [True] * n

    def row(i: int) -> np.ndarray:
        """Group ``i``'s similarity with every group: its content cosine where the two
        are one story by the rules above, -1 where they are not."""
        sims = _cosines(counts, norms, i)
        shared = _cosines(named, named_norms, i)
        mine = placing_years(years[i])
        for k in range(n):
            if not alive[k]:
                continue
            if sims[k] < same_story and not (sims[k] >= related and shared[k] >= same_actors):
                sims[k] = -1.0
            elif sims[k] < same_anyway and mine and years_apart(mine, placing_years(years[k]), dated[i], dated[k]):
                sims[k] = -1.0
        return sims

    sims = np.vstack([row(i) for i in range(n)])
    sims[np.tril_indices(n)] = -np.inf
    groups = [[a] for a in ids]
    while True:
        flat = int(np.argmax(sims))
        i, j = divmod(flat, n)
        if sims[i, j] < 0:
            break
        groups[i].extend(groups[j])
        counts[i] += counts[j]
        named[i] += named[j]
        years[i].extend(years[j])
        dated[i].extend(dated[j])
        alive[j] = False
        counts[j] = named[j] = 0.0
        norms[i], norms[j] = np.linalg.norm(counts[i]), 0.0
        named_norms[i], named_norms[j] = np.linalg.norm(named[i]), 0.0
        sims[j, :] = -np.inf
        sims[:, j] = -np.inf
        fresh = row(i)
        for k in range(n):
            if alive[k] and k != i:
                sims[min(i, k), max(i, k)] = fresh[k]
    order = {a: r for r, a in enumerate(ids)}
    kept = [tuple(sorted(groups[r], key=order.__getitem__)) for r in range(n) if alive[r]]
    return sorted(kept, key=lambda g: order[g[0]])
