"""What's new in a story since a version the reader has seen.

The reader has seen version N's summary. The articles added since then are cleaned and
split into sentences (the pipeline's own cleaner and splitter, so every sentence keeps
its article, paragraph and index); a sentence is new when its content syllables are
not similar (cosine below ``SEEN``) to any summary sentence the reader saw nor to a
new sentence already reported. Headings, very short sentences and near-duplicate copies
are left out. The result keeps the articles' order (oldest first) and names each
sentence's source.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tomtat.clean import clean_cluster
from tomtat.model import Article
from tomtat.story.similarity import bag, cosine, norm
from tomtat.store.engine import StoreError
from tomtat.store.queries import resolve_story, versions
from tomtat.store.versions import story_articles
from tomtat.text.sentences import split_articles

SEEN = 0.5  # cosine at or above which a sentence repeats something already read
MIN_WORDS = 6
MAX_NEW = 12


@dataclass(frozen=True, slots=True)
class NewSentence:
    """A sentence of an article added since the version the reader saw."""

    article_id: int
    paragraph: int
    index: int
    text: str
    title: str
    source: str | None
    url: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id, "paragraph": self.paragraph, "index": self.index, "text": self.text,
            "title": self.title, "source": self.source, "url": self.url,
        }


def new_sentences(seen_texts: list[str], fresh: list[sa.Row], limit: int = MAX_NEW) -> list[NewSentence]:
    """Sentences of the ``fresh`` article rows that say something ``seen_texts`` did not."""
    if not fresh:
        return []
    by_id = {str(row.id): row for row in fresh}
    cleaned = clean_cluster([Article(id=str(r.id), title=r.title, text=r.text, source=r.source, url=r.url, published=r.published) for r in fresh])
    seen: list[tuple[Counter[str], float]] = [(b, norm(b)) for b in map(bag, seen_texts) if b]
    out: list[NewSentence] = []
    for sentence in split_articles(cleaned):
        if sentence.heading or len(sentence.text.split()) < MIN_WORDS:
            continue
        words = bag(sentence.text)
        if not words:
            continue
        size = norm(words)
        if any(cosine(words, other, size, other_norm) >= SEEN for other, other_norm in seen):
            continue
        row = by_id[sentence.article_id]
        out.append(NewSentence(row.id, sentence.paragraph, sentence.index, sentence.text, row.title, row.source, row.url))
        seen.append((words, size))
        if len(out) >= limit:
            break
    return out


def whats_new(conn: Connection, story_id: int, since: int | None = None, until: int | None = None) -> dict[str, object]:
    """The update of a story from version ``since`` (default: the one before) to
    version ``until`` (default: the latest): the articles added and their new sentences."""
    story = resolve_story(conn, story_id)
    rows = versions(conn, story.id)
    if not rows:
        raise StoreError(f"story {story_id} has no version yet (run tomtat track add again to finish it)")
    last = rows[-1].number
    until = last if until is None else until
    if not 1 <= until <= last:
        raise StoreError(f"story {story.id} has versions 1 to {last}; {until} is not one of them")
    since = until - 1 if since is None else since
    if not 0 <= since <= until:
        raise StoreError(f"story {story.id} has versions 1 to {last}; --since {since} is not one of them (0: from the start)")
    before = rows[since - 1] if since >= 1 else None
    after = rows[until - 1]
    seen_ids = set(json.loads(before.article_ids)) if before else set()
    now_ids = set(json.loads(after.article_ids))
    seen_texts = [s["text"] for s in json.loads(before.summary).get("sentences", [])] if before else []
    fresh = [r for r in story_articles(conn, story.id) if r.id in now_ids and r.id not in seen_ids and r.duplicate_of is None]
    return {
        "story": story.id,
        "since": since,
        "latest": until,
        "new_articles": [{"id": r.id, "title": r.title, "source": r.source, "url": r.url, "published": r.published} for r in fresh],
        "new_sentences": [s.to_dict() for s in new_sentences(seen_texts, fresh)],
    }
