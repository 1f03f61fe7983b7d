"""Order: a reading order for the chosen sentences.

1. Sentences are read in the order of where they stand in their articles (relative
   position, so a lead sentence of any article comes before a closing one), ties
   broken by article order and then sentence index.
2. A chosen sentence whose predecessor in the same article is chosen too is read
   right after it: a run of consecutive sentences (and a "Tuy nhiên, ..." after its
   antecedent) stays together.
3. When the story stage found the day of what runs tell (``dates``), the dated runs
   are put in time order among the places dated runs hold, and undated runs keep
   their places: the summary tells events in the order they happened without
   shuffling the sentences that give no date.

Sentence identity decides ties, never text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tomtat.sentence_features import SentenceFeatures
from tomtat.story.dates import DateMention

Key = tuple[str, int]


def _runs(features: SentenceFeatures, chosen: Sequence[int]) -> list[list[int]]:
    """Chosen sentences grouped into runs of consecutive sentences of one article,
    the runs in relative-position order."""
    relative = features.relative_position
    picked = set(chosen)

    def follows(i: int) -> bool:
        prev = i - 1
        return (
            prev in picked
            and bool(features.article[prev] == features.article[i])
            and features.sentences[prev].index == features.sentences[i].index - 1
        )

    def key(i: int) -> tuple[float, int, int]:
        return (float(relative[i]), int(features.article[i]), features.sentences[i].index)

    runs = []
    for i in sorted((i for i in picked if not follows(i)), key=key):
        run = [i]
        j = i + 1
        while j in picked and follows(j):
            run.append(j)
            j += 1
        runs.append(run)
    return runs


def _day(mentions: Sequence[DateMention]) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first mention that names a day, if any."""
    for m in mentions:
        if m.month and m.day:
            return (m.year, m.month, m.day)
    return None


def reading_order(
    features: SentenceFeatures, chosen: Sequence[int], dates: Mapping[Key, Sequence[DateMention]] | None = None
) -> list[int]:
    """``chosen`` sorted into reading order; ``dates`` maps sentence keys to their
    resolved date mentions (assigned by the story stage), when known."""
    if not chosen:
        return []
    runs = _runs(features, chosen)
    if dates:
        days: dict[int, tuple[int | None, int, int]] = {}
        for r, run in enumerate(runs):
            for i in run:
                day = _day(dates.get(features.sentences[i].key, ()))
                if day is not None:
                    days[r] = day
                    break
        if len(set(days.values())) >= 2:
            with_year = all(d[0] is not None for d in days.values())

            def when(r: int) -> tuple[int, ...]:
                y, m, d = days[r]
                return (y or 0, m, d) if with_year else (m, d)

            slots = sorted(days)
            reordered = list(runs)
            for slot, r in zip(slots, sorted(slots, key=lambda r: (when(r), r))):
                reordered[slot] = runs[r]
            runs = reordered
    return [i for run in runs for i in run]


def reading_order_by_event(
    features: SentenceFeatures,
    chosen: Sequence[int],
    dates: Mapping[Key, Sequence[DateMention]],
    events: Sequence[Sequence[int]],
) -> list[int]:
    """``chosen`` read event by event: ``events`` holds each event's sentence indices,
    the events in time order; within an event, :func:`reading_order`."""
    picked = set(chosen)
    return [i for rows in events for i in reading_order(features, [r for r in rows if r in picked], dates)]
