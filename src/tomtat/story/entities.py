"""Actors of a story: people, organisations and places, with variants merged.

Finding mentions (per sentence) is rule-based over syllables, without word
segmentation (a CRF segmenter costs ~2 ms a sentence, the whole story stage has a few
ms per cluster). Vietnamese proper names capitalise every syllable, so capitalised runs
are the candidates; the only word knowledge needed is whether a lower-case syllable
completes a capitalised one ("Bộ Y tế", "Tuy nhiên"), looked up in a compound-word list
(:func:`tomtat.story.words.compound_words`). Lower-case syllables that cannot start a
title, honorific or place are skipped without any lookup.

- a title from ``data/titles_vi.txt`` ("Ngoại trưởng", "Bộ trưởng Quốc phòng"), then any
  places or organisations qualifying it ("Nga"), then a capitalised run is a person whose
  role is the title with its qualifiers ("Ngoại trưởng Nga" + "Sergey Lavrov");
- an honorific ("ông", "bà") then a capitalised run is a person ("ông Lavrov");
- any other run of capitalised syllables is split and typed with data lists: places
  (``places_vi.txt``, with aliases such as "Hoa Kỳ" -> "Mỹ"), organisation heads
  (``org_heads_vi.txt``: "Bộ", "Hãng tin", "Liên minh"), known organisations and
  acronyms ("NATO"), place cues before it ("tỉnh Anbar"). A leading place is split off
  a run ("Mỹ John Kerry" -> "Mỹ" + "John Kerry"). After an organisation head, a
  lower-case compound word between capitals stays in the name ("Sở Giao thông vận tải
  Hà Nội").
- a run still untyped is a person if its last syllable is the surname of a person found
  elsewhere in the cluster; else, when an underthesea NER tagging of the sentence is
  given, its tag decides; else it is ``MISC``.

Words that only open a sentence ("Theo", "Tuy nhiên") are not names: they are listed in
``entity_rules_vi.json`` or appear in lower case elsewhere in the cluster.

Merging (per cluster): a person's short form ("Lavrov") joins the full name whose last
syllable it is; full names with the same surname and nearly the same given name
("Sergey"/"Sergei") are one person. The canonical name is the most frequent full form.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress
from operator import gt, itemgetter, not_, or_
from typing import Any, NamedTuple

from tomtat.data import read_json, read_lines
from tomtat.model import Entity, Sentence

_BOUNDARY = "\x00"  # joins sentences scanned together: opens a sentence, stops every rule
_PUNCT_START = set(":“\"'(‘«-–—.!?…" + _BOUNDARY)


class Mention(NamedTuple):
    """One mention of an actor in one sentence.

    ``type`` is ``PER``, ``ORG``, ``LOC``, ``MISC``, ``UNK`` (not typed yet: decided
    per cluster in :func:`merge_mentions`) or ``ROLE`` (a qualified title without a
    name, "Bộ trưởng Quốc phòng Nga": counted for the one person holding that role in
    the cluster, if exactly one does). ``name`` has titles and honorifics removed.
    """

    key: tuple[str, int]
    name: str
    type: str
    role: str | None = None
    ner: str | None = None
    initial: bool = False


class _Phrases(dict):
    """Phrases (tuples of lower-case syllables) -> value, indexed by first syllable so a
    longest-match lookup tries only the lengths that exist for that syllable."""

    def __init__(self, items: Iterable[tuple[tuple[str, ...], str]]):
        super().__init__(items)
        lengths: dict[str, set[int]] = defaultdict(set)
        for k in self:
            lengths[k[0]].add(len(k))
        self.lengths = {f: tuple(sorted(ls, reverse=True)) for f, ls in lengths.items()}


@dataclass(frozen=True, slots=True)
class _Lexicon:
    titles: _Phrases
    honorifics: frozenset[str]
    org_heads: _Phrases
    places: _Phrases
    org_known: _Phrases
    loc_cues: _Phrases
    not_names: frozenset[str]
    not_entities: frozenset[str]
    breakers: frozenset[str]
    surnames: frozenset[str]
    stopwords: frozenset[str]
    starters: frozenset[str]
    openers: frozenset[str]
    cue_ends: frozenset[str]
    max_len: int


def _sylls(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


@cache
def lexicon() -> _Lexicon:
    """The word lists, read once per process (package data never changes at run time)."""
    rules: dict[str, Any] = read_json("entity_rules_vi.json")
    titles = _Phrases((_sylls(t), t) for t in read_lines("titles_vi.txt"))
    places: list[tuple[tuple[str, ...], str]] = []
    for line in read_lines("places_vi.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        places.extend((_sylls(n), names[0]) for n in names)
    lists = [*titles, *(p for p, _ in places)]
    org_heads = _Phrases((_sylls(h), h) for h in read_lines("org_heads_vi.txt"))
    org_known = _Phrases((_sylls(o), o) for o in rules["org_known"])
    return _Lexicon(
        titles=titles,
        honorifics=frozenset(read_lines("honorifics_vi.txt")),
        org_heads=org_heads,
        places=_Phrases(places),
        org_known=org_known,
        loc_cues=_Phrases((_sylls(c), c) for c in rules["loc_cues"]),
        not_names=frozenset(rules["not_names"]),
        not_entities=frozenset(rules["not_entities"]),
        surnames=frozenset(read_lines("surnames_vi.txt")),
        breakers=frozenset(rules["breakers"]),
        stopwords=frozenset(read_lines("story_stopwords_vi.txt")),
        cue_ends=frozenset(c.split()[-1].lower() for c in rules["loc_cues"]),
        openers=frozenset(
            [*(p[0] for p in lists), *(k[0] for k in org_known), *(k[0] for k in org_heads),
             *(h.lower() for h in read_lines("honorifics_vi.txt"))]
        ),
        starters=frozenset([*(p[0] for p in lists), *(h.lower() for h in read_lines("honorifics_vi.txt"))]),
        max_len=max(len(x) for x in lists),
    )


# A syllable is a plain tuple (text, low, cap, word_start, punct), indexed [0]..[4]:
# built once per syllable of the cluster, so it must be as cheap as Python allows.
# cap: part of a capitalised word; word_start: begins a word; punct: a punctuation mark.
_Syl = tuple


def sentence_syllables(
    tokens: Sequence[str], words: frozenset[str] = frozenset(), low: Sequence[str] | None = None
) -> list[_Syl]:
    """A sentence's tokens (:func:`tomtat.story.words.tokenize_units`) as syllables for
    :func:`find_mentions`.

    Each syllable starts a word, except a lower-case syllable that completes a
    capitalised one into a compound word of ``words`` ("Y" + "tế", "Tuy" + "nhiên"):
    it belongs to that capitalised word, as a word segmenter would have said, so
    organisation names keep their lower-case syllables ("Bộ Y tế"). ``low`` are the
    tokens lower-cased, when the caller has them already.
    """
    n = len(tokens)
    if low is None:
        low = [t.lower() for t in tokens]
    firsts = "".join(map(itemgetter(0), tokens))  # C-level passes: this runs on every syllable
    cap = list(map(str.isupper, firsts))
    punct = list(map(not_, map(str.isalnum, firsts)))
    start = [True] * n
    if words:
        for k in list(compress(range(n - 1), map(gt, cap, cap[1:]))):  # capital, then not
            if not start[k] or not tokens[k + 1][0].islower():
                continue
            pair = low[k] + " " + low[k + 1]
            if k + 2 < n and tokens[k + 2][0].islower() and pair + " " + low[k + 2] in words:
                size = 2  # "Câu lạc bộ"
            elif pair in words:
                size = 1
            else:
                continue
            for q in range(k + 1, k + 1 + size):
                cap[q], start[q] = True, False
    return list(zip(tokens, low, cap, start, punct))


def _match(sy: list[_Syl], i: int, table: _Phrases, lex: _Lexicon) -> int:
    """Length of the longest entry of ``table`` that starts at ``i`` and ends at a word end."""
    lengths = table.lengths.get(sy[i][1])
    if not lengths:
        return 0
    for n in lengths:
        if i + n > len(sy):
            continue
        cand = tuple(s[1] for s in sy[i : i + n])
        if cand in table and (i + n == len(sy) or sy[i + n][3]):
            return n
    return 0


def _org_run(sy: list[_Syl], j: int, lex: _Lexicon, words: frozenset[str]) -> int:
    """End of an organisation name after its head: capitalised words, "và" between them,
    and lower-case compound words between capitalised ones ("Sở Giao thông vận tải Hà
    Nội": "vận tải" is a word of ``words`` and a capital follows it)."""
    end = _run(sy, j, lex)
    while end > j and end < len(sy) - 1:
        if sy[end][0] == "và" and sy[end + 1][2]:
            nxt = _run(sy, end + 1, lex)
            if nxt == end + 1:
                break
            end = nxt
            continue
        if (
            end + 2 < len(sy)
            and not sy[end][4]
            and not sy[end + 1][4]
            and not sy[end + 1][2]
            and sy[end + 2][2]
            and not sy[end + 2][4]
            and sy[end][1] + " " + sy[end + 1][1] in words
            and sy[end][1] + " " + sy[end + 1][1] not in lex.stopwords
        ):
            nxt = _run(sy, end + 2, lex)
            if nxt == end + 2:
                break
            end = nxt
            continue
        break
    return end


def _apposition(sy: list[_Syl], b: int, lex: _Lexicon) -> str | None:
    """A role written after the name: "ông Nguyễn Văn Hùng, Giám đốc Sở Giao thông, ..."."""
    if b + 1 >= len(sy) or sy[b][0] != "," or not _match(sy, b + 1, lex.titles, lex):
        return None
    end = b + 1
    while end < len(sy) and not sy[end][4] and end - b <= 10:
        end += 1
    if end < len(sy) and not sy[end][4]:
        return None  # too long to be a role
    role = " ".join(s[0] for s in sy[b + 1 : end])
    return role[0].upper() + role[1:]


def _upper(s: _Syl) -> bool:
    """Whether a syllable is written with a capital (names capitalise every syllable)."""
    return s[0][:1].isupper()


_ROMAN = re.compile(r"^[IVXLCDM]+$")


_ACRONYM = re.compile(r"[\d.\- ]*(?:[A-ZĐ][\d.\- ]*){2,}")


def _is_acronym(text: str) -> bool:
    """"NATO", "HĐND": capitals A-Z and Đ only. A word in capitals with Vietnamese
    vowels ("THỊNH") is shouted text, and Roman numerals ("XIV") are numbers."""
    return _ACRONYM.fullmatch(text) is not None and _ROMAN.match(text) is None


def _run(sy: list[_Syl], i: int, lex: _Lexicon) -> int:
    """End of the capitalised run that starts at ``i`` (``i`` if none)."""
    j = i
    while j < len(sy) and sy[j][2] and not sy[j][4]:
        if j > i and sy[j][0] in lex.breakers:
            break
        if j > i and sy[j][3] and sy[j][1] in lex.titles.lengths and _match(sy, j, lex.titles, lex):
            break
        j += 1
    return j


def find_mentions(
    sentence: Sentence,
    sy: list[_Syl],
    lowercase_words: frozenset[str] = frozenset(),
    tags: list[tuple[str, ...]] | None = None,
    words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The actor mentions of one sentence.

    ``sy`` is the sentence as :func:`sentence_syllables` gives it; ``lowercase_words``
    are syllables seen in lower case in the cluster (so a capitalised "Trong" at a
    sentence start is not a name); ``tags`` is an optional underthesea ``ner`` output
    for the sentence, used only to type runs the rules cannot type; ``words`` are the
    compound words (:func:`tomtat.story.words.compound_words`) that let an organisation
    name run over lower-case words.
    """
    lex = lexicon()
    if not any(x[2] for x in sy[1:]) and (not sy or sy[0][1] in lowercase_words and sy[0][1] not in lex.openers):
        return []  # at most one capital, on a common word opening the sentence ("Trong khi đó, ...")
    key = sentence.key
    return _mentions(sy, lambda _: key, lowercase_words, _ner_lookup(tags) if tags else {}, words)


def find_cluster_mentions(
    sentences: Sequence[Sentence],
    tokens: Sequence[Sequence[str]],
    lows: Sequence[Sequence[str]],
    lowercase_words: frozenset[str] = frozenset(),
    words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """:func:`find_mentions` for every sentence of a cluster in one pass (same mentions).

    ``tokens``/``lows`` are each sentence's tokens as cut and lower-cased. The
    sentences are chained with a boundary mark that opens a sentence and stops every
    rule, so one scan serves them all instead of paying the set-up per sentence.
    """
    flat: list[str] = []
    flat_low: list[str] = []
    starts: list[int] = []
    for toks, low in zip(tokens, lows):
        starts.append(len(flat))
        flat.extend(toks)
        flat.append(_BOUNDARY)
        flat_low.extend(low)
        flat_low.append(_BOUNDARY)
    keys = [s.key for s in sentences]

    def key_at(i: int) -> tuple[str, int]:
        return keys[bisect_right(starts, i) - 1]

    return _mentions(sentence_syllables(flat, words, flat_low), key_at, lowercase_words, {}, words)


def _mentions(
    sy: list[_Syl],
    key_at: Callable[[int], tuple[str, int]],
    lowercase_words: frozenset[str],
    ner_of: dict[str, str],
    words: frozenset[str],
) -> list[Mention]:
    """The mention rules over ``sy``; ``key_at`` gives the sentence key of a position."""
    lex = lexicon()
    out: list[Mention] = []

    def emit(name: str, typ: str, role: str | None = None, initial: bool = False, at: int = 0) -> None:
        if typ == "LOC":
            name = lex.places.get(_sylls(name), name)
        if name in lex.not_entities:
            return
        out.append(Mention(key_at(at), name, typ, role, ner_of.get(name), initial))

    def add(a: int, b: int, typ: str, role: str | None = None) -> None:
        if typ == "PER" and role is None:
            role = _apposition(sy, b, lex)
        initial = a == 0 or (sy[a - 1][4] and sy[a - 1][0] in _PUNCT_START)
        emit(" ".join(s[0] for s in sy[a:b]), typ, role, initial, a)

    def qualifiers(j: int) -> tuple[int, list[tuple[int, int, str]]]:
        quals = []
        while j < len(sy):
            n = _match(sy, j, lex.places, lex)
            if n:
                quals.append((j, j + n, "LOC"))
                j += n
                continue
            n = _match(sy, j, lex.org_known, lex) if sy[j][2] else 0
            if n or (sy[j][2] and _is_acronym(sy[j][0])):
                quals.append((j, j + max(n, 1), "ORG"))
                j += max(n, 1)
                continue
            break
        return j, quals

    starters, place_starts, title_starts = lex.starters, lex.places.lengths, lex.titles.lengths
    head_starts = lex.org_heads.lengths
    everywhere = range(len(sy))
    interesting = sorted(
        {
            *compress(everywhere, map(or_, map(itemgetter(2), sy), map(itemgetter(4), sy))),
            *compress(everywhere, map(starters.__contains__, map(itemgetter(1), sy))),
        }
    )
    caps = list(compress(everywhere, map(itemgetter(2), sy)))
    window = lex.max_len + 1  # a lower-case title, honorific or place names someone only
    # if a capital follows this close ("ngoại trưởng Mỹ", "ông Lavrov", "châu Âu")
    i = 0
    at_start = True
    while i < len(sy):
        s = sy[i]
        if s[4]:
            at_start = s[0] in _PUNCT_START
            i += 1
            continue
        if not s[2] and (
            s[1] not in starters
            or (c := bisect_right(caps, i)) == len(caps)
            or caps[c] - i > window
        ):
            # lower case, and nothing can start here: on to the next syllable that is
            # capitalised, punctuation or a possible start
            k = bisect_left(interesting, i + 1)
            i, at_start = (interesting[k] if k < len(interesting) else len(sy)), False
            continue
        n = _match(sy, i, lex.places, lex) if s[1] in place_starts else 0
        if n and not s[2] and any(x[2] for x in sy[i : i + n]):
            add(i, i + n, "LOC")  # "châu Âu"
            i, at_start = i + n, False
            continue
        n = _match(sy, i, lex.titles, lex) if s[1] in title_starts else 0
        if n:
            j, quals = qualifiers(i + n)
            end = _run(sy, j, lex)
            for a, b, t in quals:
                add(a, b, t)
            title = " ".join(x[0] for x in sy[i : i + n])
            parts = [title[0].upper() + title[1:]]
            for a, b, _ in quals:  # "Hoa Kỳ" -> "Mỹ", so one role is written one way
                q = " ".join(x[0] for x in sy[a:b])
                parts.append(lex.places.get(_sylls(q), q))
            # A name capitalises every syllable ("Phạm Minh Chính"); an organisation in a
            # role capitalises words ("Tổ chức Trung ương"): the name is the run's tail.
            k = end
            while k > j and _upper(sy[k - 1]):
                k -= 1
            if k > j and end - k < 2:
                k = end  # after an organisation, one capital syllable ("... Trung ương Đảng") is no name
            if end - k > 4:  # "Tập đoàn Hoa Sen Lê Phước Vũ": the name starts at "Lê"
                for p in range(k + 1, end - 1):
                    if sy[p][0] in lex.surnames and 2 <= end - p <= 4:
                        k = p
                        break
            if k < end and _match(sy, k, lex.places, lex) == end - k:
                k = end  # "Giám đốc Sở Giao thông Hà Nội": a place ends the role, no name
            parts.extend(x[0] for x in sy[j:k])
            role = " ".join(parts)
            if k < end:
                add(k, end, "PER", role)
            elif quals or end > j:  # "Bộ trưởng Quốc phòng Nga" alone: resolved per cluster
                out.append(Mention(key_at(i), "", "ROLE", role))
            i = max(end, j)
            at_start = False
            continue
        if s[1] in lex.honorifics and i + 1 < len(sy) and sy[i + 1][2]:
            end = i + 1
            while end < _run(sy, i + 1, lex) and _upper(sy[end]):
                end += 1  # "ông Allison thuật lại": the name stops at "thuật"
            if end > i + 1 and not _match(sy, i + 1, lex.places, lex):
                add(i + 1, end, "PER")
                i, at_start = end, False
                continue
        if not s[2] or s[0] in lex.breakers:
            i, at_start = i + 1, False
            continue
        n = _match(sy, i, lex.org_heads, lex) if s[1] in head_starts else 0
        if n:
            end = _org_run(sy, i + n, lex, words)
            if end > i + n:
                name = " ".join(x[0] for x in sy[i + n : end])
                if _is_acronym(name) or _sylls(name) in lex.org_known:
                    add(i + n, end, "ORG")  # "Hãng tin Reuters" is "Reuters"
                else:
                    add(i, end, "ORG")
                i, at_start = end, False
                continue
        end = _run(sy, i, lex)
        if at_start:
            first_word_end = i + 1
            while first_word_end < end and not sy[first_word_end][3]:
                first_word_end += 1
            first = " ".join(x[0] for x in sy[i:first_word_end]).lower()
            place = _match(sy, i, lex.places, lex)
            if place == 1 and s[1] in lowercase_words:
                place = 0  # "Anh ấy ..." opens with a pronoun, not England
            known = place or _match(sy, i, lex.org_known, lex) or _match(sy, i, lex.org_heads, lex)
            common = not all(_upper(x) for x in sy[i:first_word_end])  # "Cuối cùng", "Hầu hết"
            if not known and (
                common or first in lex.not_names or first in lowercase_words or s[0] in lex.breakers
            ):
                i, at_start = first_word_end, False
                if i < end:
                    continue  # the rest of the run may still be a name
                continue
        at_start = False
        _type_run(sy, i, end, lex, add, emit)
        i = end
    return out


def _type_run(
    sy: list[_Syl], i: int, end: int, lex: _Lexicon, add: Callable[..., None], emit: Callable[..., None]
) -> None:
    """Split a capitalised run ``sy[i:end]`` into typed mentions."""
    head = _match(sy, i, lex.org_heads, lex) if sy[i][1] in lex.org_heads.lengths else 0
    if head and i + head >= end:
        return  # "Cơ quan", "Tổ chức" alone name nobody
    if head or _is_org_known(sy, i, end, lex):
        add(i, end, "ORG")
        return
    if "-" in sy[i][0] and end == i + 1:
        parts = sy[i][0].split("-")
        if all(_sylls(p) in lex.places for p in parts):
            for p in parts:
                emit(lex.places[_sylls(p)], "LOC", None, False, i)
            return
    while i < end:
        n = _match(sy, i, lex.places, lex) if sy[i][1] in lex.places.lengths else 0
        if n and i + n <= end:
            add(i, i + n, "LOC")
            i += n
            continue
        if (sy[i][0].isupper() and _is_acronym(sy[i][0])) or (sy[i][1],) in lex.org_known:
            if i + 1 < end:
                add(i, i + 1, "ORG")
                i += 1
                continue
        break
    if i >= end or not (_upper(sy[i]) or any(_upper(s) for s in sy[i:end])):
        return  # nothing left, or only a lower-case word after the name
    if (sy[i][0].isupper() and _is_acronym(" ".join(s[0] for s in sy[i:end]))) or _is_org_known(sy, i, end, lex):
        add(i, end, "ORG")
        return
    before = i - 1
    cue = False
    if before >= 0 and sy[before][1] in lex.cue_ends:  # cheap test first: most runs have no cue
        cue = any(
            before - n + 1 >= 0 and tuple(s[1] for s in sy[before - n + 1 : before + 1]) in lex.loc_cues
            for n in (1, 2, 3)
        )
    if cue:
        add(i, end, "LOC")
    elif sy[i][0] in lex.surnames and 2 <= end - i <= 4 and all(_upper(s) for s in sy[i:end]):
        add(i, end, "PER")  # "Nguyễn Ngọc Nguyên"
    elif _ROMAN.match(sy[i][0]) and end == i + 1:
        return
    else:
        add(i, end, "UNK")


def _is_org_known(sy: list[_Syl], i: int, end: int, lex: _Lexicon) -> bool:
    if sy[i][1] not in lex.org_known.lengths:
        return False
    return tuple(s[1] for s in sy[i:end]) in lex.org_known


def _ner_lookup(tags: list[tuple[str, ...]]) -> dict[str, str]:
    """Entity strings and their types from an underthesea ``ner`` output."""
    out: dict[str, str] = {}
    cur: list[str] = []
    typ = ""
    for tok in [*tags, ("", "", "", "O")]:
        label = tok[-1]
        if label.startswith("I-") and cur and label[2:] == typ:
            cur.append(tok[0])
            continue
        if cur:
            text = " ".join(cur)
            out[text] = typ
            for w in text.split():
                out.setdefault(w, typ)
        cur, typ = ([tok[0]], label[2:]) if label.startswith(("B-", "I-")) else ([], "")
    return out


def lowercase_vocabulary(tokenized: Iterable[Sequence[str]]) -> frozenset[str]:
    """Syllables seen in lower case anywhere in the cluster (capitalised, they open
    sentences: "Trong", "Theo")."""
    return frozenset(filter(str.islower, chain.from_iterable(tokenized)))


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def _given(name: str) -> str:
    return " ".join(name.split()[:-1]).lower()


def _plain(text: str) -> str:
    """Lower case without diacritics: "Hélène" and "Helene" compare equal."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are spellings of one ("Sergey"/"Sergei", "Hélène"/"Helene")."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b)
    # the quick ratios are upper bounds of ratio(): most pairs fail on them, cheaply
    return matcher.real_quick_ratio() >= 0.7 and matcher.quick_ratio() >= 0.7 and matcher.ratio() >= 0.7


def merge_mentions(mentions: Sequence[Mention], article_order: Sequence[str] = ()) -> tuple[Entity, ...]:
    """Entities of a cluster from its mentions: variants merged, untyped runs typed.

    Sorted by mention count (most first), then by first appearance.
    """
    mentions = _unglue(mentions)
    plain_memo: dict[str, str] = {}
    same_memo: dict[tuple[str, str], bool] = {}

    def plain(text: str) -> str:  # memoised for this call: names repeat a lot
        if text not in plain_memo:
            plain_memo[text] = _plain(text)
        return plain_memo[text]

    def same_given(a: str, b: str) -> bool:
        if (a, b) not in same_memo:
            same_memo[a, b] = same_given_name(a, b)
        return same_memo[a, b]

    people: list[list[Mention]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.type != "PER" or len(m.name.split()) < 2:
            continue
        sur, given = plain(_surname(m.name)), _given(m.name)
        for gi in by_surname[sur]:
            if same_given(_given(people[gi][0].name), given):
                people[gi].append(m)
                break
        else:
            by_surname[sur].append(len(people))
            people.append([m])
    placed: set[int] = set()
    for k, m in enumerate(mentions):  # a titled single name ("Bộ trưởng Austin") with no full form
        if m.type == "PER" and len(m.name.split()) == 1 and not by_surname.get(plain(m.name.lower())):
            by_surname[plain(m.name.lower())].append(len(people))
            people.append([m])
            placed.add(k)
    full_forms = {m.name.lower(): gi for gi, g in enumerate(people) for m in g}
    other: dict[str, list[Mention]] = defaultdict(list)
    typed: dict[str, str] = {}
    for m in mentions:
        if m.type in ("LOC", "ORG"):
            typed.setdefault(m.name.lower(), m.type)
    for k, m in enumerate(mentions):
        if k in placed or m.type == "ROLE" or (m.type == "PER" and len(m.name.split()) >= 2):
            continue
        low = m.name.lower()
        if m.type in ("PER", "UNK"):
            gi = full_forms.get(low)
            same = by_surname.get(plain(low.split()[-1]), [])
            if gi is None and same and len(m.name.split()) == 1:
                gi = max(same, key=lambda k: len(people[k]))
            elif gi is None and same:
                given = _given(m.name)
                close = [k for k in same if same_given(_given(people[k][0].name), given)]
                gi = close[0] if close else None
            if gi is not None:
                people[gi].append(m)
                continue
        other[low].append(m)
    # groups holding each role, computed once: a ROLE mention only ever joins a group
    # that already holds its role, so joining never changes who holds what
    holders: dict[str, set[int]] = defaultdict(set)
    for k, g in enumerate(people):
        for x in g:
            if x.role:
                holders[x.role.lower()].add(k)
    for m in mentions:
        if m.type == "ROLE":
            held = holders.get((m.role or "").lower(), ())
            if len(held) == 1:
                people[next(iter(held))].append(m)
    groups: list[tuple[str, list[Mention]]] = [("PER", g) for g in people]
    for low, ms in other.items():
        if len(ms) == 1:  # most groups: one mention, no votes to count
            m = ms[0]
            if m.type == "UNK" and m.initial and " " not in low:
                continue
            typ = m.type if m.type != "UNK" else typed.get(low) or m.ner or "MISC"
            groups.append((typ, ms))
            continue
        types = Counter(m.type for m in ms if m.type != "UNK")
        if not types and all(m.initial for m in ms) and len(low.split()) == 1:
            continue  # a capitalised sentence opener never seen as a name elsewhere
        if types:
            typ = types.most_common(1)[0][0]
        elif low in typed:
            typ = typed[low]
        else:
            votes = Counter(m.ner for m in ms if m.ner)
            typ = votes.most_common(1)[0][0] if votes else "MISC"
        groups.append((typ, ms))
    order = {a: i for i, a in enumerate(article_order)}
    entities = []
    for typ, ms in groups:
        if len(ms) == 1:
            m = ms[0]
            if len(m.name) < 2 or not any(ch.isalpha() for ch in m.name):
                continue
            entities.append((m.key, Entity(m.name, typ, 1, (m.key[0],), m.role, ())))
            continue
        named = [m.name for m in ms if m.name]
        if not named or not any(ch.isalpha() for ch in named[0]) or len(named[0]) < 2:
            continue
        names = Counter(m.name for m in ms if m.name)
        multi = [n for n in names if len(n.split()) >= 2] if typ == "PER" else []
        canonical = max(multi or names, key=lambda n: (names[n], len(n)))
        role = _best_role([m.role for m in ms if m.role])
        arts = sorted({m.key[0] for m in ms}, key=lambda a: (order.get(a, len(order)), a))
        variants = tuple(sorted(n for n in names if n != canonical))
        entities.append((min(m.key for m in ms), Entity(canonical, typ, len(ms), tuple(arts), role, variants)))
    first = {e: k for k, e in entities}
    ranked = sorted((e for _, e in entities), key=lambda e: (-e.count, (order.get(first[e][0], 0), first[e][1])))
    return tuple(ranked)


def _unglue(mentions: Sequence[Mention]) -> list[Mention]:
    """Cut a verb the segmenter glued to a name ("Nguyên dọa" -> "Nguyên"): trailing
    lower-case syllables go when the capitalised rest is a name seen elsewhere."""
    known = {m.name.lower() for m in mentions if m.name and m.name.split()[-1][:1].isupper()}
    known |= {m.name.split()[-1].lower() for m in mentions if m.type == "PER" and m.name}
    out = []
    for m in mentions:
        words = m.name.split()
        if m.type == "UNK" and words and not words[-1][:1].isupper():
            k = len(words)
            while k > 0 and not words[k - 1][:1].isupper():
                k -= 1
            prefix = " ".join(words[:k])
            if prefix and prefix.lower() in known:
                m = m._replace(name=prefix)
        out.append(m)
    return out


def _best_role(roles: list[str]) -> str | None:
    """The most frequent role, crediting a bare title ("Ngoại trưởng") to its more
    specific forms ("Ngoại trưởng Nga"), so the specific form wins ties."""
    if not roles:
        return None
    counts = Counter(roles)
    credit = {r: sum(c for q, c in counts.items() if r == q or r.startswith(q + " ")) for r in counts}
    return max(credit, key=lambda r: (credit[r], len(r)))
