"""Vietnamese sentence splitting that keeps every sentence's identity and span.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets
after it) when whitespace and then a sentence start follow: an upper-case letter, a
digit, or an opening quote or bracket. It does not end after an abbreviation from
``tomtat/data/abbreviations_vi.txt`` ("TP.", "TS.", "Mr."), after a single capital
letter (initials "J. Kerry"), or inside numbers ("4,5", "1.000"), dates ("14-10",
"21/10") and web addresses ("vnexpress.net"), which have no space after the period.
Paragraph breaks always end a sentence.

We split with our own rules instead of underthesea's ``sent_tokenize`` because we need
character offsets into the cleaned text, and because that function splits inside web
addresses and on "/." endings (docs/BACKGROUND.md, "Vietnamese NLP libraries offline").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tomtat.data import read_lines
from tomtat.model import CleanArticle, Sentence

_OPENERS = "\"'“‘«([„"
_BOUNDARY = re.compile(
    r"(?P<end>[.!?…]+[\"'”’»)\]]*)(?P<space>\s+)(?=[" + re.escape(_OPENERS) + r"\-–—]*[\w])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations_vi.txt"))


def _word_before(text: str, stop: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(text[:stop])`` without copying or scanning the whole prefix:
    the word is looked for in the last 64 characters, and further back only when it
    fills them."""
    lo = max(0, stop - 64)
    match = _WORD_BEFORE.search(text, lo, stop)
    if match is not None and match.start() == lo and lo > 0:
        match = _WORD_BEFORE.search(text, 0, stop)
    return match


def _initials(word: str) -> bool:
    """Whether ``word`` is a name given by its initials ("N.V.Đ"), as the press shortens
    the names of suspects and victims. Followed by a bracket or a dash ("ông D.V.T.
    (SN 1975, ...)", "T.Q.V. - cháu ông ...") such a name never ends a sentence."""
    return all(len(part) == 1 and part.isupper() for part in word.split("."))


def _ends_sentence(text: str, end: int, next_char: str, closing: str) -> bool:
    """Whether the punctuation ``closing`` at ``text[:end]`` really ends a sentence."""
    if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS or next_char in "-–—"):
        return False
    if closing.startswith(".") and closing.rstrip("\"'”’»)]") == ".":
        match = _word_before(text, end - len(closing))
        if match:
            word = match.group(1)
            if word.rstrip(".") in _abbreviations():
                return False
            if len(word) == 1 and word.isupper():
                return False
            if next_char in "(-–—" and _initials(word):
                return False
    return True


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that closes later in the paragraph:
    a quoted speech of several sentences stays one sentence with its attribution."""
    if text.count("“", 0, pos) > text.count("”", 0, pos) and text.find("”", pos) >= 0:
        return True
    return text.count('"', 0, pos) % 2 == 1 and text.find('"', pos) >= 0


def split_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of one paragraph, stripped of spaces.

    >>> t = 'TP. HCM có mưa. Ông J. Kerry nói: "Tốt." Giá 4,5 triệu đồng.'
    >>> [t[a:b] for a, b in split_spans(t)]
    ['TP. HCM có mưa.', 'Ông J. Kerry nói: "Tốt."', 'Giá 4,5 triệu đồng.']
    >>> t = '"Đây là việc khó. Chúng tôi sẽ làm," ông nói. Hết.'
    >>> [t[a:b] for a, b in split_spans(t)]
    ['"Đây là việc khó. Chúng tôi sẽ làm," ông nói.', 'Hết.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end("end")
        next_pos = match.end()
        if next_pos >= len(text):
            break
        nxt = text[next_pos]
        if not _ends_sentence(text, end, nxt, match.group("end")):
            continue
        if _inside_quote(text, end):
            continue
        spans.append((start, end))
        start = next_pos
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def split_article(article: CleanArticle) -> list[Sentence]:
    """The sentences of a cleaned article, numbered from 0, with paragraph and span."""
    sentences: list[Sentence] = []
    for para in article.paragraphs:
        body = article.text[para.start : para.end]
        spans = [(0, len(body))] if para.heading else split_spans(body)
        for a, b in spans:
            sentences.append(
                Sentence(
                    article_id=article.id,
                    paragraph=para.index,
                    index=len(sentences),
                    start=para.start + a,
                    end=para.start + b,
                    text=body[a:b],
                    heading=para.heading,
                )
            )
    return sentences


def split_articles(articles: Iterable[CleanArticle]) -> list[Sentence]:
    """All sentences of the cluster, article by article."""
    return [s for a in articles for s in split_article(a)]
