"""Reading capitalised runs: phrase matches, where a run ends, and what a run names.

Helpers of the scan in :mod:`tomtat.story.entities.mentions`, over
:class:`~tomtat.story.entities.syllables.Syllables`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tomtat.story.entities.lexicon import ORG_HEAD, ORG_KNOWN, PLACE, Lexicon, Phrases, syllables_of
from tomtat.story.entities.syllables import Syllables

_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ACRONYM = re.compile(r"[\d.\- ]*(?:[A-ZĐ][\d.\- ]*){2,}")


def is_acronym(text: str) -> bool:
    """"NATO", "HĐND": capitals A-Z and Đ only. A word in capitals with Vietnamese
    vowels ("THỊNH") is shouted text, and Roman numerals ("XIV") are numbers."""
    return _ACRONYM.fullmatch(text) is not None and _ROMAN.match(text) is None


def match(sy: Syllables, i: int, table: Phrases) -> int:
    """Length of the longest entry of ``table`` that starts at ``i`` and ends at a word end."""
    low = sy.low
    lengths = table.lengths.get(low[i])
    if not lengths:
        return 0
    size = len(low)
    for n in lengths:
        end = i + n
        if end > size:
            continue
        if tuple(low[i:end]) in table and (end == size or end not in sy.cont):
            return n
    return 0


def org_head(sy: Syllables, i: int, kind: int, lex: Lexicon) -> int:
    """Length of the organisation head at ``i`` ("Bộ", "Hãng tin"), 0 if none or if a
    longer place starts there ("Đài Loan" is the place, not a station "Đài ...").
    ``kind`` is ``lex.kinds`` of the syllable at ``i``."""
    n = match(sy, i, lex.org_heads) if kind & ORG_HEAD else 0
    if n and kind & PLACE and match(sy, i, lex.places) > n:
        return 0
    return n


def run_end(sy: Syllables, i: int, lex: Lexicon) -> int:
    """End of the capitalised run that starts at ``i`` (``i`` if none): capitalised
    syllables up to punctuation, a breaker ("Ảnh") or a title ("Ngoại trưởng"). An
    ampersand between words in capitals is part of the name ("Bộ GD&ĐT", "AT&T"), and
    so are particles of foreign names followed by a capital ("Erik ten Hag")."""
    tok, low, firsts, cap, cont, _ = sy
    size = len(tok)
    if i >= size or not cap[i] or not firsts[i].isalnum():
        return i
    breakers, titles, particles = lex.breakers, lex.titles, lex.particles
    j = i + 1
    crossed = False
    while j < size:
        if not (cap[j] and firsts[j].isalnum()):
            if tok[j] == "&" and amp_inside(tok, j):  # the cheap test first: most runs end at other marks
                j += 1
                continue
            if "-" in tok[j] and prefixed(tok[j], lex):  # "Abdel Fattah al-Sisi"
                j += 1
                continue
            if tok[j] in particles:  # "Erik ten Hag", "Ursula von der Leyen"
                k = j + 1
                while k < size and k - j < 2 and tok[k] in particles:
                    k += 1
                if k < size and firsts[k].isupper():
                    j, crossed = k, True
                    continue
            break
        if tok[j] in breakers or (j not in cont and low[j] in titles.lengths and match(sy, j, titles)):
            break
        j += 1
    while crossed and not cap[j - 1]:
        j -= 1  # a particle right before a title or a breaker is not inside a name
    return j


def prefixed(token: str, lex: Lexicon) -> bool:
    """Whether ``token`` is a particle glued by a hyphen to a name's next part
    ("al-Sisi", "el-Baradei"): a piece of a foreign name although it starts in lower case."""
    head, sep, rest = token.partition("-")
    return bool(sep) and head in lex.prefixes and rest[:1].isupper()


def amp_inside(tok: Sequence[str], j: int) -> bool:
    """Whether ``tok[j]`` is an ampersand between words in capitals ("GD&ĐT", "AT&T")."""
    return (
        tok[j] == "&" and 0 < j < len(tok) - 1 and tok[j - 1].isupper() and tok[j + 1].isupper() and tok[j + 1][0].isupper()
    )


def joined(tokens: Sequence[str]) -> str:
    """Tokens as a name or role is written: spaced, but an ampersand between words in
    capitals glued to them as in the text ("GD&ĐT")."""
    text = " ".join(tokens)
    return text.replace(" & ", "&") if "&" in text else text


def org_run_end(sy: Syllables, j: int, lex: Lexicon, words: frozenset[str]) -> int:
    """End of an organisation name after its head: capitalised words, "và" between them,
    and lower-case compound words between capitalised ones ("Sở Giao thông vận tải Hà
    Nội": "vận tải" is a word of ``words`` and a capital follows it)."""
    tok, low, firsts, cap, _, _ = sy
    size = len(tok)
    end = run_end(sy, j, lex)
    while end > j and end < size - 1:
        if tok[end] == "và" and cap[end + 1]:
            nxt = run_end(sy, end + 1, lex)
            if nxt == end + 1:
                break
            end = nxt
            continue
        if (
            end + 2 < size
            and firsts[end].isalnum()
            and firsts[end + 1].isalnum()
            and not cap[end + 1]
            and cap[end + 2]
            and firsts[end + 2].isalnum()
            and low[end] + " " + low[end + 1] in words
            and low[end] + " " + low[end + 1] not in lex.stopwords
            and not _ends_with_place(sy, j, end, lex)  # "Công an TP Hà Nội tố cáo Phong": the name ended
        ):
            nxt = run_end(sy, end + 2, lex)
            if nxt == end + 2:
                break
            end = nxt
            continue
        break
    return end


def _ends_with_place(sy: Syllables, j: int, end: int, lex: Lexicon) -> bool:
    """Whether a known place ends the run ``sy[j:end]``."""
    places = lex.places
    return any(sy.low[q] in places.lengths and match(sy, q, places) == end - q for q in range(max(j, end - 4), end))


def apposition(sy: Syllables, b: int, lex: Lexicon) -> str | None:
    """A role written after the name: "ông Nguyễn Văn Hùng, Giám đốc Sở Giao thông, ..."."""
    tok, firsts = sy.tok, sy.firsts
    size = len(tok)
    if b + 1 >= size or tok[b] != "," or not match(sy, b + 1, lex.titles):
        return None
    end = b + 1
    low, stops = sy.low, lex.role_stops
    while end < size and (firsts[end].isalnum() or amp_inside(tok, end)) and end - b <= 10:
        if end > b + 2 and low[end] in stops.lengths and match(sy, end, stops):
            break  # "..., Giám đốc Cảng Quảng Ninh cho biết": the verb is not the role's
        end += 1
    if end < size and firsts[end].isalnum() and not (low[end] in stops.lengths and match(sy, end, stops)):
        return None  # too long to be a role
    role = joined(tok[b + 1 : end])
    return role[0].upper() + role[1:]


def type_run(
    sy: Syllables, i: int, end: int, kind: int, lex: Lexicon, add: Callable[..., None], emit: Callable[..., None]
) -> None:
    """Split a capitalised run ``sy[i:end]`` into typed mentions: an organisation (by its
    head or a known name), leading places and acronyms split off, then a place after a
    cue word, a person by surname, else untyped (``UNK``, decided per cluster).
    ``kind`` is ``lex.kinds`` of its first syllable."""
    tok, low, firsts, _, _, _ = sy
    org_known = lex.org_known
    law = match(sy, i, lex.law_heads) if low[i] in lex.law_heads.lengths else 0
    if law and (law > 1 or end > i + 1):  # "Luật" alone may be a given name ("Đình Luật")
        add(i, end, "MISC")  # "Luật Doanh nghiệp", "Thông tư": a legal text, no actor
        return
    head = org_head(sy, i, kind, lex)
    if head and i + head >= end:
        return  # "Cơ quan", "Tổ chức" alone name nobody
    if head or (kind & ORG_KNOWN and tuple(low[i:end]) in org_known):
        add(i, end, "ORG")
        return
    if tok[end - 1] in lex.org_tails and end - i > 1:
        add(i, end, "ORG")  # "Hải Phòng FC": a club, not the city and something else
        return
    start, cue_ends = i, lex.cue_ends
    cued = i > 0 and low[i - 1] in cue_ends  # cheap test first: most runs have no cue
    if cued and cue_before(sy, i - 1, lex.role_place_cues):
        # after "huyện", "tỉnh": the run is one place ("huyện Điện Biên Đông" is not the
        # province Điện Biên), unless a person's name ends it ("tỉnh Bình Định Nguyễn Phi Long")
        cut = person_start(sy, i, end, lex)
        add(i, cut, "LOC")
        if cut < end:
            add(cut, end, "PER")
        return
    if end == i + 1 and "-" in tok[i]:
        parts = tok[i].split("-")
        if all(syllables_of(p) in lex.places for p in parts):
            for p in parts:
                emit(lex.places[syllables_of(p)], i)
            return
    places, kinds = lex.places, lex.kinds
    while i < end:  # leading places and organisations: "Mỹ John Kerry", "NATO Mark Rutte"
        n = match(sy, i, places) if kind & PLACE else 0
        if n and i + n <= end:
            add(i, i + n, "LOC")
            i += n
            kind = kinds.get(low[i], 0) if i < end else 0
            continue
        if i + 1 < end and ((kind & ORG_KNOWN and (low[i],) in org_known) or (tok[i].isupper() and is_acronym(tok[i]))):
            n = 1
            while i + n + 1 < end and tok[i + n] == "&":
                n += 2  # "NN&PTNT" is one name (run_end only crosses "&" between capitals)
            add(i, i + n, "ORG")
            i += n
            kind = kinds.get(low[i], 0) if i < end else 0
            continue
        break
    if i >= end or not (firsts[i].isupper() or any(map(str.isupper, firsts[i:end]))):
        return  # nothing left, or only a lower-case word after the name
    if (tok[i].isupper() and is_acronym(" ".join(tok[i:end]))) or (kind & ORG_KNOWN and tuple(low[i:end]) in org_known):
        add(i, end, "ORG")
        return
    before = i - 1
    if (cued if i == start else before >= 0 and low[before] in cue_ends) and cue_before(sy, before, lex.loc_cues, 3):
        add(i, end, "LOC")
    elif tok[i] in lex.surnames and 2 <= end - i <= 4 and all(map(str.isupper, firsts[i:end])):
        add(i, end, "PER")  # "Nguyễn Ngọc Nguyên"
    elif end == i + 1 and tok[i].isupper() and _ROMAN.match(tok[i]):
        return
    elif before >= 0 and low[before] in lex.org_cues_ends and cue_before(sy, before, lex.org_cues, 3):
        add(i, end, "ORG")  # "hãng EgyptAir", "hãng hàng không EgyptAir"
    else:
        add(i, end, "UNK")


_VOWELS = frozenset("AEIOUY")


def org_tail(sy: Syllables, i: int, end: int, lex: Lexicon) -> int:
    """End of an organisation whose name ends with an organisation tail ("Hải Phòng
    FC") in the run ``sy[i:end]``, 0 if none."""
    tails = lex.org_tails
    for q in range(i + 1, end):
        if sy.tok[q] in tails:
            return q + 1
    return 0


def cue_before(sy: Syllables, before: int, cues: Phrases, longest: int = 2) -> bool:
    """Whether a cue of ``cues``, of at most ``longest`` syllables, ends at ``before``."""
    low = sy.low
    return any(before - n + 1 >= 0 and tuple(low[before - n + 1 : before + 1]) in cues for n in range(1, longest + 1))


def caps_name_end(sy: Syllables, j: int, lex: Lexicon) -> int:
    """End of a name written in capitals at ``j`` ("FAISAL BIN FARHAN AL-SAUD"), ``j``
    if none: two or more words in capitals, each a word rather than an abbreviation
    (three letters or more, one a vowel: "UBND TP", "TNHH MTV" are not) or a particle
    of foreign names ("BIN"), and none a known organisation ("NATO")."""
    tok, low = sy.tok, sy.low
    size = len(tok)
    e = j
    while e < size and tok[e].isupper() and (
        low[e] in lex.particles or (len(tok[e]) >= 3 and not _VOWELS.isdisjoint(tok[e]))
    ):
        if (low[e],) in lex.org_known:
            return j
        e += 1
    return e if e - j >= 2 else j


def title_case(name: str, lex: Lexicon) -> str:
    """A name written in capitals as names are written: "FAISAL BIN FARHAN AL-SAUD" ->
    "Faisal bin Farhan Al-Saud" (particles in lower case), so it merges with and reads
    like the same name written normally."""
    words = []
    for w in name.split():
        low = w.lower()
        words.append(low if low in lex.particles else "-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(words)


def person_start(sy: Syllables, a: int, b: int, lex: Lexicon, surnames: bool = True, first: bool = False) -> int:
    """Where a person's name at the end of the capitalised span ``sy[a:b]`` starts, ``b``
    if none: after a known place inside it, two to four capitalised words that are not
    a place or an organisation, either a foreign name (no Vietnamese letters: "Hạ viện
    Mỹ Michael McCaul") or one that starts with a surname ("tỉnh Bình Định Nguyễn Phi
    Long"; "xã Mỹ Tịnh An" is one place); else, with ``surnames``, a surname followed by two or three capitalised
    syllables that end the span ("UBND xã Tam Thanh Nguyễn Thanh Bình"), after the
    span's first word unless ``first`` ("Chính phủ Phạm Minh Chính" after a title). A
    namesake ("Học viện ... Hồ Chí Minh") or a name holding a place ("Công ty Hoàng Anh
    Gia Lai") is no person."""
    tok, low, firsts = sy.tok, sy.low, sy.firsts
    places = lex.places
    q = a
    while q < b - 1:
        n = match(sy, q, places) if low[q] in places.lengths else 0
        if n:
            r = q + n
            if (
                2 <= b - r <= 4
                and all(map(str.isupper, firsts[r:b]))
                and (tok[r] in lex.surnames or all(map(str.isascii, tok[r:b])))  # "Mỹ Tịnh An" is one place
                and no_place_or_org(sy, r, b, lex)
            ):
                return r if joined(tok[r:b]) not in lex.namesakes else b
            q = r
            continue
        q += 1
    if surnames:
        for q in (b - 3, b - 4):
            if (
                q >= a + (not first)
                and tok[q] in lex.surnames
                and all(map(str.isupper, firsts[q:b]))
                and no_place_or_org(sy, q, b, lex)
                and joined(tok[q:b]) not in lex.namesakes
            ):
                return q
    return b


def no_place_or_org(sy: Syllables, r: int, b: int, lex: Lexicon) -> bool:
    """Whether no place, organisation head, known organisation or acronym starts in
    ``sy[r:b]``; a one-syllable place inside counts as a given name ("Nguyễn Đức Chung")."""
    tok, low = sy.tok, sy.low
    for q in range(r, b):
        kind = lex.kinds.get(low[q], 0)
        if kind & PLACE and (n := match(sy, q, lex.places)) and (q == r or n > 1):
            return False
        if kind & (ORG_HEAD | ORG_KNOWN) and (match(sy, q, lex.org_heads) or match(sy, q, lex.org_known)):
            return False
        if tok[q] in lex.org_tails or (tok[q].isupper() and is_acronym(tok[q])):
            return False
    return True
