"""The cleaner: from crawled ``Article``s to ``CleanArticle``s, every removal recorded.

For each article:

1. repair mojibake line by line (``encoding.py``), then normalise each line
   (``normalize.py``: NFC, one tone-mark convention, invisible characters, entities);
2. apply the rules of ``tomtat/data/clean_rules.json`` (``rules.py``) line by line:
   whole-line debris, sidebars (``sidebar.py``), and debris inside lines -- datelines,
   end marks, glued captions and links (``inline.py``) -- with the content around it kept;
3. drop lines repeating the title or an earlier line (``repeats.py``);

across the cluster:

4. drop short non-sentence lines that recur in several articles (``evidence.py``);

and finally mark subheadings and compute paragraph spans (``structure.py``).
Every removal becomes a ``Removal`` naming its rule and original line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from tomtat.clean.encoding import repair_lines
from tomtat.clean.evidence import drop_shared, shared_lines
from tomtat.clean.lines import Line, apply_line_rules
from tomtat.clean.normalize import normalize_lines, normalize_text, split_lines_text
from tomtat.clean.repeats import drop_repeats
from tomtat.clean.rules import Rule, load_rules
from tomtat.clean.structure import assemble
from tomtat.model import Article, CleanArticle, Removal


CleanLines = tuple[str, list[Line], list[Removal]]  # title, kept lines, removals


def clean_lines(article: Article, rules: Sequence[Rule]) -> CleanLines:
    """Steps 1-3 for one article: depends on that article (and the rules) alone."""
    title = normalize_text(article.title).strip()
    raw = split_lines_text(article.text).split("\n")
    repaired, removed = repair_lines(article.id, raw)
    lines = normalize_lines(repaired)
    kept, by_rules = apply_line_rules(article.id, lines, rules)
    title, kept, repeats = drop_repeats(article.id, title, kept)
    return title, kept, in_source_lines(article, removed + by_rules + repeats)


def in_source_lines(article: Article, removed: list[Removal]) -> list[Removal]:
    """Removals numbered by the lines of the user's source, not of ``article.text``."""
    if not article.line_offset:
        return removed
    return [r if r.line is None else replace(r, line=r.line + article.line_offset) for r in removed]


def clean_article(article: Article, rules: Sequence[Rule] | None = None) -> CleanArticle:
    """Clean one article on its own (no evidence from other articles).

    >>> from tomtat.model import Article
    >>> a = clean_article(Article("a", "Tiêu đề", "TTO - Nội dung chính của bài./.\\nTheo TTXVN"))
    >>> a.text, [r.reason for r in a.removed]
    ('Nội dung chính của bài.', ['dateline', 'end-mark', 'source-line'])
    """
    rules = load_rules() if rules is None else rules
    title, kept, removed = clean_lines(article, rules)
    return assemble(article, title, kept, removed)


def clean_cluster(
    articles: Sequence[Article],
    rules: Sequence[Rule] | None = None,
    min_articles: int = 3,
    lines: Callable[[Article, Sequence[Rule]], CleanLines] = clean_lines,
) -> list[CleanArticle]:
    """Clean every article, then remove short non-sentence lines that recur in at least
    ``min_articles`` articles of the cluster (shared site furniture, not content).
    ``lines`` does steps 1-3 for one article (``clean_lines``, or a cache of it: see
    ``tomtat.article_cache``); its results are read, never changed."""
    rules = load_rules() if rules is None else rules
    staged = [(a, *lines(a, rules)) for a in articles]
    shared = shared_lines([kept for _, _, kept, _ in staged], min_articles)
    out = []
    for article, title, kept, removed in staged:
        kept, furniture = drop_shared(article.id, kept, shared)
        out.append(assemble(article, title, kept, removed + in_source_lines(article, furniture)))
    return out
