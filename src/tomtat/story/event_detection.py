"""Event detection: whether a cluster tells one story or several distinct events.

The story stage's sub-events (:mod:`tomtat.story.events`) split a cluster finely, by
anchor date: one story reported over a week is several sub-events. Detection works on
articles instead, joining them average-linkage while two groups

- are not placed in different years by their dates: every day or month one group
  dates (with a written, published or inferred year, or an inferred range) lies in
  years none of the other group's dates can be in. All of the dates, not only each
  article's first, so that one recalled date ("hồi tháng 9/2014") does not split a
  story; years apart never join, however alike the words (a 2014 and a 2022 call
  between the same two ministers are two events);
- and share enough content: cosine of their summed content bags >= ``SAME_STORY``
  (two stories joined by accident share few words).

``SAME_STORY`` sits in the flat middle of the gap measured on the dev corpora
(docs/BENCHMARKS.md, "Event detection"): 0.35-0.45 give the same results within 2%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from tomtat.story.dates import DateMention
from tomtat.story.similarity import cosine, merged, norm

SAME_STORY = 0.4

__all__ = ["SAME_STORY", "detect_events", "year_spans"]

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


def detect_events(
    bags: Mapping[str, Counter[str]],
    dates: Mapping[Key, Sequence[DateMention]],
    same_story: float = SAME_STORY,
) -> list[tuple[str, ...]]:
    """Groups of article ids that tell one event each, in the order of ``bags``.

    ``bags``: each article's content bag (:func:`tomtat.story.similarity.bag`);
    ``dates``: the story stage's resolved dates per sentence key.
    """
    spans = year_spans(dates)
    ids = list(bags)
    groups: list[list[str]] = [[a] for a in ids]
    words = [bags[a] for a in ids]
    lengths = [norm(w) for w in words]

    def apart(g: list[str], h: list[str]) -> bool:
        """No date of one group can be in a year of any date of the other."""
        sg = [x for a in g for x in spans.get(a, ())]
        sh = [y for b in h for y in spans.get(b, ())]
        return bool(sg and sh) and not any(_overlap(x, y) for x in sg for y in sh)

    while len(groups) > 1:
        best, best_sim = None, same_story
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                sim = cosine(words[i], words[j], lengths[i], lengths[j])
                if sim >= best_sim and not apart(groups[i], groups[j]):
                    best, best_sim = (i, j), sim
        if best is None:
            break
        i, j = best
        groups[i].extend(groups.pop(j))
        words[i] = merged([words[i], words.pop(j)])
        lengths.pop(j)
        lengths[i] = norm(words[i])
    order = {a: n for n, a in enumerate(ids)}
    return sorted((tuple(sorted(g, key=order.__getitem__)) for g in groups), key=lambda g: order[g[0]])
