"""Sub-events: the distinct happenings a cluster reports, and which sentence tells which.

A cluster is rarely one event. Articles are grouped into events by time and content:
each article's *anchor* is the first date it states at day (or month) precision; an
article joins an existing group when their anchors are compatible (same day and month
within ``ANCHOR_DAYS`` days, years not contradicting) and their words overlap, or, when
either has no anchor, when their words overlap strongly. Anchors that contradict never
join. Every sentence of an article belongs to its article's event, except a sentence
that states the anchor date of another event, which belongs to that event.

The story stage gives selection each sentence's sub-event (``Story.sentence_events``);
the budget filler (:func:`tomtat.select.fill.spread_over_events`) tries the best
sentence of every main event first, so a budgeted summary touches each main event
instead of only the largest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain

from tomtat.model import CleanArticle, Sentence, TimelineEvent
from tomtat.story.dates import DateMention, with_year
from tomtat.story.similarity import bag, bag_of, cosine, merged, norm
from tomtat.story.timeline import compatible
from tomtat.story.years import YearEstimate

ANCHOR_DAYS = 3
JOIN_WITH_DATES = 0.25
JOIN_WITHOUT_DATES = 0.45

Key = tuple[str, int]


@dataclass(frozen=True, slots=True)
class SubEvent:
    """One event of the story: its date (ISO, possibly partial or None), a label (the
    sentence that dates it, or the first sentence of its first article), the articles
    reporting it and the keys ``(article_id, index)`` of its sentences. ``years`` is the
    year or range inferred for a date written without a year, with its evidence
    (:mod:`tomtat.story.years`); ``dated_by`` the key of the sentence that dates it."""

    id: int
    date: str | None
    precision: str | None
    label: str
    article_ids: tuple[str, ...]
    sentences: tuple[Key, ...]
    years: YearEstimate | None = None
    dated_by: Key | None = None

    @property
    def year_span(self) -> tuple[int, int | None] | None:
        """First and last year the event can be in (last None: open-ended), or None
        when nothing says which year."""
        if self.date and not self.date.startswith("--"):
            return int(self.date[:4]), int(self.date[:4])
        return (self.years.first, self.years.last) if self.years else None

    @property
    def when(self) -> str | None:
        """What a reader is told: ``2014-10-14``; ``21/10, 2022–2023``; ``23/1`` (year
        unknown); None when undated."""
        if self.date is None:
            return None
        if not self.date.startswith("--"):
            return self.date
        parts = [int(p) for p in self.date[2:].split("-")]
        day_month = "/".join(map(str, reversed(parts)))
        return f"{day_month}, {self.years.label}" if self.years else day_month

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "date": self.date,
            "precision": self.precision,
            "when": self.when,
            "label": self.label,
            "article_ids": list(self.article_ids),
            "sentences": [{"article_id": a, "index": i} for a, i in self.sentences],
        }
        if self.years is not None:
            out["years"] = self.years.to_dict()
        if self.dated_by is not None:
            out["dated_by"] = {"article_id": self.dated_by[0], "index": self.dated_by[1]}
        return out


@dataclass(slots=True)
class _Group:
    """Articles grouped into one sub-event while :func:`group_events` runs: the
    anchor (date and the sentence stating it), and the sum of the articles' content
    bags, merged only when a later article is compared with it."""

    anchor: tuple[DateMention, Sentence] | None
    articles: list[str]
    words: Counter[str]
    length: float
    pending: list[Counter[str]] = field(default_factory=list)

    def content(self) -> tuple[Counter[str], float]:
        """The summed bag and its norm."""
        if self.pending:
            self.words = merged([self.words, *self.pending])
            self.length = norm(self.words)
            self.pending.clear()
        return self.words, self.length


def _anchor(sentences: Sequence[Sentence], dates: Mapping[Key, Sequence[DateMention]]) -> tuple[DateMention, Sentence] | None:
    best = None
    for s in sentences:
        for d in dates.get(s.key, ()):
            if d.precision in ("day", "day-no-year"):
                return d, s
            if best is None and d.precision in ("month", "month-no-year"):
                best = (d, s)
    return best


def _surer(a: DateMention, b: DateMention) -> bool:
    """Whether ``a`` tells the event's year better than ``b``: a year against none, or
    an inferred range against nothing (one report names the ministers, another not)."""
    if a.year is not None:
        return b.year is None
    return b.year is None and a.estimate is not None and b.estimate is None


def _near(a: DateMention, b: DateMention) -> bool:
    """Same day within ANCHOR_DAYS (years not contradicting), or compatible months."""
    if a.day is None or b.day is None or a.month is None or b.month is None:
        return compatible(a, b)
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    y = a.year or b.year or 2001  # any non-leap year: only the gap matters
    try:
        gap = abs((date(y, a.month, a.day) - date(y, b.month, b.day)).days)
    except ValueError:
        return False
    return min(gap, 365 - gap) <= ANCHOR_DAYS


def _reports_years(anchor: DateMention, told: Sequence[DateMention]) -> YearEstimate | None:
    """The years all of a sub-event's reports allow for its date ``anchor``: the firm
    estimates (:attr:`YearEstimate.firm`) of the event's days in all its sentences
    (``told``: those near the anchor with no year written) met. None when fewer than
    two of those days have firm years, or when their years exclude each other: then
    the event is dated as its anchor's own article dates it. A year the article writes
    elsewhere takes no part: met with the firm years of other reports, a recalled year
    ("cách đây gần hai năm, vào ngày 26/9/2014") would pin the event to the wrong one.
    """
    if anchor.year is not None:
        return None
    firm = [d.estimate for d in told if d.year is None and d.estimate is not None and d.estimate.firm and _near(d, anchor)]
    if len(firm) < 2:
        return None
    met: YearEstimate | None = firm[0]
    for e in firm[1:]:
        if met is None:
            break
        met = met.meet(e)
    return met


def _with_years(d: DateMention, years: YearEstimate) -> DateMention:
    """``d`` (no year written) in ``years``; one year left places it there (basis
    ``evidence``, as an inferred exact year does)."""
    if years.exact is not None:
        return replace(with_year(d, years.exact, "evidence"), estimate=years)
    return replace(d, estimate=years)


def group_events(
    articles: Sequence[CleanArticle],
    sentences: Sequence[Sentence],
    dates: Mapping[Key, Sequence[DateMention]],
    tokens: Mapping[Key, Sequence[str]] | None = None,
) -> tuple[SubEvent, ...]:
    """The cluster's sub-events, ordered by date (known years first), then size.

    ``tokens`` (sentence key -> lower-cased syllable tokens, as
    :mod:`tomtat.story.words` cuts them) saves cutting the texts again for the content
    bags.
    """
    by_article: dict[str, list[Sentence]] = {a.id: [] for a in articles}
    for s in sentences:
        by_article.setdefault(s.article_id, []).append(s)
    groups: list[_Group] = []
    for aid, sents in by_article.items():
        if not sents:
            continue
        body = [s for s in sents if not s.heading] or sents
        anchor = _anchor(body, dates)
        if tokens is not None:
            words = bag_of(chain.from_iterable(tokens.get(s.key, ()) for s in body))
        else:
            words = bag(" ".join(s.text for s in body))
        length = norm(words)
        best, best_sim = None, 0.0
        for g in groups:
            if anchor and g.anchor:
                if not _near(anchor[0], g.anchor[0]):
                    continue  # dates that contradict never join, whatever the words
                least = JOIN_WITH_DATES
            else:
                least = JOIN_WITHOUT_DATES
            group_words, group_length = g.content()
            sim = cosine(group_words, words, group_length, length)
            if sim >= least and sim > best_sim:
                best, best_sim = g, sim
        if best is None:
            groups.append(_Group(anchor, [aid], words, length))
        else:
            best.articles.append(aid)
            best.pending.append(words)
            if best.anchor is None or (anchor and _surer(anchor[0], best.anchor[0])):
                best.anchor = anchor
    members: list[list[Key]] = [[] for _ in groups]
    group_of_article = {a: gi for gi, g in enumerate(groups) for a in g.articles}
    for s in sentences:
        if s.index < 0:
            continue  # titles date an article but are not sentences of it
        gi = group_of_article[s.article_id]
        for d in dates.get(s.key, ()):
            other = [
                k for k, g in enumerate(groups)
                if k != gi and g.anchor and d.precision in ("day", "day-no-year") and compatible(d, g.anchor[0])
            ]
            own = groups[gi].anchor
            if other and not (own and compatible(d, own[0])):
                gi = other[0]
                break
        members[gi].append(s.key)
    events = []
    for gi, g in enumerate(groups):
        if not members[gi]:
            continue
        anchor = g.anchor
        told = [d for k in members[gi] for d in dates.get(k, ())]
        if anchor is not None and (years := _reports_years(anchor[0], told)) is not None:
            # the date stays as written ("--05-19") even when one year is left, so that
            # no year is lent from it (lend_years): detection weighs each article's own
            anchor = (replace(anchor[0], estimate=years), anchor[1])
        first = by_article[g.articles[0]]
        label = anchor[1].text if anchor else next((s.text for s in first if not s.heading), first[0].text)
        arts = tuple(dict.fromkeys(k[0] for k in members[gi]))
        events.append((anchor, label, arts, tuple(members[gi])))
    events.sort(key=lambda e: _chronological(e[0][0] if e[0] else None, len(e[3])))
    return tuple(
        SubEvent(i, a[0].iso if a else None, a[0].precision if a else None, label, arts, keys,
                 a[0].estimate if a else None,
                 a[1].key if a and a[1].index >= 0 else None)
        for i, (a, label, arts, keys) in enumerate(events)
    )


def _chronological(d: DateMention | None, size: int) -> tuple[bool, bool, tuple[int, int, int], int]:
    """Dated events first, by year (or the first year of an inferred range), month and
    day; events with no year at all after them; then larger first."""
    if d is None:
        return (True, True, (0, 0, 0), -size)
    year = d.year if d.year is not None else (d.estimate.first if d.estimate else None)
    return (False, year is None, (year or 9999, d.month or 99, d.day or 99), -size)


def lend_years(
    events: Sequence[SubEvent],
    sentences: Sequence[Sentence],
    dates: Mapping[Key, Sequence[DateMention]],
) -> dict[Key, tuple[DateMention, ...]]:
    """``dates`` with a year lent to day/month dates that have none, from their sub-event.

    When a sub-event's date has a known year (written, from publication, or from its
    article) and another sentence of the same event (or the title of one of its
    articles) states a day within ``ANCHOR_DAYS`` of it without a year, that day takes
    the year that puts it nearest the event's date, with basis ``cluster``: "hôm 15/10"
    in one report of a Paris meeting another report dates "14-10-2014" is 2014-10-15.
    Anything else keeps its year unknown.
    """
    anchors: dict[int, DateMention] = {}
    event_of: dict[Key, int] = {}
    article_event: dict[str, int] = {}
    for e in events:
        if e.date and e.precision == "day" and not e.date.startswith("--"):
            y, m, day = (int(x) for x in e.date.split("-"))
            anchors[e.id] = DateMention(0, 0, "", e.date, "day", "explicit", False, y, m, day)
        for k in e.sentences:
            event_of[k] = e.id
            article_event.setdefault(k[0], e.id)
    out = {key: tuple(ds) for key, ds in dates.items()}
    if not anchors:
        return out
    for s in sentences:
        ds = dates.get(s.key)
        if not ds or all(d.year is not None or d.day is None for d in ds):
            continue
        anchor = anchors.get(event_of.get(s.key, article_event.get(s.article_id, -1)))
        if anchor is None or anchor.year is None or anchor.month is None:
            continue
        anchor_year, anchor_month = anchor.year, anchor.month
        fixed = []
        for d in ds:
            if d.year is None and d.day is not None and d.month is not None and _near(d, anchor):
                month = d.month
                year = min((anchor_year - 1, anchor_year, anchor_year + 1),
                           key=lambda y: abs((y - anchor_year) * 12 + month - anchor_month))
                d = with_year(d, year, "cluster")
            fixed.append(d)
        out[s.key] = tuple(fixed)
    return out


def same_day_reports(events: Sequence[SubEvent]) -> list[tuple[str, ...]]:
    """The articles of each dated sub-event told by several: reports of one day (or of
    days within ``ANCHOR_DAYS``), which event detection merges first."""
    return [e.article_ids for e in events if e.date is not None and len(e.article_ids) > 1]


def event_years(
    events: Sequence[SubEvent], dates: Mapping[Key, Sequence[DateMention]]
) -> dict[Key, tuple[DateMention, ...]]:
    """``dates`` with each day of a sub-event that has no year written, and is near the
    event's own date (within ``ANCHOR_DAYS``), given the years the event's reports
    allow together (the event's ``years`` when firm, met with the day's own firm
    estimate; a day whose own estimate is not firm, or that has none, takes the
    event's; one year left dates the day in it, basis ``evidence``). The timeline reads
    these, so that the reports of one event date its days alike ("19/5" in four reports
    of one crash is one range, not four). Event detection reads ``dates`` as they are:
    each article's own years.
    """
    out = {key: tuple(ds) for key, ds in dates.items()}
    for e in events:
        if e.years is None or not e.years.firm or e.date is None or e.precision not in ("day", "day-no-year"):
            continue
        anchor = _mention(e.date)
        if anchor is None:
            continue
        for key in e.sentences:
            ds = out.get(key)
            if not ds or all(d.year is not None or d.day is None for d in ds):
                continue
            fixed = []
            for d in ds:
                if d.year is None and d.day is not None and _near(d, anchor):
                    own = d.estimate
                    met = e.years if own is None or not own.firm else own.meet(e.years)
                    if met is not None:
                        d = _with_years(d, met)
                fixed.append(d)
            out[key] = tuple(fixed)
    return out


def _parts(iso: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ISO date as the timeline writes it (``--10-14`` too)."""
    if iso.startswith("--"):
        nums = [int(x) for x in iso[2:].split("-")]
        return None, nums[0], nums[1] if len(nums) > 1 else None
    if "W" in iso or not iso[:4].isdigit():
        return None, None, None
    nums = [int(x) for x in iso.split("-")]
    return nums[0], nums[1] if len(nums) > 1 else None, nums[2] if len(nums) > 2 else None


def _mention(iso: str) -> DateMention | None:
    y, m, d = _parts(iso)
    if m is None:
        return None
    return DateMention(0, 0, "", iso, "day" if d else "month", "explicit", False, y, m, d)


def mark_background(timeline: Sequence[TimelineEvent], events: Sequence[SubEvent]) -> tuple[TimelineEvent, ...]:
    """The timeline with each entry that dates none of the events marked ``background``:
    a date recalled in passing ("the outbreak began in February 2014") rather than a
    day within ``ANCHOR_DAYS`` of an event's date (or that event's month)."""
    anchors = [a for e in events if e.date and (a := _mention(e.date)) is not None]
    if not anchors:
        return tuple(timeline)
    out = []
    for t in timeline:
        d = _mention(t.date)
        main = d is not None and any(
            _near(d, a) if d.day is not None and a.day is not None
            else d.month == a.month and (d.year is None or a.year is None or d.year == a.year)
            for a in anchors
        )
        out.append(t if main else replace(t, background=True))
    return tuple(out)


def event_index(events: Sequence[SubEvent]) -> dict[Key, int]:
    """Sentence key -> id of the sub-event it tells."""
    return {k: e.id for e in events for k in e.sentences}
