"""The data model every stage shares.

Objects flow one way through the pipeline (read -> clean -> split -> represent ->
select -> order -> compose -> write); each stage builds new objects from the previous
stage's and never mutates them, so every type here is a frozen dataclass.

A sentence is identified by ``(article_id, index)`` (with its paragraph and character
span in the cleaned article text) from the moment it is split until the final output.
Nothing in tomtat identifies a sentence by its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tomtat.story.dated_events import DatedEvent
    from tomtat.story.events import SubEvent


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the user handed it in, before any cleaning.

    ``origin`` says where it came from (a path, ``<stdin>``, ``file.jsonl:12``) so that
    error messages and ``--explain`` can point the user at it; ``line_offset`` is the
    number of source lines before ``text`` begins (the title line of a ``.txt`` file), so
    that removals can name lines of the file the user has.
    """

    id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None
    line_offset: int = 0


@dataclass(frozen=True, slots=True)
class Cluster:
    """The articles of one story."""

    id: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Removal:
    """Something the cleaner took out of an article, and why.

    ``line`` is the 0-based line of the source it came from (of the file, for a
    ``.txt`` file; of the article text otherwise); ``reason`` is the
    name of the rule that removed it (see ``tomtat/data/clean_rules.json``).
    """

    article_id: str
    text: str
    reason: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a cleaned article: its span in ``CleanArticle.text``.

    ``heading`` marks subheadings ("Hỗ trợ quốc tế"): kept as structure, never selected.
    """

    index: int
    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article after cleaning: normalised text, paragraphs joined by newlines."""

    id: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...] = ()
    source: str | None = None
    url: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "headings": [p.index for p in self.paragraphs if p.heading],
            "removed": [removal_to_dict(r) for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a cleaned article, with its identity and its span.

    ``index`` counts sentences from 0 across the whole article; ``paragraph`` is the
    paragraph it sits in; ``start``/``end`` are character offsets into the cleaned
    article text, so ``article.text[start:end] == text``.
    """

    article_id: str
    paragraph: int
    index: int
    start: int
    end: int
    text: str
    heading: bool = False

    @property
    def key(self) -> tuple[str, int]:
        """The sentence's identity: ``(article_id, index)``."""
        return (self.article_id, self.index)


@dataclass(frozen=True, slots=True)
class Extract:
    """A sentence as it appears in a summary.

    ``text`` equals ``sentence.text`` unless the budget was smaller than the sentence,
    in which case the sentence is cut at the budget and ``cut`` is true.
    """

    sentence: Sentence
    text: str
    cut: bool = False

    def to_dict(self) -> dict[str, Any]:
        s = self.sentence
        return {
            "text": self.text,
            "article_id": s.article_id,
            "paragraph": s.paragraph,
            "index": s.index,
            "start": s.start,
            "end": s.start + len(self.text) if self.cut else s.end,
            "cut": self.cut,
        }


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event: the date (ISO 8601, possibly partial), the sentence stating it.

    ``year_from`` says where the year came from when it was not written next to the
    date: ``published`` (the article's date), ``article`` (another year written in
    the same article) or ``cluster`` (the year another article gives the same
    sub-event), ``evidence`` (office holders, reference events, a weekday: see
    ``years``); None when written or unknown. ``years`` is the inferred year or range
    ("2022–2023") of a date whose year is not certain. ``background`` marks a date
    recalled in passing (not the date of one of the story's events). ``event`` is the
    number of the distinct event the entry belongs to (``Summary.event_groups``), given
    only when the cluster tells several.
    """

    date: str
    text: str
    article_ids: tuple[str, ...]
    precision: str  # "day", "week", "month", "year", "day-no-year", "month-no-year"
    sentence: tuple[str, int] | None = None
    year_from: str | None = None
    years: str | None = None
    background: bool = False
    event: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date,
            "text": self.text,
            "article_ids": list(self.article_ids),
            "precision": self.precision,
        }
        if self.sentence is not None:
            out["sentence"] = {"article_id": self.sentence[0], "index": self.sentence[1]}
        if self.year_from is not None:
            out["year_from"] = self.year_from
        if self.years is not None:
            out["years"] = self.years
        if self.background:
            out["background"] = True
        if self.event is not None:
            out["event"] = self.event
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        """The event ``to_dict`` wrote (as a story store keeps it), read back."""
        sentence = data.get("sentence")
        return cls(
            date=data["date"],
            text=data["text"],
            article_ids=tuple(data.get("article_ids", ())),
            precision=data["precision"],
            sentence=(sentence["article_id"], sentence["index"]) if sentence else None,
            year_from=data.get("year_from"),
            years=data.get("years"),
            background=bool(data.get("background", False)),
            event=data.get("event"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with its variants merged."""

    name: str
    type: str  # "PER", "ORG", "LOC", "MISC"
    count: int
    articles: tuple[str, ...]
    role: str | None = None
    variants: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "articles": list(self.articles),
        }
        if self.role:
            out["role"] = self.role
        if self.variants:
            out["variants"] = list(self.variants)
        return out


@dataclass(frozen=True, slots=True)
class Limits:
    """A budget resolved for one cluster: at most ``words`` whitespace words and
    ``sentences`` sentences in the summary (None: no such limit)."""

    words: int | None = None
    sentences: int | None = None

    def full(self, chosen: int) -> bool:
        """Whether ``chosen`` sentences already reach the sentence limit."""
        return self.sentences is not None and chosen >= self.sentences


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be: at most ``words`` whitespace tokens ("chữ"),
    ``sentences`` sentences, or ``ratio`` of the cluster's words. Unset limits are
    ignored; with none set, the default is 200 words."""

    words: int | None = None
    sentences: int | None = None
    ratio: float | None = None

    def limits(self, total_words: int) -> Limits:
        """The limits this budget sets on a cluster of ``total_words`` words: the
        binding word limit (``words``, ``ratio`` of the cluster, or the default 200
        when nothing is set) and the sentence limit. Resolved once per cluster; every
        method, the budget filler and the composer read the result."""
        words = []
        if self.words is not None:
            words.append(self.words)
        if self.ratio is not None:
            words.append(max(1, int(total_words * self.ratio)))
        if not words and self.sentences is None:
            words.append(200)
        return Limits(words=min(words) if words else None, sentences=self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {"words": self.words, "sentences": self.sentences, "ratio": self.ratio}


@dataclass(frozen=True, slots=True)
class Summary:
    """The result of summarizing one cluster.

    ``extracts`` are in reading order. ``notes`` tells the user about anything unusual
    (a budget smaller than one sentence, articles skipped as empty, ...).
    """

    cluster_id: str
    extracts: tuple[Extract, ...]
    articles: tuple[CleanArticle, ...]
    method: str
    budget: Budget
    notes: tuple[str, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    keywords: tuple[str, ...] = ()
    events: tuple[SubEvent, ...] = ()
    event_groups: tuple[DatedEvent, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sections(self) -> list[tuple[DatedEvent | None, tuple[Extract, ...]]]:
        """The extracts grouped by the distinct event they tell (``event_groups``, in
        time order; an event the summary does not quote has no section) when event
        detection found several; else one section with no event: a single story, even
        one followed over years, reads as one paragraph."""
        if len(self.event_groups) < 2:
            return [(None, self.extracts)]
        event_of = {aid: e.id for e in self.event_groups for aid in e.article_ids}
        groups: dict[int | None, list[Extract]] = {}
        for x in self.extracts:
            groups.setdefault(event_of.get(x.sentence.article_id), []).append(x)
        out: list[tuple[DatedEvent | None, tuple[Extract, ...]]] = [
            (e, tuple(groups[e.id])) for e in self.event_groups if e.id in groups
        ]
        if None in groups:
            out.append((None, tuple(groups[None])))
        return out

    @property
    def text(self) -> str:
        """The summary as one paragraph of plain text."""
        return " ".join(e.text for e in self.extracts)

    @property
    def sentences(self) -> tuple[Extract, ...]:
        return self.extracts

    @property
    def removed(self) -> tuple[Removal, ...]:
        return tuple(r for a in self.articles for r in a.removed)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """The JSON document described in docs/JSON_SCHEMA.md."""
        return {
            "id": self.cluster_id,
            "summary": self.text,
            "words": self.word_count,
            "method": self.method,
            "budget": self.budget.to_dict(),
            "sentences": [e.to_dict() for e in self.extracts],
            "articles": [
                {
                    "id": a.id,
                    "title": a.title,
                    "source": a.source,
                    "url": a.url,
                    "published": a.published,
                }
                for a in self.articles
            ],
            "removed": [removal_to_dict(r) for r in self.removed],
            "timeline": [t.to_dict() for t in self.timeline],
            "events": self._events_dict(),
            "event_groups": self._event_groups_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "keywords": list(self.keywords),
            "notes": list(self.notes),
            **self.extra,
        }

    def _event_groups_dict(self) -> list[dict[str, Any]]:
        """Each distinct event: its articles and, when there are several (the summary is
        told event by event), its date, years with their evidence and summary sentences."""
        if len(self.event_groups) < 2:
            return [{"article_ids": list(e.article_ids)} for e in self.event_groups]
        quoted = {e.id: xs for e, xs in self.sections if e is not None}
        return [e.to_dict(tuple(x.sentence.key for x in quoted.get(e.id, ()))) for e in self.event_groups]

    def _events_dict(self) -> list[dict[str, Any]]:
        """Each event with the summary sentences that tell it (``in_summary``)."""
        event_of = {k: e.id for e in self.events for k in e.sentences}
        quoted: dict[int, list[Extract]] = {}
        for x in self.extracts:
            if (eid := event_of.get(x.sentence.key)) is not None:
                quoted.setdefault(eid, []).append(x)
        return [{**e.to_dict(), "in_summary": _summary_keys(tuple(quoted.get(e.id, ())))} for e in self.events]


def _summary_keys(extracts: tuple[Extract, ...]) -> list[dict[str, Any]]:
    return [{"article_id": x.sentence.article_id, "index": x.sentence.index} for x in extracts]


def removal_to_dict(r: Removal) -> dict[str, Any]:
    return {"article_id": r.article_id, "text": r.text, "reason": r.reason, "line": r.line}
