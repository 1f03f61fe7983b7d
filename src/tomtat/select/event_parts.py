"""A cluster that tells several distinct events, cut into one part per event for
selection: each event's sentences represented as a cluster of their own, and its share
of the summary's budget.

Each event is summarised as if its articles were the whole cluster (its own TF-IDF,
centroid and cross-article agreement), so an event told by one report is judged
against itself, not against the larger event beside it. The budget is split so that
every event gets room for its own paragraph: ``FLOOR`` of it evenly, the rest by the
event's share of the cluster's sentences (:func:`split_limits`). Only main events get a
part: those with at least ``MAIN_SHARE`` of the sentences (as
:func:`tomtat.select.fill.spread_over_events` counts main sub-events). A report told
in passing beside the main events gets no part (and no sentence in the summary); beside
one main event it leaves the cluster a single story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tomtat.model import CleanArticle, Limits, Sentence
from tomtat.represent import Representation, represent
from tomtat.select.fill import SentenceEvents
from tomtat.story.dated_events import DatedEvent, rows_by_event
from tomtat.text.tokens import TokenRows

# The part of the budget split evenly between the events; the rest goes by size. Half
# gives a small event of four a sixth of the budget at least (a 200-word summary: 25
# words plus its size's share), room for one or two sentences.
FLOOR = 0.5

# An event with fewer of the cluster's sentences than this is no main event.
MAIN_SHARE = 0.1


@dataclass(frozen=True)
class EventPart:
    """One event's sentences: ``rows`` (their indices in the cluster's sentences, in
    order), ``rep`` (those sentences represented on their own, row ``k`` being
    ``rows[k]``), ``events`` (each row's sub-event, for the method's filler) and
    ``share`` (the event's part of the summary's limits)."""

    event: DatedEvent
    rows: tuple[int, ...]
    rep: Representation
    events: SentenceEvents | None
    share: Limits


def split_limits(limits: Limits, sizes: Sequence[int]) -> list[Limits]:
    """Each event's part of ``limits``: ``FLOOR`` of every limit split evenly, the rest
    in proportion to ``sizes`` (each event's number of sentences), rounded down (at
    least one sentence each when sentences are counted)."""
    total = max(1, sum(sizes))
    n = max(1, len(sizes))

    def part(limit: int | None, size: int, least: int) -> int | None:
        if limit is None:
            return None
        return max(least, int(limit * (FLOOR / n + (1 - FLOOR) * size / total)))

    return [Limits(words=part(limits.words, k, 0), sentences=part(limits.sentences, k, 1)) for k in sizes]


def _rows_of(tokens: TokenRows, rows: Sequence[int]) -> TokenRows:
    return TokenRows(
        cased=[tokens.cased[r] for r in rows],
        lower=[tokens.lower[r] for r in rows],
        syllables=[tokens.syllables[r] for r in rows],
        words=[tokens.words[r] for r in rows],
    )


def event_parts(
    articles: Sequence[CleanArticle],
    sentences: Sequence[Sentence],
    tokens: TokenRows,
    title_tokens: TokenRows,
    events: Sequence[DatedEvent],
    sentence_events: SentenceEvents | None,
    limits: Limits,
) -> tuple[EventPart, ...]:
    """One part per main event of ``events`` (in their order); none when the cluster
    tells fewer than two main events. ``tokens`` and ``title_tokens`` are the
    tokenize stage's rows for ``sentences`` and ``articles``."""
    if len(events) < 2:
        return ()
    rows = rows_by_event(events, sentences)
    kept = [n for n in range(len(events)) if len(rows[n]) >= max(1.0, MAIN_SHARE * len(sentences))]
    if len(kept) < 2:
        return ()
    shares = split_limits(limits, [len(rows[n]) for n in kept])
    parts = []
    for n, share in zip(kept, shares):
        ids = set(events[n].article_ids)
        mine = [k for k, a in enumerate(articles) if a.id in ids]
        rep = represent(
            [articles[k] for k in mine],
            [sentences[i] for i in rows[n]],
            _rows_of(tokens, rows[n]),
            _rows_of(title_tokens, mine),
        )
        sub = None if sentence_events is None else tuple(sentence_events[i] for i in rows[n])
        parts.append(EventPart(events[n], tuple(rows[n]), rep, sub, share))
    return tuple(parts)
