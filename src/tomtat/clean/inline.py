"""Debris inside a line: cut it out and keep the content around it.

Some corpora store a whole article body on one line, and crawls glue captions to the
sentences next to them ("... hôm 14-10. Ảnh: AP Ông Lavrov nói ..."). So ``cut`` and
``caption`` rules work on spans inside a line, never on the whole line only.

A caption credit ("Ảnh: AFP", "(Ảnh: TTXVN)") closes the caption before it: the span
removed runs back to the previous sentence boundary (at most ``max_words`` words, else
only the credit goes, so no content is lost on a bad guess). An image file name or a
">>" related link opens a span that runs forward to the end of its sentence, to the
next ">>", to a word that starts a new sentence ("Ông", "Theo", ...), or to the first
capitalised word after a lower-case one once the headline has four words: a leaked
name from a headline costs less than a lost sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import regex

from tomtat.clean.rules import Rule, load_vocab

_BOUNDARY = regex.compile(r"(?:[.!?…]+[\"'”’»)\]]*(?:\s+|(?=\p{Lu}\p{Ll}))|>>)")
_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_TRAILING_JUNK = regex.compile(r"[\s.,:;\-–—|]+$")
_SPACES = regex.compile(r"[ \t]{2,}")
# A capitalised word after a lower-case one: inside a headline that is a name ("tại Hà
# Nội"), right after one it is the next sentence. Headlines have a few words before any
# such name, so the first one after _MIN_HEADLINE_WORDS words is taken as the end.
_NEW_SENTENCE = regex.compile(r"(?<=(?:^|\s)\p{Ll}[\p{Ll}\d]*)\s+(?=\p{Lu}\p{Ll}|[\"“])")
_MIN_HEADLINE_WORDS = 4


def _window(max_words: int) -> int:
    """Characters searched around a credit or marker: room for ``max_words`` long words."""
    return 16 * max_words + 64
_SPACE_BEFORE_PUNCT = regex.compile(r" +(?=[.,;:!?…)\]”])")


@cache
def _starter() -> regex.Pattern[str]:
    words = sorted(load_vocab()["STARTER"], key=len, reverse=True)
    return regex.compile(r"(?<=[^\s.!?…:;,\-–—])\s+(?=(?:" + "|".join(map(regex.escape, words)) + r")\b)")


def _words(text: str) -> int:
    return len(text.split())


def _left_caption(text: str, start: int, end: int, max_words: int) -> tuple[int, int]:
    """The span of a caption closed by the credit at ``text[start:end]``.

    Only a window before the credit is searched (a caption longer than that has more
    than ``max_words`` words anyway), so a line with many credits stays linear.
    """
    lo = max(0, start - _window(max_words))
    head = _TRAILING_JUNK.sub("", text[lo:start])
    begin = None
    for m in _BOUNDARY.finditer(head):
        begin = lo + m.end()
    if begin is None:
        begin = lo if lo > 0 else 0
        if lo > 0:  # no boundary in the window: the caption is too long to be one
            return start, end
    if _words(text[begin:start]) > max_words:
        return start, end
    return begin, end


def _right_caption(text: str, start: int, end: int, max_words: int) -> tuple[int, int]:
    """The span of a caption or link opened by the marker at ``text[start:end]``.

    Only a window after the marker is searched, so a line with many markers stays linear.
    """
    limit = min(len(text), end + _window(max_words))
    stops = [limit]
    m = _SENTENCE_END.search(text, end, limit)
    if m:
        stops.append(m.end())
    nxt = text.find(">>", end, limit)
    if nxt >= 0:
        stops.append(nxt)
    near = min(stops)  # the costlier searches below only look before the nearest stop
    m = _starter().search(text, end, near)
    if m:
        stops.append(m.start())
    for m in _NEW_SENTENCE.finditer(text, end, near):
        if _words(text[end : m.start()]) >= _MIN_HEADLINE_WORDS:
            stops.append(m.start())
            break
    stop = min(stops)
    if (stop == limit and limit < len(text)) or _words(text[end:stop]) > max_words:
        return start, end
    return start, stop


def rule_spans(text: str, rule: Rule, folded: str | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that ``rule`` (a ``cut`` or ``caption`` rule) removes.

    ``folded`` is ``text.casefold()`` when the caller already has it (``cut_line`` tries
    every rule on the same line, so it folds the line once, not once per rule).
    """
    if (rule.needs or rule.triggers) and not rule.may_apply(text.casefold() if folded is None else folded, text):
        return []
    return _spans(text, rule)


def _spans(text: str, rule: Rule) -> list[tuple[int, int]]:
    """``rule_spans`` once the rule's cheap tests have passed."""
    spans: list[tuple[int, int]] = []
    pos = max(0, len(text) - rule.window) if rule.window else 0
    matches: Iterable[regex.Match[str]]
    if rule.anchored and pos == 0:  # one possible match, at the start
        first = rule.pattern.match(text)
        matches = [] if first is None else [first]
    else:
        matches = rule.pattern.finditer(text, pos)
    for m in matches:
        if m.end() == m.start():
            continue
        if rule.kind == "caption" and rule.direction == "left":
            spans.append(_left_caption(text, m.start(), m.end(), rule.max_words))
        elif rule.kind == "caption":
            spans.append(_right_caption(text, m.start(), m.end(), rule.max_words))
        else:
            spans.append(m.span())
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def tidy(text: str) -> str:
    """Spaces left behind by a cut: collapsed, none before punctuation, none at the ends."""
    return _SPACE_BEFORE_PUNCT.sub("", _SPACES.sub(" ", text)).strip()


def cut_line(text: str, rules: Sequence[Rule], folded: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """Apply the ``cut`` and ``caption`` rules, in order, to one line (``folded``: the
    line case-folded, when the caller has it).

    Returns the text that remains and ``(rule name, removed text)`` for every cut.

    >>> from tomtat.clean.rules import load_rules
    >>> cut_line("TTO - Hai bên ký thỏa thuận./.", load_rules())[0]
    'Hai bên ký thỏa thuận.'
    """
    cuts: list[tuple[str, str]] = []
    if folded is None:
        folded = text.casefold()
    for rule in rules:
        if rule.kind not in ("cut", "caption") or not text:
            continue
        if rule.needs:  # the cheap tests of Rule.may_apply, inline: this loop is hot
            for need in rule.needs:
                if need in folded:
                    break
            else:
                continue
        if rule.triggers and not rule.triggered(text):
            continue
        spans = _spans(text, rule)
        if not spans:
            continue
        pieces, pos = [], 0
        for a, b in spans:
            removed = text[a:b].strip()
            if removed:
                cuts.append((rule.name, removed))
            pieces.append(text[pos:a])
            pos = b
        pieces.append(text[pos:])
        text = tidy(" ".join(p.strip() for p in pieces if p.strip()))
        folded = text.casefold()
    return text, cuts
