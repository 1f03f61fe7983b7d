"""Rules applied line by line inside one article.

Each stripped line is first tested against the whole-line rules (``line`` and
``section``); a line that survives has its inline debris cut (``cut`` and ``caption``
rules, see ``inline.py``), and what remains is tested against the whole-line rules once
more ("Theo TTXVN" left over after a caption was cut is still a source line).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import regex

from tomtat.clean.endings import ends_with_mark
from tomtat.clean.inline import cut_line
from tomtat.clean.rules import Rule, RuleBook
from tomtat.clean.sidebar import is_sentence_line, sidebar_end
from tomtat.model import Removal

_FINAL = ".!?…:;"  # final punctuation, possibly behind closing quotes (endings.py)


@dataclass(frozen=True, slots=True)
class Line:
    """A kept line: its text after inline cuts and its 0-based line in the original."""

    text: str
    line_no: int


def heading_shaped(text: str, max_words: int = 30) -> bool:
    """Short and without final punctuation: a subheading, headline or caption."""
    # split(None, n) stops after n + 1 words: enough to compare with n, cheap on long lines
    return not ends_with_mark(text, _FINAL) and len(text.split(None, max_words)) <= max_words


def whole_line_rule(
    text: str,
    rules: Sequence[Rule],
    at_end: bool,
    longest: int | None = None,
    words: int | None = None,
    folded: str | None = None,
) -> Rule | None:
    """The first ``line`` or ``section`` rule that makes ``text`` debris, if any.

    ``longest`` is the largest ``max_words`` among ``rules`` when the caller knows it: a
    line with more words than that is no rule's business, and is let go at once.
    ``words`` is the line's word count when the caller has it (it may stop counting
    past ``longest``); ``folded`` the line case-folded, likewise.
    """
    if words is None:
        words = len(text.split()) if longest is None else len(text.split(None, longest))
    if longest is not None and words > longest:
        return None
    for rule in rules:
        if rule.kind not in ("line", "section") or words > rule.max_words:
            continue
        if rule.where == "end" and not at_end:
            continue
        if rule.needs or rule.triggers:
            if folded is None:
                folded = text.casefold()
            if not rule.may_apply(folded, text):
                continue
        if rule.find(text):
            return rule
    return None


def _body_end(lines: Sequence[str], words: Sequence[int]) -> int:
    """Index after the last sentence-like line of at least 8 words (``words``: each
    line's word count, or any count above 8 for a longer line): bylines and credits
    live after it. Looked for from the end, where it usually is."""
    for i in range(len(lines) - 1, -1, -1):
        if words[i] >= 8 and is_sentence_line(lines[i]):
            return i + 1
    return 0


_NAMED_CREDIT = regex.compile(r"^[(\[]?\s*(?i:ảnh|photo|nguồn ảnh)\s*:")


def _caption_shaped(text: str, credit: str) -> bool:
    """Whether ``text`` is the caption of the photo credited on the next line.

    Only when the credit names someone ("Ảnh: Thanh Hà", not "Ảnh minh họa", which
    often stands alone under a photo without caption), and only for a heading-shaped
    line or a short plain clause: at most 16 words, no comma, quotation, colon or
    question, not a "Theo ..." attribution."""
    if not _NAMED_CREDIT.match(credit):
        return False
    if heading_shaped(text):
        return True
    return (
        len(text.split()) <= 16
        and not regex.search(r"[,\"“”:?]", text)
        and not regex.match(r"(?i:theo)\b", text)
    )


def _credit_only(text: str, rules: Sequence[Rule], folded: str | None = None) -> bool:
    """The whole line is one photo credit ("Ảnh: Reuters"), with no caption of its own.
    (``folded``: the line case-folded, for the rules' cheap tests, when the caller has it.)"""
    if folded is None:
        folded = text.casefold()
    for r in rules:
        if r.kind == "caption" and r.direction == "left" and r.may_apply(folded, text) and r.pattern.fullmatch(text):
            return True
    return False


def _need_lines(book: RuleBook, folded: str, starts: Sequence[int]) -> dict[str, list[int]]:
    """The lines holding each ``needs`` word of ``book`` that occurs in ``folded`` (lines
    joined by "\\n", line ``i`` starting at ``starts[i]``), found in one pass. No word
    holds a line break, so each occurrence lies inside one line."""
    found: dict[str, list[int]] = {}
    for end, need in book.find_needs(folded):
        row = bisect_right(starts, end) - 1
        rows = found.setdefault(need, [])
        if not rows or rows[-1] != row:
            rows.append(row)
    return found


def _rules_hit(book: RuleBook, found: dict[str, list[int]]) -> dict[int, set[str]]:
    """For each line holding a ``needs`` word of an inline rule, the names of those rules."""
    hit: dict[int, set[str]] = {}
    for rule in book.inline:
        for need in rule.needs:
            for row in found.get(need, ()):
                hit.setdefault(row, set()).add(rule.name)
    return hit


def apply_line_rules(
    article_id: str, lines: Sequence[str], rules: Sequence[Rule]
) -> tuple[list[Line], list[Removal]]:
    """Kept lines (with inline debris cut) and the removals, for one article's lines."""
    book = RuleBook.of(rules)
    stripped = [line.strip() for line in lines]
    folded_all = "\n".join(stripped).casefold()
    folded_lines = folded_all.split("\n")
    # An inline rule is tried on a line only when one of its ``needs`` words is in it:
    # the lines holding each word are found with one pass over the whole article, and
    # each line is handed only the rules it may need (``free`` ones, without needs, always).
    hit: dict[int, set[str]] | None = None
    if len(folded_lines) == len(stripped):
        starts = list(accumulate((len(f) + 1 for f in folded_lines[:-1]), initial=0))
        hit = _rules_hit(book, _need_lines(book, folded_all, starts))
    else:  # a line held a line break of its own: every rule on every line
        folded_lines = [text.casefold() for text in stripped]
    free_credit = [r for r in book.free if r.kind == "caption" and r.direction == "left"]
    longest = book.longest
    # one word count per line, exact up to what the rules and _body_end compare with
    cap = max(longest, 8)
    words = [len(text.split(None, cap)) for text in stripped]
    body_end = _body_end(stripped, words)
    kept: list[Line] = []
    removed: list[Removal] = []
    no = 0
    while no < len(stripped):
        text = stripped[no]
        if not text:
            no += 1
            continue
        count = words[no]
        folded = folded_lines[no]
        rule = None
        if count <= longest:
            rule = whole_line_rule(text, book.by_words[count], no >= body_end, longest, count, folded)
        if rule is not None and rule.kind == "section":
            end = sidebar_end(stripped, no)
            for i in range(no, end):
                if stripped[i]:
                    removed.append(Removal(article_id, stripped[i], rule.name, i))
            no = end
            continue
        if rule is not None:
            removed.append(Removal(article_id, text, rule.name, no))
            no += 1
            continue
        names = None if hit is None else hit.get(no)
        if hit is None:
            live: Sequence[Rule] = book.inline
        elif names is None:
            live = book.free
        else:
            live = [r for r in book.inline if not r.needs or r.name in names]
        if kept:
            credit = free_credit if names is None and hit is not None else [
                r for r in live if r.kind == "caption" and r.direction == "left"
            ]
            if (
                credit
                and _credit_only(text, credit, folded)
                and not any(stripped[kept[-1].line_no + 1 : no])  # only blank lines between
                and _caption_shaped(kept[-1].text, text)
            ):
                prev = kept.pop()
                removed.append(Removal(article_id, prev.text, "caption-before-credit", prev.line_no))
        rest, cuts = cut_line(text, live, folded)
        if cuts and len(live) < len(book.inline):
            # a cut changed the line, and a rule left out may act on what remains: again,
            # with every rule, from the line as it was
            rest, cuts = cut_line(text, book.inline, folded)
        removed.extend(Removal(article_id, piece, name, no) for name, piece in cuts)
        if rest and cuts:
            rule = whole_line_rule(rest, book.line, no >= body_end, longest)
            if rule is not None:
                removed.append(Removal(article_id, rest, rule.name, no))
                rest = ""
        if rest:
            kept.append(Line(rest, no))
        no += 1
    return kept, removed
