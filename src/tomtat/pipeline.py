"""The pipeline, stage by stage, for one cluster.

Each stage reads typed fields of the cluster's ``Document`` and adds its own
(``tomtat.document``); ``STAGES`` is the table, checked at import, and
docs/ARCHITECTURE.md draws it:

============  ========================================  ===================================
stage         requires                                  assigns
============  ========================================  ===================================
clean         cluster                                   cleaned, articles, clean_notes
split         articles                                  sentences
tokenize      articles, sentences                       tokens, title_tokens
represent     articles, sentences, tokens, title_tokens representation
limits        budget, representation                    limits
story         articles, sentences, tokens,              story, sentence_events, dates,
              title_tokens                              dated_events
parts         articles, sentences, tokens,              event_parts
              title_tokens, dated_events,
              sentence_events, limits
select        method, representation, limits,           chosen
              sentence_events, event_parts
order         representation, chosen, dates,            ordered
              dated_events
compose       representation, ordered, limits           extracts, compose_notes
============  ========================================  ===================================

Without the story stage (``story=False``) a stand-in assigns the same fields empty, so
selection and ordering run exactly as they would on a story with no events or dates.
A cluster that tells several distinct events (``dated_events``) is summarised event by
event (``event_parts``, ``tomtat.select.by_event``) and read in the events' time order.
Reading input and writing output are the callers' business (``tomtat.io``).
"""

from __future__ import annotations

from collections.abc import Mapping

from tomtat.clean import clean_cluster
from tomtat.compose import compose
from tomtat.document import Document, Field, Stage, StageView, check_order, run
from tomtat.errors import BudgetError, InputError
from tomtat.model import Budget, CleanArticle, Cluster, Extract, Limits, Sentence, Summary
from tomtat.order import reading_order, reading_order_by_event
from tomtat.represent import Representation, represent
from tomtat.select import Method, get_method
from tomtat.select.by_event import select_by_event
from tomtat.select.event_parts import EventPart, event_parts
from tomtat.select.fill import SentenceEvents
from tomtat.story import Story, analyze
from tomtat.story.dated_events import DatedEvent, date_events, rows_by_event, timeline_by_event
from tomtat.story.dates import DateMention
from tomtat.text.sentences import split_articles
from tomtat.text.tokens import TokenRows, tokenize

Key = tuple[str, int]

CLUSTER: Field[Cluster] = Field("cluster", "the input articles")
BUDGET: Field[Budget] = Field("budget", "how long the summary may be")
METHOD: Field[Method] = Field("method", "the selection method")
CLEANED: Field[tuple[CleanArticle, ...]] = Field("cleaned", "every article after cleaning")
ARTICLES: Field[tuple[CleanArticle, ...]] = Field("articles", "cleaned articles that kept text")
CLEAN_NOTES: Field[tuple[str, ...]] = Field("clean_notes", "articles skipped as empty")
SENTENCES: Field[tuple[Sentence, ...]] = Field("sentences", "sentences with identity and span")
TOKENS: Field[TokenRows] = Field("tokens", "each sentence cut once into tokens and syllables")
TITLE_TOKENS: Field[TokenRows] = Field("title_tokens", "each article's title cut once")
REPRESENTATION: Field[Representation] = Field("representation", "TF-IDF vectors and position features")
LIMITS: Field[Limits] = Field("limits", "the budget resolved for this cluster")
STORY: Field[Story] = Field("story", "timeline, actors, keywords, sub-events")
SENTENCE_EVENTS: Field[SentenceEvents | None] = Field("sentence_events", "each sentence's sub-event")
DATES: Field[Mapping[Key, tuple[DateMention, ...]]] = Field("dates", "resolved date mentions per sentence")
DATED_EVENTS: Field[tuple[DatedEvent, ...]] = Field("dated_events", "the distinct events, dated, in time order")
EVENT_PARTS: Field[tuple[EventPart, ...]] = Field("event_parts", "each event's sentences and budget share (several events)")
CHOSEN: Field[tuple[int, ...]] = Field("chosen", "selected sentence indices, best first")
ORDERED: Field[tuple[int, ...]] = Field("ordered", "selected sentence indices in reading order")
EXTRACTS: Field[tuple[Extract, ...]] = Field("extracts", "the summary's sentences")
COMPOSE_NOTES: Field[tuple[str, ...]] = Field("compose_notes", "a sentence cut at the budget")

INPUTS = (CLUSTER, BUDGET, METHOD)


def check_budget(budget: Budget) -> None:
    """Reject budgets that cannot be met, with a message naming the problem."""
    if budget.words is not None and budget.words < 1:
        raise BudgetError(f"--words must be at least 1 (got {budget.words})")
    if budget.sentences is not None and budget.sentences < 1:
        raise BudgetError(f"--sentences must be at least 1 (got {budget.sentences})")
    if budget.ratio is not None and not 0 < budget.ratio <= 1:
        raise BudgetError(f"--ratio must be in (0, 1] (got {budget.ratio})")


def _clean(doc: StageView) -> None:
    """Debris out, every removal recorded; articles left without text are skipped."""
    cluster = doc.get(CLUSTER)
    cleaned = tuple(clean_cluster(cluster.articles))
    kept = tuple(a for a in cleaned if a.text.strip())
    if not kept:
        raise InputError(f"cluster {cluster.id!r} has no article with text to summarize")
    doc.set(CLEANED, cleaned)
    doc.set(ARTICLES, kept)
    doc.set(
        CLEAN_NOTES,
        tuple(f"article {a.id!r} has no text after cleaning and was skipped" for a in cleaned if not a.text.strip()),
    )


def _split(doc: StageView) -> None:
    doc.set(SENTENCES, tuple(split_articles(doc.get(ARTICLES))))


def _tokenize(doc: StageView) -> None:
    """Every sentence and title cut once; represent and story share the result."""
    doc.set(TOKENS, tokenize([s.text for s in doc.get(SENTENCES)]))
    doc.set(TITLE_TOKENS, tokenize([a.title for a in doc.get(ARTICLES)]))


def _represent(doc: StageView) -> None:
    rep = represent(doc.get(ARTICLES), doc.get(SENTENCES), doc.get(TOKENS), doc.get(TITLE_TOKENS))
    doc.set(REPRESENTATION, rep)


def _limits(doc: StageView) -> None:
    doc.set(LIMITS, doc.get(BUDGET).limits(int(doc.get(REPRESENTATION).features.words.sum())))


def _story(doc: StageView) -> None:
    story = analyze(
        doc.get(ARTICLES), doc.get(SENTENCES), tokens=doc.get(TOKENS), title_tokens=doc.get(TITLE_TOKENS)
    )
    doc.set(STORY, story)
    doc.set(SENTENCE_EVENTS, story.sentence_events)
    doc.set(DATES, story.dates)
    doc.set(DATED_EVENTS, date_events(story.detected, story.events, doc.get(SENTENCES)))


def _no_story(doc: StageView) -> None:
    doc.set(STORY, Story())
    doc.set(SENTENCE_EVENTS, None)
    doc.set(DATES, {})
    doc.set(DATED_EVENTS, ())


def _parts(doc: StageView) -> None:
    """Several events: each event's sentences represented on their own, with its share
    of the budget; one story: no parts."""
    parts = event_parts(
        doc.get(ARTICLES), doc.get(SENTENCES), doc.get(TOKENS), doc.get(TITLE_TOKENS),
        doc.get(DATED_EVENTS), doc.get(SENTENCE_EVENTS), doc.get(LIMITS),
    )
    doc.set(EVENT_PARTS, parts)


def _select(doc: StageView) -> None:
    rep, method, limits, parts = doc.get(REPRESENTATION), doc.get(METHOD), doc.get(LIMITS), doc.get(EVENT_PARTS)
    chosen = select_by_event(method, rep, limits, parts) if parts else method.select(rep, limits, doc.get(SENTENCE_EVENTS))
    doc.set(CHOSEN, tuple(chosen))


def _order(doc: StageView) -> None:
    features, chosen, dates, events = doc.get(REPRESENTATION).features, doc.get(CHOSEN), doc.get(DATES), doc.get(DATED_EVENTS)
    if len(events) > 1:
        ordered = reading_order_by_event(features, chosen, dates, rows_by_event(events, features.sentences))
    else:
        ordered = reading_order(features, chosen, dates)
    doc.set(ORDERED, tuple(ordered))


def _compose(doc: StageView) -> None:
    extracts, notes = compose(doc.get(REPRESENTATION).features, doc.get(ORDERED), doc.get(LIMITS))
    doc.set(EXTRACTS, tuple(extracts))
    doc.set(COMPOSE_NOTES, tuple(notes))


def _stages(story: Stage) -> tuple[Stage, ...]:
    return (
        Stage("clean", (CLUSTER,), (CLEANED, ARTICLES, CLEAN_NOTES), _clean),
        Stage("split", (ARTICLES,), (SENTENCES,), _split),
        Stage("tokenize", (ARTICLES, SENTENCES), (TOKENS, TITLE_TOKENS), _tokenize),
        Stage("represent", (ARTICLES, SENTENCES, TOKENS, TITLE_TOKENS), (REPRESENTATION,), _represent),
        Stage("limits", (BUDGET, REPRESENTATION), (LIMITS,), _limits),
        story,
        Stage(
            "parts",
            (ARTICLES, SENTENCES, TOKENS, TITLE_TOKENS, DATED_EVENTS, SENTENCE_EVENTS, LIMITS),
            (EVENT_PARTS,),
            _parts,
        ),
        Stage("select", (METHOD, REPRESENTATION, LIMITS, SENTENCE_EVENTS, EVENT_PARTS), (CHOSEN,), _select),
        Stage("order", (REPRESENTATION, CHOSEN, DATES, DATED_EVENTS), (ORDERED,), _order),
        Stage("compose", (REPRESENTATION, ORDERED, LIMITS), (EXTRACTS, COMPOSE_NOTES), _compose),
    )


_STORY_ASSIGNS = (STORY, SENTENCE_EVENTS, DATES, DATED_EVENTS)
STAGES = _stages(Stage("story", (ARTICLES, SENTENCES, TOKENS, TITLE_TOKENS), _STORY_ASSIGNS, _story))
STAGES_WITHOUT_STORY = _stages(Stage("story", (), _STORY_ASSIGNS, _no_story))
check_order(STAGES, INPUTS)
check_order(STAGES_WITHOUT_STORY, INPUTS)


def build_document(cluster: Cluster, budget: Budget = Budget(), method: str | None = None, story: bool = True) -> Document:
    """Run every stage over one cluster and return the document they built."""
    check_budget(budget)
    doc = Document()
    doc.set(CLUSTER, cluster)
    doc.set(BUDGET, budget)
    doc.set(METHOD, get_method(method))
    return run(STAGES if story else STAGES_WITHOUT_STORY, doc)


def summarize_cluster(
    cluster: Cluster, budget: Budget = Budget(), method: str | None = None, story: bool = True
) -> Summary:
    """Summarize one cluster of articles within ``budget`` using ``method``.

    With ``story`` (the default) the summary also carries the timeline, actors and
    keywords (``tomtat.story``), and selection covers each main sub-event.
    """
    doc = build_document(cluster, budget, method, story)
    structure = doc.get(STORY)
    events = doc.get(DATED_EVENTS)
    return Summary(
        cluster_id=cluster.id,
        extracts=doc.get(EXTRACTS),
        articles=doc.get(CLEANED),
        method=doc.get(METHOD).name,
        budget=budget,
        notes=doc.get(CLEAN_NOTES) + doc.get(COMPOSE_NOTES) + structure.notes,
        timeline=timeline_by_event(structure.timeline, events),
        entities=structure.entities,
        keywords=structure.keywords,
        events=structure.events,
        event_groups=events,
    )
