"""Text decoded with the wrong encoding (mojibake): repaired, or reported.

"Viá»‡t Nam" is UTF-8 read as Windows-1252; ftfy (a library made for exactly this)
detects and undoes it. Legacy Vietnamese font encodings (TCVN3/ABC: "ViÖt Nam",
"®iÒu"; VNI: "Vieät Nam") cannot be undone reliably; such lines are unreadable to a summary, so they are
taken out and reported (reason ``mojibake-unrepaired``) rather than quoted as garbage.
Repaired lines are reported too (reason ``mojibake-repaired``, with the original;
``mojibake-repaired-lossy`` when bytes were already lost and "�" remains).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ftfy
import ftfy.badness
import regex

from tomtat.model import Removal

# Characters TCVN3 puts where Unicode has "đ á à ả ã ạ ă â ê ô ơ ư ..." and that are not
# Vietnamese letters themselves; frequent in TCVN3 text, rare in real text.
_TCVN3 = frozenset("®¸µ¶·¹¨©ª«¬¾»¼½ÆÇËÎÏÑÖ×ØÛÜÞ")
# VNI shows Vietnamese as a base letter plus a Latin-1 letter Vietnamese never uses
# ("Vieät Nam", "ñöôøng"): ä ë ï ö ø û ñ.
_VNI = frozenset("äëïöøûñ")
_LEGACY = _TCVN3 | _VNI
# UTF-8 read as Windows-1252/Latin-1: a lead byte (Â Ã Ä Å Æ á â ...) followed by a
# continuation byte shown as Latin-1 or a Windows-1252 special. A cheap sieve: only
# lines it flags are handed to ftfy, which makes the real decision.
_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\ufffd"
_LEAD = frozenset("ÂÃÄÅÆÐáâãäåæ")
_SUSPECT = regex.compile("[" + "".join(sorted(_LEAD)) + "][" + _CONTINUATION + "]|[" + "".join(sorted(_LEGACY)) + "]")
# Every match of _SUSPECT holds one of these characters; looking for them alone is a
# single fast scan ("á", "â", "ã" are everywhere in Vietnamese, continuation bytes are not).
_SIEVE = re.compile("[" + _CONTINUATION + "".join(sorted(_LEGACY)) + "]")


def suspect(text: str) -> bool:
    """Whether ``text`` shows a sign of mojibake (what ``_SUSPECT`` finds); when not,
    ``repair`` leaves it as it is and ``looks_legacy`` says no. No sign spans a line
    break, so one test of a whole text answers for each of its lines.

    Each sign holds a character of ``_SIEVE`` (a legacy character, or a continuation
    byte after a lead byte), and those are few: a scan for them, with a look at the
    character before each, is several times faster than ``_SUSPECT.search``.
    """
    for m in _SIEVE.finditer(text):
        i = m.start()
        if text[i] in _LEGACY or (i and text[i - 1] in _LEAD):
            return True
    return False


def repair(text: str) -> str:
    """``text`` with mojibake undone (unchanged when it shows none)."""
    if not text or not suspect(text) or not ftfy.badness.is_bad(text):
        return text
    return ftfy.fix_encoding(text)


def looks_legacy(text: str) -> bool:
    """Vietnamese in a legacy font encoding (TCVN3, VNI), or mojibake ftfy could not undo."""
    if not suspect(text):
        return False
    if ftfy.badness.is_bad(text):
        return True
    odd = sum(ch in _LEGACY for ch in text)
    modern = sum(ord(ch) > 0x17F and ch.isalpha() for ch in text)
    return odd >= 3 and odd > 4 * modern and odd * 20 >= len(text.split())


def repair_lines(article_id: str, lines: Sequence[str]) -> tuple[list[str], list[Removal]]:
    """Repair each raw line; report repairs and lines that stay unreadable.

    Unreadable lines come back empty (the line numbering stays the same).
    """
    if not suspect("\n".join(lines)):  # the usual case: nothing to repair anywhere
        return list(lines), []
    out: list[str] = []
    removed: list[Removal] = []
    for no, line in enumerate(lines):
        if _SIEVE.search(line) is None:  # neither repair nor looks_legacy can act on it
            out.append(line)
            continue
        fixed = repair(line)
        if looks_legacy(fixed):
            removed.append(Removal(article_id, line.strip(), "mojibake-unrepaired", no))
            fixed = ""
        elif fixed != line:
            reason = "mojibake-repaired-lossy" if "\ufffd" in fixed else "mojibake-repaired"
            removed.append(Removal(article_id, line.strip(), reason, no))
        out.append(fixed)
    return out, removed
