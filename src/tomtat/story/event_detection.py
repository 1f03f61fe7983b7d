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
  the four events of the seeds, 0.7 and more for most follow-ups);
- and, when both groups hold several articles, share at least ``COHESION_SHARE`` of
  what each holds together: their content cosine is at least that share of the lesser
  of the two groups' cohesions (a group's cohesion: the mean cosine of each of its
  articles with the rest of the group). Relative, not absolute: two stories on one
  broad theme (dengue and scrub typhus, two drug busts, two reports on health
  insurance) share as many words as two sides of one story (content cosine 0.33-0.54
  between the halves of the merged dev pairs that joined before this rule), but each
  story's own reports share far more among themselves (cohesions 0.63-0.95), while
  the sides of one story hold together about as loosely as they join. A lone article holds
  together with nothing, so it joins by the rules above alone; a refused pair may
  join later, once either group has changed.

Which joinable pair merges first matters: once merged, a group's years and cohesion may
refuse what either half would have taken. Two groups whose articles the sub-events
(:mod:`tomtat.story.events`) date to one day (anchors within a few days, years not
contradicting, words shared) merge before any pair that only shares content: a report
with no year of its own that tells the 15 October meeting belongs with the 14 October
report of that meeting, even when its words are closer to a January meeting on the
same theme, months later (the seeds' 2014 and 2015 events). Same day is the strongest
evidence of one event there is; on the merged dev pairs it changes nothing
(docs/BENCHMARKS.md, "Events and years").

The thresholds sit in flat regions measured on the dev corpora (docs/BENCHMARKS.md,
"Event detection"): ``SAME_STORY`` 0.35-0.45, ``RELATED`` 0.25-0.35 and
``SAME_ACTORS`` 0.2-0.35 give results within 2% of each other, on merged pairs drawn
with five seeds, and ``COHESION_SHARE`` 0.68-0.75 the same counts but one;
``SAME_ANYWAY`` changes nothing there from 0.6 up and keeps a 0.1 margin above the
cosine at which the seeds' 2014 and 2015 events would join (0.6).
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
COHESION_SHARE = 0.72

__all__ = [
    "COHESION_SHARE", "RELATED", "SAME_ACTORS", "SAME_ANYWAY", "SAME_STORY", "article_actors",
    "article_bags", "detect_events", "dated_years", "year_spans",
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


def dated_years(
    dates: Mapping[Key, Sequence[DateMention]], spans: Mapping[str, Sequence[DatedSpan]]
) -> dict[str, list[YearSpan]]:
    """Per article, every year it dates itself, at any precision: the years of its day or
    month dates (``spans``, :func:`year_spans` of ``dates``: written once or more, or
    inferred) and the years it writes alone ("năm 2022"); years borrowed from elsewhere
    are left out."""
    out: dict[str, list[YearSpan]] = {}
    for aid, article_spans in spans.items():
        out[aid] = [s for s, _ in article_spans]
    for (aid, _), ds in dates.items():
        for d in ds:
            if d.month is None and d.year is not None and d.basis == "explicit" and not d.relative:
                out.setdefault(aid, []).append((d.year, d.year))
    return out


def placing_years(spans: Iterable[DatedSpan]) -> list[YearSpan]:
    """The spans that place a group in time: inferred ones, and written years that
    occur at least twice among the group's dates (a year written once may be recalled)."""
    spans = list(spans)
    if not spans:
        return []
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


def _dots(ids: Sequence[str], bags: Mapping[str, Mapping[str, float]]) -> np.ndarray:
    """The dot products of every two articles' bags of counts (or weights), in the order
    of ``ids`` (0 for ids without a bag), through one dense matrix of the bags."""
    empty: dict[str, float] = {}
    rows = [bags.get(a, empty) for a in ids]
    words = dict.fromkeys(chain.from_iterable(rows))
    vocab = dict(zip(words, range(len(words))))
    sizes = [len(r) for r in rows]
    total = sum(sizes)
    counts = np.zeros((len(ids), max(1, len(vocab))))
    counts[
        np.repeat(np.arange(len(ids)), sizes),
        np.fromiter(map(vocab.__getitem__, chain.from_iterable(rows)), np.intp, total),
    ] = np.fromiter(chain.from_iterable(r.values() for r in rows), float, total)
    return counts @ counts.T


def _inverse_lengths(dots: np.ndarray) -> np.ndarray:
    """One over the length of each group's summed bag, from the groups' dot products
    (0 for an empty group, so that its cosines are 0)."""
    lengths = np.sqrt(dots.diagonal())
    return np.divide(1.0, lengths, out=np.zeros(len(lengths)), where=lengths > 0)


def _cohesion(gram: np.ndarray) -> float:
    """How much a group's articles tell one story: the mean cosine of each article with
    the sum of the group's other articles (``gram``: the articles' dot products)."""
    dots = gram.sum(axis=1)
    own = gram.diagonal()
    rest = np.sqrt(np.maximum(dots.sum() - 2 * dots + own, 0.0))
    lengths = np.sqrt(own) * rest
    return float(np.divide(dots - own, lengths, out=np.zeros(len(own)), where=lengths > 0).mean())


def detect_events(
    bags: Mapping[str, Counter[str]],
    dates: Mapping[Key, Sequence[DateMention]],
    actors: Mapping[str, Mapping[str, float]] | None = None,
    same_story: float = SAME_STORY,
    same_anyway: float = SAME_ANYWAY,
    related: float = RELATED,
    same_actors: float = SAME_ACTORS,
    cohesion_share: float = COHESION_SHARE,
    together: Iterable[Iterable[str]] | None = None,
) -> list[tuple[str, ...]]:
    """Groups of article ids that tell one event each, in the order of ``bags``.

    ``bags``: each article's content bag (:func:`article_bags`); ``dates``: the story
    stage's resolved dates per sentence key; ``actors``: each article's actor names
    (:func:`article_actors`; None: content and years alone decide); the thresholds are
    the module's (see its docstring); ``together``: groups of articles the sub-events
    date to one day (the article ids of each dated sub-event), whose joinable links
    merge first. The groups' dot products, of content and of
    actors, are kept as two matrices: a merge adds one group's row and column to the
    other's, so no bag is summed again.
    """
    ids = list(bags)
    n = len(ids)
    if n < 2:
        return [tuple(ids)] if ids else []
    spans = year_spans(dates)
    years = [list(spans.get(a, ())) for a in ids]
    placed = [placing_years(y) for y in years]
    own = dated_years(dates, spans)
    dated = [list(own.get(a, ())) for a in ids]
    gram = _dots(ids, bags)  # the articles' own bags, for the groups' cohesion
    content = gram.copy()
    shared = _dots(ids, actors or {})
    scales = [_inverse_lengths(content), _inverse_lengths(shared)]
    anchored = np.zeros((n, n))
    index = {a: k for k, a in enumerate(ids)}
    for group in together or ():
        members = [index[a] for a in group if a in index]
        anchored[np.ix_(members, members)] = 1.0
    alive = np.ones(n, dtype=bool)
    groups = [[r] for r in range(n)]

    def cohesion(r: int) -> float:
        """Group ``r``'s cohesion (:func:`_cohesion`), from its articles' own bags."""
        return _cohesion(gram[np.ix_(groups[r], groups[r])])

    def links(rows: slice) -> np.ndarray:
        """The groups ``rows``' similarity with every group: the content cosine where
        two groups are one story by the rules above, -1 where they are not."""
        sims = content[rows] * scales[0][rows, None] * scales[0]
        joinable = sims >= same_story
        joinable |= (sims >= related) & (shared[rows] * scales[1][rows, None] * scales[1] >= same_actors)
        for r, i in enumerate(range(*rows.indices(n))):
            if placed[i]:
                for k in np.flatnonzero(joinable[r] & (sims[r] < same_anyway) & alive):
                    if years_apart(placed[i], placed[k], dated[i], dated[k]):
                        joinable[r, k] = False
        sims = sims + anchored[rows]  # cosines are at most 1: anchored pairs come first
        sims[~joinable] = -1.0
        return sims

    sims = links(slice(0, n))
    sims[np.tri(n, dtype=bool)] = -np.inf
    while True:
        i, j = divmod(int(np.argmax(sims)), n)
        if sims[i, j] < 0:
            break
        if len(groups[i]) > 1 and len(groups[j]) > 1 and content[i, j] * scales[0][i] * scales[0][j] < cohesion_share * min(map(cohesion, (i, j))):
            sims[i, j] = -1.0  # until either group changes
            continue
        groups[i].extend(groups[j])
        years[i].extend(years[j])
        placed[i] = placing_years(years[i])
        dated[i].extend(dated[j])
        for dots, scale in zip((content, shared), scales):
            dots[i] += dots[j]
            dots[:, i] += dots[:, j]
            scale[i] = 1.0 / math.sqrt(dots[i, i]) if dots[i, i] > 0 else 0.0
        anchored[i] = np.maximum(anchored[i], anchored[j])
        anchored[:, i] = np.maximum(anchored[:, i], anchored[:, j])
        alive[j] = False
        fresh = links(slice(i, i + 1))[0]
        fresh[~alive] = -np.inf
        sims[:i, i] = fresh[:i]
        sims[i, i + 1 :] = fresh[i + 1 :]
        sims[j, :] = -np.inf
        sims[:, j] = -np.inf
    return [tuple(ids[k] for k in g) for g in sorted(sorted(groups[r]) for r in np.flatnonzero(alive))]
