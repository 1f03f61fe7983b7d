"""Lines that repeat something already there: the title, or an earlier line.

Image alt text often repeats the title, sometimes numbered ("... - ảnh 1"); crawls
also repeat whole paragraphs. The first occurrence of a line is kept, later ones go.
An article handed in without a title whose first line is headline-shaped and recurs
in the body takes that line as its title (the repeats are alt text of the title).
"""

from __future__ import annotations

import regex

from tomtat.clean.lines import Line, heading_shaped
from tomtat.model import Removal
from tomtat.text.tokens import spaced as _spaced

_ALT_NUMBER = regex.compile(r"\s*[-–—:(]?\s*(?i:ảnh|hình)\s*\d{1,2}\s*\)?\s*\.?$")
_WORDS = regex.compile(r"\w+")  # on text with "_" made a space: the words, as [^\W_]+ finds them, faster


# Every whitespace character (str.isspace), then what _ALT_NUMBER allows after its digits.
_TAIL = "\t\n\v\f\r \x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000.)"


# The ASCII digits.
_DIGITS = tuple("0123456789")


def _drop_alt_number(text: str) -> str:
    tail = text.rstrip(_TAIL)
    # Alt-text numbering ends in a digit and names a photo: skip the costly search
    # otherwise (what "(?i:ảnh|hình)" matches, case-folded, holds "ảnh" or "hình").
    if tail and tail[-1].isdigit():
        folded = text.casefold()
        if "ảnh" in folded or "hình" in folded:
            return _ALT_NUMBER.sub("", text)
    return text


def _plain(spaced: str) -> bool:
    """Whether ``spaced`` holds nothing but letters, ASCII digits and spaces."""
    probe = spaced.replace(" ", "")
    for ch in _DIGITS:
        if ch in probe:
            probe = probe.replace(ch, "")
    return not probe or probe.isalpha()


def _collapsed(spaced: str) -> str:
    while "  " in spaced:
        spaced = spaced.replace("  ", " ")
    return spaced


def line_key(text: str) -> str:
    """A comparison key: case- and punctuation-insensitive, alt-text numbering dropped.

    The key is the words (``_WORDS``) joined by single spaces. Usually it is found with
    string methods alone: once the common punctuation is made spaces, a line holding
    nothing but letters, ASCII digits and spaces (all letters and digits being word
    characters) has its words between the spaces. Any other line goes to ``_WORDS``.
    """
    folded = _drop_alt_number(text).casefold().replace("_", " ")
    spaced = _spaced(folded)
    if not _plain(spaced):
        return " ".join(_WORDS.findall(folded))
    return _collapsed(spaced).strip(" ")


def line_keys(texts: list[str]) -> list[str]:
    """``line_key`` of each text, the string work done once on the texts joined."""
    joined = "\n".join(map(_drop_alt_number, texts))
    if joined.count("\n") != len(texts) - 1:  # a text holds a line break: one by one
        return [line_key(t) for t in texts]
    folded = joined.casefold().replace("_", " ")
    spaced = _spaced(folded)
    if not _plain(spaced.replace("\n", " ")):
        return [line_key(t) for t in texts]
    return [line.strip(" ") for line in _collapsed(spaced).split("\n")]


def _repeats_title(key: str, title_key: str) -> bool:
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    # alt text cut short or lengthened by a word or two ("Ảnh:", the outlet)
    short, long_ = sorted((key, title_key), key=len)
    return len(short.split()) >= 6 and short in long_ and len(long_.split()) - len(short.split()) <= 3


def drop_repeats(article_id: str, title: str, lines: list[Line]) -> tuple[str, list[Line], list[Removal]]:
    """The title (possibly taken from the first line), kept lines and removals.

    A line repeating the title goes, unless the article has nothing else to keep.
    """
    removed: list[Removal] = []
    keys = line_keys([line.text for line in lines])
    if not title.strip() and lines and heading_shaped(lines[0].text) and keys[0] in keys[1:]:
        title = lines[0].text
        removed.append(Removal(article_id, lines[0].text, "title-line", lines[0].line_no))
        lines, keys = lines[1:], keys[1:]
    title_key = line_key(title)
    kept: list[Line] = []
    seen: set[str] = set()
    title_copy: tuple[Line, Removal] | None = None
    for line, key in zip(lines, keys):
        if not key:
            removed.append(Removal(article_id, line.text, "no-words", line.line_no))
        elif _repeats_title(key, title_key):
            removed.append(Removal(article_id, line.text, "repeated-title", line.line_no))
            if title_copy is None:
                title_copy = (line, removed[-1])
        elif key in seen:
            removed.append(Removal(article_id, line.text, "repeated-line", line.line_no))
        else:
            seen.add(key)
            kept.append(line)
    if not kept and title_copy is not None:
        # Text that only repeats its title ({"title": X, "text": X}) is the user's text,
        # not alt text: keep its first copy rather than leave the article empty.
        line, removal = title_copy
        kept = [line]
        removed.remove(removal)
    return title, kept, removed
