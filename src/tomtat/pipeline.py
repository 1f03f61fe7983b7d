"""The pipeline, stage by stage, for one cluster.

1. clean     ``tomtat.clean.clean_cluster``: debris out, every removal recorded;
2. split     ``tomtat.text.sentences.split_articles``: sentences with identity and span;
3. represent ``tomtat.represent.represent``: TF-IDF vectors and position features;
   story     ``tomtat.story.analyze``: timeline, actors, keywords, sub-events (each
             sentence's event goes into the representation so selection covers them);
4. select    ``tomtat.select.get_method(name).select``: sentence indices within budget;
5. order     ``tomtat.order.reading_order``: a reading order;
6. compose   ``tomtat.compose.compose``: extracts (cut only if nothing fits), notes.

Reading input and writing output are the callers' business (``tomtat.io``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from tomtat.clean import clean_cluster
from tomtat.compose import compose
from tomtat.errors import BudgetError, InputError
from tomtat.model import Budget, Cluster, Summary
from tomtat.order import reading_order
from tomtat.represent import Representation, represent
from tomtat.select import get_method
from tomtat.story import Story, analyze
from tomtat.text.sentences import split_articles


def check_budget(budget: Budget) -> None:
    """Reject budgets that cannot be met, with a message naming the problem."""
    if budget.words is not None and budget.words < 1:
        raise BudgetError(f"--words must be at least 1 (got {budget.words})")
    if budget.sentences is not None and budget.sentences < 1:
        raise BudgetError(f"--sentences must be at least 1 (got {budget.sentences})")
    if budget.ratio is not None and not 0 < budget.ratio <= 1:
        raise BudgetError(f"--ratio must be in (0, 1] (got {budget.ratio})")


def with_events(rep: Representation, story: Story) -> Representation:
    """``rep`` with each sentence's sub-event id (``-1`` if none) from ``story``."""
    event_of = story.event_of
    ids = np.array([event_of.get(s.key, -1) for s in rep.sentences], dtype=int)
    return replace(rep, events=ids)


def summarize_cluster(
    cluster: Cluster, budget: Budget = Budget(), method: str | None = None, story: bool = True
) -> Summary:
    """Summarize one cluster of articles within ``budget`` using ``method``.

    With ``story`` (the default) the summary also carries the timeline, actors and
    keywords (``tomtat.story``), and selection covers each main sub-event.
    """
    check_budget(budget)
    selector = get_method(method)
    notes: list[str] = []
    cleaned = clean_cluster(cluster.articles)
    kept = []
    for article in cleaned:
        if article.text.strip():
            kept.append(article)
        else:
            notes.append(f"article {article.id!r} has no text after cleaning and was skipped")
    if not kept:
        raise InputError(f"cluster {cluster.id!r} has no article with text to summarize")
    sentences = split_articles(kept)
    rep = represent(kept, sentences)
    structure = analyze(kept, sentences) if story else Story()
    if story:
        rep = with_events(rep, structure)
    chosen = selector.select(rep, budget)
    extracts, compose_notes = compose(rep, reading_order(rep, chosen, structure.dates), budget)
    summary = Summary(
        cluster_id=cluster.id,
        extracts=tuple(extracts),
        articles=tuple(cleaned),
        method=selector.name,
        budget=budget,
        notes=tuple(notes + compose_notes + list(structure.notes)),
        timeline=structure.timeline,
        entities=structure.entities,
        keywords=structure.keywords,
        events=structure.events,
    )
    return by_event(summary)


def by_event(summary: Summary) -> Summary:
    """``summary`` with its extracts read event by event, in time order, when it quotes
    several dated events (``Summary.sections``); unchanged otherwise."""
    sections = summary.sections
    if len(sections) < 2:
        return summary
    return replace(summary, extracts=tuple(x for _, xs in sections for x in xs))
