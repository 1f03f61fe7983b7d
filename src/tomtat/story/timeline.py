"""The dated events of a cluster, merged across articles and sorted.

Every sentence (or title: index -1) that states a date at day, week or month precision gives a candidate
event (year-only mentions such as "năm 2019" are mostly background and are left out).
Within one article, the first sentence stating a date speaks for it. Across articles,
two candidates are one event when their dates agree (a date without year agrees with
the same day and month in a known year) and their sentences share enough content
words; the merged event keeps the most precise date and lists every article.

Sorting: events with a known year (or an inferred range: by its first year) first,
chronologically; then events whose year is unknown, by month and day (their order
relative to dated events cannot be known).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tomtat.model import Sentence, TimelineEvent
from tomtat.story.dates import DateMention
from tomtat.story.similarity import bag, bag_of_syllables, cosine, merged, norm

TIMELINE_PRECISIONS = frozenset({"day", "day-no-year", "week", "month", "month-no-year"})
SAME_EVENT_SIMILARITY = 0.2
_RANK = {"day": 0, "week": 1, "day-no-year": 2, "month": 3, "month-no-year": 4}
_BASIS = {"explicit": 0, "published": 1, "evidence": 2, "article": 2, "cluster": 3, "none": 4}


def _better(a: DateMention, b: DateMention) -> bool:
    """Whether ``a`` dates an event better than ``b``: more precise, or as precise with
    a year from a surer source (written > publication > same article > other article)."""
    return (_RANK[a.precision], _BASIS.get(a.basis, 4)) < (_RANK[b.precision], _BASIS.get(b.basis, 4))


def compatible(a: DateMention, b: DateMention) -> bool:
    """Whether two dates can name the same day/month (an unknown year matches any)."""
    if a.precision == "week" or b.precision == "week":
        return a.iso == b.iso
    if (a.day is None) != (b.day is None):
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    return (a.month, a.day) == (b.month, b.day)


@dataclass
class _Candidate:
    """A dated sentence, and once others merge into it, an event: ``words`` is the sum
    of its sentences' content bags, ``length`` that sum's norm."""

    date: DateMention
    sentence: Sentence
    article_ids: list[str]
    words: Counter[str]
    length: float = field(init=False)

    def __post_init__(self) -> None:
        self.length = norm(self.words)


def build_timeline(
    sentences: Sequence[Sentence],
    dates: Mapping[tuple[str, int], Sequence[DateMention]],
    article_order: Sequence[str],
    syllables: Mapping[tuple[str, int], Sequence[str]] | None = None,
) -> tuple[TimelineEvent, ...]:
    """Timeline events from the sentences' resolved dates (see the module docstring).

    ``syllables`` (sentence key -> the sentence's syllables, as the tokenize stage
    cut them) saves cutting the dated sentences again for their content bags."""
    per_article: dict[tuple[str, str], _Candidate] = {}
    for s in sentences:
        for d in dates.get(s.key, ()):
            if d.precision not in TIMELINE_PRECISIONS or d.iso is None:
                continue
            k = (s.article_id, d.iso)
            if k not in per_article:
                words = bag(s.text) if syllables is None else bag_of_syllables(syllables[s.key])
                per_article[k] = _Candidate(d, s, [s.article_id], words)
    merged_events: list[_Candidate] = []
    for cand in per_article.values():
        for ev in merged_events:
            if cand.sentence.article_id in ev.article_ids or not compatible(ev.date, cand.date):
                continue
            if cosine(ev.words, cand.words, ev.length, cand.length) >= SAME_EVENT_SIMILARITY:
                ev.article_ids.append(cand.sentence.article_id)
                ev.words = merged([ev.words, cand.words])
                ev.length = norm(ev.words)
                if _better(cand.date, ev.date):
                    ev.date = cand.date
                break
        else:
            merged_events.append(cand)
    order = {a: i for i, a in enumerate(article_order)}
    def year(d: DateMention) -> int | None:
        return d.year if d.year is not None else (d.estimate.first if d.estimate else None)

    merged_events.sort(
        key=lambda e: (
            year(e.date) is None,
            (year(e.date) or 9999, e.date.month or 99, e.date.day or 99),
            order.get(e.sentence.article_id, len(order)),
            e.sentence.index,
        )
    )
    return tuple(
        TimelineEvent(
            date=e.date.iso or "",
            text=e.sentence.text,
            article_ids=tuple(sorted(set(e.article_ids), key=lambda a: order.get(a, len(order)))),
            precision=e.date.precision,
            sentence=e.sentence.key if e.sentence.index >= 0 else None,
            year_from=e.date.basis if e.date.basis in ("published", "article", "evidence", "cluster") else None,
            years=e.date.estimate.label if e.date.year is None and e.date.estimate else None,
        )
        for e in merged_events
    )
