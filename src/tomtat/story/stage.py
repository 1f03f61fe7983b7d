"""The story stage's entry point: ``analyze`` (re-exported as ``tomtat.story.analyze``)
runs dates, timeline, entities, sub-events and keywords over one cluster."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tomtat.model import CleanArticle, Entity, Sentence, TimelineEvent
from tomtat.story.dates import (
    DateMention,
    RawDate,
    find_dates_many,
    resolve,
)
from tomtat.story.entities import (
    find_cluster_mentions,
    find_mentions,
    lowercase_vocabulary,
    merge_mentions,
    sentence_syllables,
)
from tomtat.story.event_detection import article_actors, article_bags, detect_events
from tomtat.story.events import (
    SubEvent,
    event_index,
    event_years,
    group_events,
    lend_years,
    mark_background,
    same_day_reports,
)
from tomtat.story.keywords import extract_keywords
from tomtat.story.mention_years import estimate_years
from tomtat.story.timeline import build_timeline
from tomtat.story.words import compound_words
from tomtat.story.years import YearEstimate
from tomtat.text.published import published_day
from tomtat.text.tokens import TokenRows, tokenize

Key = tuple[str, int]
Tagger = Callable[[str], list[tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Story:
    """What the cluster tells over time and who takes part.

    ``events`` are sub-events (see :mod:`tomtat.story.events`); ``sentence_events``
    holds the id of the sub-event each sentence given to :func:`analyze` tells (None
    for none), in the order of those sentences, for selection to cover every main
    event. ``dates`` holds every resolved time expression per sentence key.
    ``detected`` groups the article ids into the distinct events the cluster covers
    (:mod:`tomtat.story.event_detection`): one group for a single story.
    """

    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    keywords: tuple[str, ...] = ()
    events: tuple[SubEvent, ...] = ()
    dates: dict[Key, tuple[DateMention, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    sentence_events: tuple[int | None, ...] = ()
    detected: tuple[tuple[str, ...], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "timeline": [t.to_dict() for t in self.timeline],
            "entities": [e.to_dict() for e in self.entities],
            "keywords": list(self.keywords),
            "events": [e.to_dict() for e in self.events],
        }


TITLE_INDEX = -1


def title_sentences(articles: Sequence[CleanArticle]) -> list[Sentence]:
    """Each non-empty title as a pseudo-sentence with index ``TITLE_INDEX`` (-1).

    Titles state dates and actors too ("... hôm 14-10"), but they are not sentences of
    the text: they never appear in ``events`` and a timeline entry taken from a title
    has no ``sentence`` key.
    """
    return [
        Sentence(article_id=a.id, paragraph=TITLE_INDEX, index=TITLE_INDEX, start=0, end=0, text=a.title)
        for a in articles
        if a.title.strip()
    ]


def resolve_dates(articles: Sequence[CleanArticle], sentences: Sequence[Sentence]) -> dict[Key, tuple[DateMention, ...]]:
    """Every sentence's time expressions, resolved against its article's publication
    date; without one, a year-less date takes the year its article's own text supports
    (:mod:`tomtat.story.mention_years`: office holders, reference events, weekday,
    explicit years), or a range, or stays without year."""
    published = {a.id: published_day(a.published) for a in articles}
    keys = [s.key for s in sentences]  # a property: read once per sentence
    raw = dict(zip(keys, find_dates_many([s.text for s in sentences])))
    by_article: dict[str, dict[Key, list[RawDate]]] = {}
    texts: dict[str, dict[Key, str]] = {}
    for s, key in zip(sentences, keys):
        by_article.setdefault(s.article_id, {})[key] = raw[key]
        texts.setdefault(s.article_id, {})[key] = s.text
    estimates: dict[tuple[Key, int], YearEstimate] = {}
    for aid, raws in by_article.items():
        if published.get(aid) is None:
            estimates.update(estimate_years(texts[aid], raws))
    return {
        key: tuple(resolve(r, published.get(s.article_id), None, estimates.get((key, r.start))) for r in rs)
        for s, key in zip(sentences, keys)
        if (rs := raw[key])
    }


def analyze(
    articles: Sequence[CleanArticle],
    sentences: Sequence[Sentence],
    *,
    tokens: TokenRows | None = None,
    title_tokens: TokenRows | None = None,
    tagger: Tagger | None = None,
) -> Story:
    """The story structure of one cluster.

    No word segmentation: every sentence is cut into syllables in one pass over the
    cluster (:mod:`tomtat.story.words`), and the few decisions that need words (a
    lower-case syllable inside an organisation name, two-syllable keywords) look
    adjacent syllables up in a compound-word list. ``tagger`` is an optional NER tagger
    with underthesea's ``ner`` output format; it only types names the rules cannot type
    and costs hundreds of times the rest, so it is off by default (see
    docs/BENCHMARKS.md, "Story structure"). ``tokens`` and ``title_tokens`` are the
    sentences' and the articles' titles' tokens (``tomtat.text.tokens.tokenize``), when
    the pipeline's tokenize stage has cut them already.
    """
    order = [a.id for a in articles]
    units = [*title_sentences(articles), *sentences]
    notes: list[str] = [
        f"article {a.id!r}: published {a.published!r} is not a date tomtat reads "
        "(2024-05-01, 01/05/2024, ngày 1 tháng 5 năm 2024, ...); "
        "its relative dates (hôm qua, tuần trước, ...) were left unresolved"
        for a in articles
        if a.published and published_day(a.published) is None
    ]
    if tokens is None:
        tokens = tokenize([s.text for s in sentences])
    if title_tokens is None:
        title_tokens = tokenize([a.title for a in articles])
    titled = [k for k, a in enumerate(articles) if a.title.strip()]
    cased = [title_tokens.cased[k] for k in titled] + tokens.cased
    lows = [title_tokens.lower[k] for k in titled] + tokens.lower
    syllables = [title_tokens.syllables[k] for k in titled] + tokens.syllables
    words = compound_words()
    dates = resolve_dates(articles, units)
    lower = lowercase_vocabulary(cased)
    if tagger is None:
        mentions = find_cluster_mentions(units, cased, lows, lower, words)
    else:
        mentions = []
        for s, toks, low in zip(units, cased, lows):
            sy = sentence_syllables(toks, words, low)
            mentions.extend(find_mentions(s, sy, lower, tagger(s.text), words))
    entities = merge_mentions(mentions, order)
    names = [n for e in entities for n in (e.name, *e.variants)]
    keys = [s.key for s in units]
    events = group_events(articles, units, dates, dict(zip(keys, lows)))
    dates = lend_years(events, units, dates)
    event_of = event_index(events)
    detected = detect_events(
        article_bags(units, syllables), dates, article_actors(entities), together=same_day_reports(events)
    )
    return Story(
        timeline=mark_background(build_timeline(units, event_years(events, dates), order, dict(zip(keys, syllables))), events),
        entities=entities,
        keywords=extract_keywords(dict(zip(keys, cased)), exclude=names, words=words),
        events=events,
        dates=dates,
        notes=tuple(notes),
        sentence_events=tuple(event_of.get(s.key) for s in sentences),
        detected=tuple(detected),
    )
