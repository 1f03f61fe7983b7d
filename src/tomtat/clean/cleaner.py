"""The cleaner: from an ``Article`` as crawled to a ``CleanArticle``.

Stages, in order, for each article:

1. normalise the text (``normalize.normalize_text``) and split it into lines;
2. apply the rules of ``tomtat/data/clean_rules.json`` to each stripped line: whole-line
   debris is removed, a sidebar header removes itself and what follows, datelines and
   end marks are cut from the line and the rest kept;
3. drop empty lines, lines repeating an earlier line of the article, and lines that
   repeat the title;
4. mark subheadings (short lines without final punctuation, followed by text);

and across the cluster:

5. remove short non-sentence lines that recur in several articles (shared boilerplate).

Every removal becomes a ``Removal`` naming its rule, so nothing disappears silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tomtat.clean.normalize import normalize_text
from tomtat.data import read_json
from tomtat.model import Article, CleanArticle, Paragraph, Removal

_FINAL_PUNCT = re.compile(r"[.!?…:;\"”»)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Rule:
    """One cleaning rule loaded from the rules file."""

    name: str
    kind: str  # "line", "section", "prefix" or "suffix"
    pattern: re.Pattern[str]
    max_words: int


def load_rules(name: str = "clean_rules.json") -> tuple[Rule, ...]:
    """The rules shipped with tomtat, compiled, in the order they apply."""
    rules = []
    for spec in read_json(name)["rules"]:
        flags = re.IGNORECASE if "i" in spec.get("flags", "") else 0
        rules.append(
            Rule(spec["name"], spec["kind"], re.compile(spec["pattern"], flags), int(spec["max_words"]))
        )
    return tuple(rules)


def _key(line: str) -> str:
    """A comparison key for repeated lines: case- and punctuation-insensitive."""
    return " ".join(re.findall(r"[^\W_]+", line.casefold()))


@dataclass(slots=True)
class _Line:
    """A working line: its text after inline cuts and where it came from."""

    text: str
    line_no: int


def _apply_rules(
    article_id: str, lines: list[str], rules: Sequence[Rule]
) -> tuple[list[_Line], list[Removal]]:
    kept: list[_Line] = []
    removed: list[Removal] = []
    in_section: str | None = None
    for no, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            continue
        if in_section is not None:
            removed.append(Removal(article_id, text, in_section, no))
            continue
        n_words = len(text.split())
        verdict: str | None = None
        for rule in rules:
            if n_words > rule.max_words and rule.kind in ("line", "section"):
                continue
            match = rule.pattern.search(text)
            if not match:
                continue
            if rule.kind == "line":
                verdict = rule.name
                break
            if rule.kind == "section":
                in_section = rule.name
                verdict = rule.name
                break
            cut = match.group(0)
            if cut.strip():
                removed.append(Removal(article_id, cut.strip(), rule.name, no))
            text = (text[: match.start()] + text[match.end() :]).strip()
            if rule.kind == "suffix" and text and text[-1] not in ".!?…":
                text += "."
            n_words = len(text.split())
            if not text:
                break
        if verdict is not None:
            removed.append(Removal(article_id, text, verdict, no))
        elif text:
            kept.append(_Line(text, no))
    return kept, removed


def _drop_repeats(
    article_id: str, title: str, lines: list[_Line]
) -> tuple[list[_Line], list[Removal]]:
    kept: list[_Line] = []
    removed: list[Removal] = []
    seen: set[str] = set()
    title_key = _key(title)
    for line in lines:
        key = _key(line.text)
        if not key:
            removed.append(Removal(article_id, line.text, "no-words", line.line_no))
        elif title_key and key == title_key:
            removed.append(Removal(article_id, line.text, "repeated-title", line.line_no))
        elif key in seen:
            removed.append(Removal(article_id, line.text, "repeated-line", line.line_no))
        else:
            seen.add(key)
            kept.append(line)
    return kept, removed


def _is_heading(text: str, next_text: str | None) -> bool:
    """A subheading: a short line with no final punctuation, followed by a longer one."""
    words = len(text.split())
    if next_text is None or words > 10 or _FINAL_PUNCT.search(text):
        return False
    return len(next_text.split()) > words


def _assemble(article: Article, title: str, lines: list[_Line], removed: list[Removal]) -> CleanArticle:
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    offset = 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        paragraphs.append(Paragraph(i, offset, offset + len(line.text), _is_heading(line.text, nxt)))
        parts.append(line.text)
        offset += len(line.text) + 1
    removed.sort(key=lambda r: (r.line if r.line is not None else -1))
    return CleanArticle(
        id=article.id,
        title=title,
        text="\n".join(parts),
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        source=article.source,
        url=article.url,
        published=article.published,
    )


def _clean_lines(article: Article, rules: Sequence[Rule]) -> tuple[str, list[_Line], list[Removal]]:
    title = normalize_text(article.title).strip()
    lines = normalize_text(article.text).split("\n")
    kept, removed = _apply_rules(article.id, lines, rules)
    kept, repeats = _drop_repeats(article.id, title, kept)
    return title, kept, removed + repeats


def clean_article(article: Article, rules: Sequence[Rule] | None = None) -> CleanArticle:
    """Clean one article on its own (no evidence from other articles).

    >>> from tomtat.model import Article
    >>> a = clean_article(Article("a", "Tiêu đề", "Nội dung chính của bài.\\nTheo TTXVN"))
    >>> a.text, [r.reason for r in a.removed]
    ('Nội dung chính của bài.', ['source-line'])
    """
    rules = load_rules() if rules is None else rules
    title, kept, removed = _clean_lines(article, rules)
    return _assemble(article, title, kept, removed)


def clean_cluster(
    articles: Sequence[Article], rules: Sequence[Rule] | None = None, min_articles: int = 3
) -> list[CleanArticle]:
    """Clean every article, then remove short non-sentence lines that recur in at least
    ``min_articles`` articles of the cluster (shared site furniture, not content).
    """
    rules = load_rules() if rules is None else rules
    staged = [(a, *_clean_lines(a, rules)) for a in articles]
    counts: Counter[str] = Counter()
    for _, _, kept, _ in staged:
        counts.update({_key(line.text) for line in kept if _is_boilerplate_shape(line.text)})
    shared = {k for k, n in counts.items() if n >= min_articles} if len(articles) >= min_articles else set()
    out = []
    for article, title, kept, removed in staged:
        if shared:
            keep = []
            for line in kept:
                if _key(line.text) in shared:
                    removed.append(Removal(article.id, line.text, "repeated-across-articles", line.line_no))
                else:
                    keep.append(line)
            kept = keep
        out.append(_assemble(article, title, kept, removed))
    return out


def _is_boilerplate_shape(text: str) -> bool:
    return len(text.split()) <= 12 and not _FINAL_PUNCT.search(text)
