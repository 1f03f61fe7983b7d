"""Unicode normalisation for Vietnamese text.

Crawled Vietnamese comes in decomposed and precomposed forms, with two tone-mark
conventions ("hoà" and "hòa"), NBSP, zero-width characters and HTML entities. Every
later stage compares text, so everything is brought to one form here: NFC, the modern
tone placement ("hòa", "thủy", as in underthesea's normaliser), plain spaces.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

import regex

from tomtat.clean.encoding import repair, suspect

# Old-style tone placement on the second vowel of "oa", "oe", "uy" at the end of a
# syllable ("hoà", "khoẻ", "thuỷ") moves to the first vowel ("hòa", "khỏe", "thủy").
# Only at the end of a syllable: "hoàn", "khoảng" are right in both conventions.
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_BASE_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_PAIRS = {"o": "ae", "u": "y"}


def _build_tone_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, seconds in _PAIRS.items():
        for second in seconds:
            for tone in range(5):
                old = first + _TONED[second][tone]
                new = _BASE_TONED[first][tone] + second
                table[old] = new
                table[old.upper()] = new.upper()
                table[old.capitalize()] = new.capitalize()
                table[first + _TONED[second][tone].upper()] = _BASE_TONED[first][tone] + second.upper()
    return table


_TONE_MAP = _build_tone_map()
# Not after "q" (in "quỳ", "quý" the "u" belongs to the consonant) and not before a
# letter (a final consonant or vowel keeps the tone where it is).
# Every key is two characters, so the alternation is written as one character class of
# second letters per first letter, and "not after q" is checked after the two letters
# ("(?<![qQ]..)"), so that the pattern starts with a letter: the same matches as
# "(?<![qQ])(key|key|...)", found several times faster.
_TONE_SECONDS: dict[str, str] = {}
for _old in sorted(_TONE_MAP):
    _TONE_SECONDS[_old[0]] = _TONE_SECONDS.get(_old[0], "") + _old[1]
_TONE_RE = re.compile(
    "("
    + "|".join(re.escape(first) + "[" + seconds + "]" for first, seconds in sorted(_TONE_SECONDS.items()))
    + r")(?<![qQ]..)(?![^\W\d_])"
)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MULTI_SPACE = re.compile(r" {2,}")
# Any character the three steps above would touch: most lines have none, and one scan
# for them is much cheaper than a translate and two substitutions.
_ODD = re.compile(
    "[" + "".join(map(chr, _ZERO_WIDTH)) + r"\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)


_LINE_BREAKS = regex.compile("\r\n|[\r\u2028\u2029]")


def split_lines_text(text: str) -> str:
    """Every kind of line break (CRLF, CR, Unicode line and paragraph separators) as ``\\n``."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text  # nothing to unify (most lines): skip the substitution
    return _LINE_BREAKS.sub("\n", text)


def normalize_tone_marks(text: str) -> str:
    """Move old-style tone marks to the modern position: "hoà" -> "hòa"."""
    return _TONE_RE.sub(lambda m: _TONE_MAP[m.group(1)], text)


def normalize_text(text: str) -> str:
    """Mojibake repaired, NFC, modern tone marks, HTML entities decoded, odd spaces,
    invisible and control characters removed, line breaks unified to ``\\n``.

    >>> normalize_text("Hoa\\u0300 bi\\u0300nh&nbsp;  thuỷ")
    'Hòa bình thủy'
    """
    text = split_lines_text(text)
    if suspect(text):  # else no line of it has anything to repair
        text = "\n".join(repair(line) for line in text.split("\n"))
    if "&" in text:
        text = html.unescape(text)
    return _normalize_chars(text)


def normalize_lines(lines: Sequence[str]) -> list[str]:
    """``normalize_text`` of each line, with any line break it makes turned into a space.

    Done on the lines joined, in one pass of each step, when that gives the same lines:
    no line holds a line break of another kind, mojibake to repair or an entity that
    decodes to a line break. (Every other step works within a line: normalisation and
    the tone-mark pattern never reach across a "\\n".)
    """
    joined = "\n".join(lines)
    if "\r" in joined or "\u2028" in joined or "\u2029" in joined or suspect(joined):
        return [normalize_text(line).replace("\n", " ") for line in lines]
    if "&" in joined:
        unescaped = html.unescape(joined)
        if unescaped.count("\n") != len(lines) - 1:
            return [normalize_text(line).replace("\n", " ") for line in lines]
        joined = unescaped
    out = _normalize_chars(joined).split("\n")
    return out if len(out) == len(lines) else [normalize_text(line).replace("\n", " ") for line in lines]


def _normalize_chars(text: str) -> str:
    """The character-level steps of ``normalize_text``: odd spaces, invisible and
    control characters, NFC, tone marks, repeated spaces."""
    if _ODD.search(text):
        text = text.translate(_ZERO_WIDTH)
        text = _SPACES.sub(" ", text)
        text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = normalize_tone_marks(text)
    return _MULTI_SPACE.sub(" ", text) if "  " in text else text
