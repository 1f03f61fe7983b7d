"""Finding actor mentions: the scan over a sentence's (or a cluster's) syllables.

The scan visits only positions where a rule can fire: capitalised syllables, and
lower-case syllables that can start a title, honorific or place ("ông", "ngoại
trưởng", "châu") when a capital follows close enough for them to name someone.
Everything in between is skipped without being looked at. Whether a visited position
opens a sentence depends only on the token before it (punctuation that opens a
sentence or a quote, or the boundary between joined sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import compress
from typing import NamedTuple

from tomtat.model import Sentence
from tomtat.story.entities.lexicon import HONORIFIC, ORG_HEAD, ORG_KNOWN, PLACE, TITLE, Lexicon, lexicon
from tomtat.story.entities.runs import (
    apposition,
    caps_name_end,
    cue_before,
    is_acronym,
    joined,
    match,
    no_place_or_org,
    org_head,
    org_run_end,
    org_tail,
    person_start,
    prefixed,
    run_end,
    title_case,
    type_run,
)
from tomtat.story.entities.syllables import Syllables, sentence_syllables

BOUNDARY = "\x00"  # joins sentences scanned together: opens a sentence, stops every rule
# one Vietnamese syllable, lower case: onset, vowels, final consonant ("bình", "chánh";
# not "guterres", "antónio")
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ]{1,3}(?:ch|ng|nh|[cmnpt])?")
PUNCT_START = frozenset(":“\"'(‘«-–—.!?…" + BOUNDARY)  # tokens after which a sentence (re)starts


class Mention(NamedTuple):
    """One mention of an actor in one sentence.

    ``type`` is ``PER``, ``ORG``, ``LOC``, ``MISC``, ``UNK`` (not typed yet: decided
    per cluster in :func:`~tomtat.story.entities.merge.merge_mentions`) or ``ROLE`` (a
    qualified title without a name, "Bộ trưởng Quốc phòng Nga": counted for the one
    person holding that role in the cluster, if exactly one does). ``name`` has titles
    and honorifics removed.
    """

    key: tuple[str, int]
    name: str
    type: str
    role: str | None = None
    ner: str | None = None
    initial: bool = False


def find_mentions(
    sentence: Sentence,
    sy: Syllables,
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
    if not any(sy.cap[1:]) and (not sy.tok or sy.low[0] in lowercase_words and sy.low[0] not in lex.openers):
        return []  # at most one capital, on a common word opening the sentence ("Trong khi đó, ...")
    return _scan(sy, [sentence.key], [0], lowercase_words, _ner_lookup(tags) if tags else {}, words)


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
        flat += toks
        flat.append(BOUNDARY)
        flat_low += low
        flat_low.append(BOUNDARY)
    keys = [s.key for s in sentences]
    return _scan(sentence_syllables(flat, words, flat_low), keys, starts, lowercase_words, {}, words)


def _candidates(sy: Syllables, lex: Lexicon) -> list[int]:
    """Positions where a rule can fire: capitalised syllables, and lower-case ones that
    can open a title, honorific or place ("ngoại trưởng Mỹ", "ông Lavrov", "châu Âu")
    with a capital close enough after them to name someone (at most one syllable more
    than the longest title or place)."""
    cap, caps, low = sy.cap, sy.caps, sy.low
    window, openings = lex.max_len + 1, lex.openings
    near = [
        p
        for p in compress(range(len(cap)), map(lex.starters.__contains__, low))
        if not cap[p]
        and (c := bisect_right(caps, p)) < len(caps)
        and caps[c] - p <= window
        and (low[p] in openings or (low[p], low[p + 1]) in openings)
    ]
    return sorted(caps + near) if near else caps


def _scan(
    sy: Syllables,
    keys: Sequence[tuple[str, int]],
    starts: Sequence[int],
    lowercase_words: frozenset[str],
    ner_of: dict[str, str],
    words: frozenset[str],
) -> list[Mention]:
    """The mention rules over ``sy``: ``keys[k]`` is the key of the sentence that starts
    at position ``starts[k]``."""
    lex = lexicon()
    tok, low, firsts, cap, cont, _ = sy
    size = len(tok)
    places, titles, org_known, title_orgs = lex.places, lex.titles, lex.org_known, lex.title_orgs
    role_cues = lex.role_place_cues
    codes, code_cues = lex.codes.match, lex.code_cues
    code_cues_ends = frozenset(c[-1] for c in code_cues)
    kinds, breakers, not_entities, misc_known = lex.kinds, lex.breakers, lex.not_entities, lex.misc_known
    out: list[Mention] = []
    appositive: set[int] = set()  # where a title written after a person's name starts
    new_mention = tuple.__new__  # Mention(...) without its Python-level __new__: a mention per run

    def add(a: int, b: int, typ: str, role: str | None = None) -> None:
        name = tok[a] if b == a + 1 else joined(tok[a:b])
        if typ == "LOC":
            name = places.get(tuple(low[a:b]), name)
        elif typ == "PER":
            if role is None:
                role = apposition(sy, b, lex)
                if role:
                    appositive.add(b + 1)  # that title is this person's: what follows it is no one
            if b > a + 1 and name.isupper():
                name = title_case(name, lex)  # "FAISAL BIN FARHAN" -> "Faisal bin Farhan"
        if name in misc_known:
            typ = "MISC"  # "COVID-19" looks like an acronym, names no actor
        elif typ != "PER" and name[-1].isdigit() and codes(name):
            typ = "MISC"  # "MS804": a flight number
        elif (
            typ == "ORG" and a > 0 and low[a - 1] in code_cues_ends and b < len(tok) and tok[b][:1].isdigit()
            and cue_before(sy, a - 1, code_cues)
        ):
            typ = "MISC"  # "số hiệu MS 804": the letters of a flight number
        if name not in not_entities:
            key = keys[bisect_right(starts, a) - 1]
            initial = a == 0 or tok[a - 1] in PUNCT_START
            out.append(new_mention(Mention, (key, name, typ, role, ner_of.get(name) if ner_of else None, initial)))

    def emit(name: str, at: int) -> None:  # a place written inside one syllable ("Mỹ-Nga")
        name = places.get(tuple(name.lower().split()), name)
        if name not in not_entities:
            out.append(Mention(keys[bisect_right(starts, at) - 1], name, "LOC", None, ner_of.get(name), False))

    def bracketed(j: int) -> bool:
        """Whether an abbreviation in brackets opens at ``j``: "(NATO)"."""
        return j + 2 < size and tok[j + 2] == ")" and is_acronym(tok[j + 1])

    def qualifiers(j: int) -> tuple[int, list[tuple[int, int, str, int]]]:
        """Places and organisations qualifying a title from ``j``: (start, end, type,
        where the role's text for it starts: before a cue word, "tỉnh Bình Định")."""
        quals: list[tuple[int, int, str, int]] = []
        unit_title = low[j - 1] in lex.unit_title_ends  # "Trưởng ban Tổ chức Trung ương"
        while j < size:
            if tok[j] == "(" and quals and bracketed(j) and j + 3 < size and cap[j + 3]:
                # "Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Jens Stoltenberg": the
                # organisation's abbreviation, then the person
                add(j + 1, j + 2, "ORG")
                j += 3
                continue
            n = match(sy, j, places) if low[j] in places.lengths else 0
            if n:
                quals.append((j, j + n, "LOC", j))
                j += n
                continue
            m = match(sy, j, role_cues) if low[j] in role_cues.lengths else 0
            if m and j + m < size and cap[j + m] and (not cap[j] or quals):
                # "Chủ tịch UBND tỉnh Bình Định Nguyễn Phi Long", "Chủ tịch UBND TP Móng Cái"
                stop = run_end(sy, j + m, lex)
                if stop > j + m:
                    p = person_start(sy, j + m, stop, lex)
                    quals.append((j + m, p, "LOC", j))
                    j = p
                    if p < stop:
                        break
                    continue
            if not cap[j]:
                break
            kind_j = kinds.get(low[j], 0)
            # an abbreviated head ("CLB", "BV") stays an acronym qualifier: "Chủ tịch CLB Ian Bankier"
            h = org_head(sy, j, kind_j, lex) if kind_j & ORG_HEAD and not unit_title and not tok[j].isupper() else 0
            if h:  # "Chủ tịch Ủy ban An ninh ...", "Chủ tịch Hội Nghề cá": the role's organisation
                stop = org_run_end(sy, j + h, lex, words)
                if stop > j + h:
                    # an abbreviation in brackets after it: the organisation's whole name ends here
                    abbreviated = stop < size and tok[stop] == "(" and bracketed(stop)
                    p = stop if abbreviated else person_start(sy, j + h, stop, lex, first=True)
                    if p == stop and not abbreviated:  # "Bộ Công an Tô Lâm": the capitalised words after the last lower-case one
                        k = stop
                        while k > j + h + 1 and firsts[k - 1].isupper():
                            k -= 1
                        if (
                            2 <= stop - k <= 4
                            and tok[k - 1] != "và"  # "Tập đoàn FLC và Tân Hoàng Minh": two organisations
                            and no_place_or_org(sy, k, stop, lex)  # "Bộ ... và Phát triển CHLB Đức"
                            and joined(tok[k:stop]) not in lex.namesakes
                        ):
                            p = k
                    quals.append((j, p, "ORG", j))
                    j = p
                    if p < stop:
                        break
                    continue
            if "." in tok[j][1:-1] and (low[j].split(".", 1)[0],) in role_cues:
                # "Đại biểu Quốc hội Tp.Hà Nội": an abbreviated cue glued to a place
                stop = run_end(sy, j, lex)
                p = person_start(sy, j, stop, lex, first=False)
                quals.append((j, p, "LOC", j))
                j = p
                if p < stop:
                    break
                continue
            if caps_name_end(sy, j, lex) > j:
                break  # "Thái tử MOHAMMED BIN SALMAN": a name in capitals, not acronyms
            t = org_tail(sy, j, run_end(sy, j, lex), lex)
            if t:  # "Chủ tịch Yokohama FC Koji Kitawaga"
                quals.append((j, t, "ORG", j))
                j = t
                continue
            n = match(sy, j, org_known) if low[j] in org_known.lengths else 0
            if not n and low[j] in title_orgs.lengths:
                n = match(sy, j, title_orgs)  # "HLV Liverpool": the club is the role's
            if n or is_acronym(tok[j]):
                quals.append((j, j + max(n, 1), "ORG", j))
                j += max(n, 1)
                continue
            break
        return j, quals

    i = 0
    for c in _candidates(sy, lex):
        if c < i:
            continue  # inside what the last rule read
        i = c
        if not firsts[i].isalnum():
            i += 1  # a capital that is a symbol ("Ⓐ") is punctuation
            continue
        s_low, s_cap = low[i], cap[i]
        kind = kinds.get(s_low, 0)
        if kind:
            if kind & PLACE and (not s_cap or kind & HONORIFIC):
                n = match(sy, i, places)
                if n and any(cap[i : i + n]) and (not s_cap or n > 1):
                    # "châu Âu"; "Bà Rịa - Vũng Tàu" is a province, not a woman named "Rịa"
                    add(i, i + n, "LOC")
                    i += n
                    continue
            n = match(sy, i, titles) if kind & TITLE else 0
            if n and kind & ORG_HEAD and match(sy, i, lex.org_heads) > n:
                n = 0  # "Đại Sứ Quán": the embassy, not an ambassador named "Quán"
            if n:
                i = _titled(sy, i, n, qualifiers, add, out, keys[bisect_right(starts, i) - 1], i in appositive)
                continue
            if kind & HONORIFIC and i + 1 < size and cap[i + 1]:
                end, stop = i + 1, run_end(sy, i + 1, lex)
                while end < stop and (firsts[end].isupper() or _particle(sy, end, lex)):
                    end += 1  # "ông Allison thuật lại": the name stops at "thuật"
                if end > i + 1 and not match(sy, i + 1, places) and not match(sy, i + 1, titles):
                    add(i + 1, end, "PER")
                    i = end
                    continue
        if not s_cap or tok[i] in breakers:
            i += 1
            continue
        n = org_head(sy, i, kind, lex)
        if n:
            end = org_run_end(sy, i + n, lex, words)
            if end > i + n:
                name = " ".join(tok[i + n : end])
                if is_acronym(name) or tuple(low[i + n : end]) in org_known:
                    add(i + n, end, "ORG")  # "Hãng tin Reuters" is "Reuters"
                else:
                    _add_org(sy, i, i + n, end, lex, add)
                i = end
                continue
        # no rule consumes punctuation, so a visited position follows what it follows
        if i == 0 or tok[i - 1] in PUNCT_START:  # the run opens a sentence
            first_word_end = i + 1  # syllables that continue a word never end a run
            while first_word_end in cont:
                first_word_end += 1
            first = s_low if first_word_end == i + 1 else " ".join(low[i:first_word_end])
            if (
                not all(map(str.isupper, firsts[i:first_word_end]))  # "Cuối cùng", "Hầu hết"
                or first in lex.not_names
                # "Ten Hag nói": "ten" is lower case in the cluster only inside "Erik ten Hag"
                or (first in lowercase_words and not (first in lex.particles and _particle_led(sy, i, lex)))
            ) and not _known_opener(sy, i, kind, lex, lowercase_words):
                i = first_word_end  # the rest of the run may still be a name
                continue
        end = run_end(sy, i, lex)
        type_run(sy, i, end, kind, lex, add, emit)
        i = end
    return out


def _add_org(sy: Syllables, i: int, body: int, end: int, lex: Lexicon, add: Callable[..., None]) -> None:
    """The organisation ``sy[i:end]`` whose name after its head starts at ``body``, cut
    where it holds something else: the organisation it belongs to, from an abbreviation
    such as "CA" (Công an: "Cảnh sát PCCC&CNCH CA TP.HCM" is two organisations), or a
    person's name after a place ("Hạ viện Mỹ Michael McCaul")."""
    if end - body < 3:  # most names: too short to hold anything more ("Bộ Y tế", "Bộ Ngoại giao Mỹ")
        add(i, end, "ORG")
        return
    tok = sy.tok
    if not lex.org_parents.isdisjoint(tok[body + 1 : end - 1]):
        q = next(q for q in range(body + 1, end - 1) if tok[q] in lex.org_parents)
        add(i, q, "ORG")
        add(q, end, "ORG")
        return
    p = person_start(sy, body, end, lex, surnames=False)
    add(i, p, "ORG")
    if p < end:
        add(p, end, "PER")


def _known_opener(sy: Syllables, i: int, kind: int, lex: Lexicon, lowercase_words: frozenset[str]) -> bool:
    """Whether the run opening a sentence at ``i`` starts with a known place or
    organisation, so it is a name although its first word opens sentences too.
    ``kind`` is ``lex.kinds`` of its first syllable."""
    place = match(sy, i, lex.places) if kind & PLACE else 0
    if place == 1 and sy.low[i] in lowercase_words:
        place = 0  # "Anh ấy ..." opens with a pronoun, not England
    return bool(
        place
        or (kind & ORG_KNOWN and match(sy, i, lex.org_known))
        or (kind & ORG_HEAD and match(sy, i, lex.org_heads))
    )


def _titled(
    sy: Syllables,
    i: int,
    n: int,
    qualifiers: Callable[[int], tuple[int, list[tuple[int, int, str, int]]]],
    add: Callable[..., None],
    out: list[Mention],
    key: tuple[str, int],
    appositive: bool = False,
) -> int:
    """A title of ``n`` syllables at ``i`` ("Ngoại trưởng"), then any places or
    organisations qualifying it ("Nga"), then a capitalised run: a person whose role is
    the title with its qualifiers. Returns where the scan goes on. An ``appositive``
    title follows a person's name and a comma ("ông Ahmed Adel, Phó chủ tịch
    EgyptAir"): it is that person's role, so the run after it names no one."""
    lex = lexicon()
    tok, firsts = sy.tok, sy.firsts
    j, quals = qualifiers(i + n)
    end = run_end(sy, j, lex)
    for a, b, t, _ in quals:
        add(a, b, t)
    title = " ".join(tok[i : i + n])
    parts = [title[0].upper() + title[1:]]
    for a, b, _, c in quals:  # "Hoa Kỳ" -> "Mỹ", so one role is written one way
        q = joined(tok[a:b])
        parts.extend(tok[c:a])  # a cue word: "tỉnh" of "UBND tỉnh Bình Định"
        parts.append(lex.places.get(tuple(q.lower().split()), q))
    low, cap, size = sy.low, sy.cap, len(tok)
    if end > j and end + 2 < size and tok[end] == "," and low[end + 1] in lex.honorifics and not cap[end + 1] and cap[end + 2]:
        # "Phó Chủ tịch EgyptAir, ông Ahmed Adel": the run qualifies the title, the
        # person is the one the honorific names
        name_end, stop = end + 2, run_end(sy, end + 2, lex)
        while name_end < stop and (firsts[name_end].isupper() or _particle(sy, name_end, lex)):
            name_end += 1
        add(end + 2, name_end, "PER", joined([*parts, *tok[j:end]]))
        return name_end
    # A name capitalises every syllable ("Phạm Minh Chính"); an organisation in a
    # role capitalises words ("Tổ chức Trung ương"): the name is the run's tail.
    k = end
    while k > j and (firsts[k - 1].isupper() or _particle(sy, k - 1, lex)):
        k -= 1
    if k > j and tok[k - 1] == "&":
        k += 1  # "Bộ GD&ĐT Nguyễn Kim Sơn": "ĐT" ends the organisation
    while k < end - 2 and tok[k] in lex.not_entities and (sy.low[k],) not in lex.role_place_cues:
        k += 1  # "Trưởng Ban Tổ chức T.Ư Phạm Minh Chính": an abbreviation ends the organisation
    while (
        k > j and k < end - 1 and tok[k].isalpha() and tok[k].isupper() and is_acronym(tok[k])
        and (low[k],) not in lex.role_place_cues
        and caps_name_end(sy, k, lex) == k
    ):
        k += 1  # "Hội đồng Trị sự GHPG Việt Nam": an abbreviation inside the organisation's name
    if k > j and end - k < 2:
        k = end  # after an organisation, one capital syllable ("... Trung ương Đảng") is no name
    if end - k > 4:  # "Tập đoàn Hoa Sen Lê Phước Vũ": the name starts at "Lê"
        for p in range(k + 1, end - 1):
            if tok[p] in lex.surnames and 2 <= end - p <= 4:
                k = p
                break
    place_end = k + match(sy, k, lex.places) if k < end and low[k] in lex.places.lengths else k
    if place_end > k and 2 <= end - place_end <= 4 and _named(sy, place_end, end, lex):
        # "Bộ trưởng Hàng không dân sự Ai Cập Sherif Fathi": the country is the role's
        add(k, place_end, "LOC")
        parts.extend(tok[j:k])
        parts.append(lex.places[tuple(low[k:place_end])])
        j = k = place_end
    elif (
        k == j and quals and quals[-1][2] == "ORG" and 2 <= end - k <= 4 and not _named(sy, k, end, lex)
        and all(map(_VI_SYLLABLE.fullmatch, low[k:end]))
    ):
        k = end  # "Giám đốc Agribank Bình Chánh": the bank's branch, no one's name
    if appositive and (end + 1 >= size or tok[end] != "và" or low[end + 1] in lex.honorifics):
        # "bà Lan, Thủ tướng Abe và ..." lists people; "..., Tổng giám đốc Vietjet Air và ông
        # Ray Conner" names the next one with an honorific
        k = end  # the role of the name before it
    elif k < end and match(sy, k, lex.places) == end - k:
        k = end  # "Giám đốc Sở Giao thông Hà Nội": a place ends the role, no name
    elif k < end and (low[k],) in lex.role_place_cues:
        k = end  # "Bí thư Thành ủy TP Hồ Chí Minh": the city, no name
    elif end - k == 1 and (low[k] in lex.not_alone or (low[k] in lex.org_heads.lengths and match(sy, k, lex.org_heads))):
        k = end  # "Chủ tịch Hội nông dân", "Bí thư Đảng ủy": a piece of an organisation, no name
    parts.extend(tok[j:k])
    role = joined(parts)
    if k < end:
        add(k, end, "PER", role)
    elif (quals or end > j) and not appositive:  # "Bộ trưởng Quốc phòng Nga" alone: resolved per cluster
        # an appositive role is already on the person before it: counting it again as
        # a bare role would count that person twice for one sentence
        out.append(Mention(key, "", "ROLE", role))
    return max(end, j)


def _named(sy: Syllables, a: int, b: int, lex: Lexicon) -> bool:
    """Whether ``sy[a:b]`` reads as a person's name where a place or an organisation could
    also end a role: capitalised words, either a foreign name (no Vietnamese letters) or
    one that starts with a surname."""
    tok = sy.tok
    return all(map(str.isupper, sy.firsts[a:b])) and (tok[a] in lex.surnames or all(map(str.isascii, tok[a:b])))


def _particle(sy: Syllables, i: int, lex: Lexicon) -> bool:
    """Whether ``sy[i]`` is a particle inside a foreign name ("ten" of "Erik ten Hag",
    "al-Sisi");
    called only within a run, where :func:`run_end` kept it because a capital follows."""
    return not sy.cap[i] and (sy.tok[i] in lex.particles or ("-" in sy.tok[i] and prefixed(sy.tok[i], lex)))


def _particle_led(sy: Syllables, i: int, lex: Lexicon) -> bool:
    """Whether the particle at ``i`` opens a surname ("Ten Hag", "Van der Bellen"): at
    most one more particle, then a capital."""
    k = i + 1
    if k < len(sy.tok) and sy.low[k] in lex.particles and not sy.cap[k]:
        k += 1
    return k < len(sy.tok) and sy.firsts[k].isupper()


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
