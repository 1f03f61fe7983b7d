"""Rules applied line by line inside one article.

Each stripped line is first tested against the whole-line rules (``line`` and
``section``); a line that survives has its inline debris cut (``cut`` and ``caption``
rules, see ``inline.py``), and what remains is tested against the whole-line rules once
more ("Theo TTXVN" left over after a caption was cut is still a source line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from tomtat.clean.endings import ends_with_mark
from tomtat.clean.inline import cut_line
from tomtat.clean.rules import Rule
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
    text: str, rules: Sequence[Rule], at_end: bool, longest: int | None = None, words: int | None = None
) -> Rule | None:
    """The first ``line`` or ``section`` rule that makes ``text`` debris, if any.

    ``longest`` is the largest ``max_words`` among ``rules`` when the caller knows it: a
    line with more words than that is no rule's business, and is let go at once.
    ``words`` is the line's word count when the caller has it (it may stop counting
    past ``longest``).
    """
    if words is None:
        words = len(text.split()) if longest is None else len(text.split(None, longest))
    if longest is not None and words > longest:
        return None
    folded = None
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
    return any(
        r.kind == "caption" and r.direction == "left" and r.may_apply(folded, text) and r.pattern.fullmatch(text)
        for r in rules
    )


def apply_line_rules(
    article_id: str, lines: Sequence[str], rules: Sequence[Rule]
) -> tuple[list[Line], list[Removal]]:
    """Kept lines (with inline debris cut) and the removals, for one article's lines."""
    stripped = [line.strip() for line in lines]
    folded_all = "\n".join(stripped).casefold()
    folded_lines = folded_all.split("\n")
    if len(folded_lines) != len(stripped):  # a line held a line break of its own
        folded_lines = [text.casefold() for text in stripped]
    # A rule none of whose ``needs`` occurs anywhere in the article can act on no line of
    # it as given (only on a line a cut has changed): one scan of the article per word
    # instead of one per line. Such rules are "absent" and left out while lines are as given.
    present = {n for n in {n for r in rules for n in r.needs} if n in folded_all}
    absent = frozenset(r.name for r in rules if r.needs and present.isdisjoint(r.needs))
    # each kind of rule picked out once per article, not once per line
    line_rules = [r for r in rules if r.kind in ("line", "section")]
    live_line_rules = [r for r in line_rules if r.name not in absent]
    inline_rules = [r for r in rules if r.kind in ("cut", "caption")]
    live_inline_rules = [r for r in inline_rules if r.name not in absent]
    credit_rules = [r for r in rules if r.kind == "caption" and r.direction == "left" and r.name not in absent]
    longest = max((r.max_words for r in line_rules), default=0)
    # one word count per line, exact up to what the rules and _body_end compare with
    cap = max(longest, 8)
    words = [len(text.split(None, cap)) for text in stripped]
    body_end = _body_end(stripped, words)
    by_words: dict[int, list[Rule]] = {}  # the live whole-line rules allowing so many words
    kept: list[Line] = []
    removed: list[Removal] = []
    no = 0
    while no < len(stripped):
        text = stripped[no]
        if not text:
            no += 1
            continue
        count = words[no]
        if count not in by_words:
            by_words[count] = [r for r in live_line_rules if count <= r.max_words]
        rule = whole_line_rule(text, by_words[count], no >= body_end, longest, count)
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
        folded = folded_lines[no]
        if (
            kept
            and credit_rules
            and _credit_only(text, credit_rules, folded)
            and not any(stripped[kept[-1].line_no + 1 : no])  # only blank lines between
            and _caption_shaped(kept[-1].text, text)
        ):
            prev = kept.pop()
            removed.append(Removal(article_id, prev.text, "caption-before-credit", prev.line_no))
        rest, cuts = cut_line(text, live_inline_rules, folded)
        if cuts and len(live_inline_rules) < len(inline_rules):
            # a cut changed the line, and a rule left out may act on what remains: again,
            # with every rule, from the line as it was
            rest, cuts = cut_line(text, inline_rules, folded)
        removed.extend(Removal(article_id, piece, name, no) for name, piece in cuts)
        if rest and cuts:
            rule = whole_line_rule(rest, line_rules, no >= body_end, longest)
            if rule is not None:
                removed.append(Removal(article_id, rest, rule.name, no))
                rest = ""
        if rest:
            kept.append(Line(rest, no))
        no += 1
    return kept, removed
