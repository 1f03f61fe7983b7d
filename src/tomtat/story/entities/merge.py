"""Merging mentions into a cluster's actors.

A person's short form ("Lavrov") joins the full name whose last syllable it is (or
whose surname it is, with the particles before it: "Ten Hag" joins "Erik ten Hag"); full
names with the same surname and nearly the same given name ("Sergey"/"Sergei") are one
person; a bare qualified title ("Bộ trưởng Quốc phòng Nga") counts for the one person
holding it. Untyped runs take the type the cluster gives that name elsewhere, else the
NER tag, else ``MISC``; a capitalised sentence opener never seen as a name is dropped,
and so is a word that alone is only a piece of something else (``not_alone`` in
``entity_rules_vi.json``: "phía Bắc", "thứ Sáu") unless it joined a person.
The canonical name is the most frequent full form.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from operator import itemgetter

from tomtat.model import Entity
from tomtat.story.entities.lexicon import lexicon
from tomtat.story.entities.mentions import Mention

# An Entity's fields in order: name, type, mentions, article ids, role, variants.
_Fields = tuple[str, str, int, tuple[str, ...], str | None, tuple[str, ...]]


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def _given(name: str) -> str:
    return " ".join(name.split()[:-1]).lower()


# Combining marks of the Combining Diacritical Marks block (all of Vietnamese and Latin
# diacritics), and the first code point after it with a combining mark: a string whose
# other characters all come before that one has no other combining mark to remove.
_LATIN_MARKS = {cp: None for cp in range(0x300, 0x370) if unicodedata.combining(chr(cp))}
_OTHER_MARKS_FROM = chr(next(cp for cp in range(0x370, 0x110000) if unicodedata.combining(chr(cp))))


def _plain(text: str) -> str:
    """Lower case without diacritics: "Hélène" and "Helene" compare equal."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = decomposed.translate(_LATIN_MARKS)
    if not stripped or max(stripped) < _OTHER_MARKS_FROM:
        return stripped
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    mentions = _untitle(_split_orgs(_split_places(_unglue(mentions))))
    plain = _Memo(_plain)  # memoised for this call: names repeat a lot
    same_memo: dict[tuple[str, str], bool] = {}

    def same_given(a: str, b: str) -> bool:
        if (a, b) not in same_memo:
            same_memo[a, b] = same_given_name(a, b)
        return same_memo[a, b]

    # what merging reads of a name, once per distinct name: lower case, syllable count,
    # lower-case last syllable (the surname) and the rest (the given name)
    lower: dict[str, str] = {}
    size: dict[str, int] = {}
    last: dict[str, str] = {}
    given: dict[str, str] = {}
    particles = lexicon().particles
    particled: set[str] = set()  # surnames that start with a particle: "ten hag"
    names = set(map(itemgetter(1), mentions))
    for name in names:
        low = name.lower()
        words = low.split()
        lower[name], size[name] = low, len(words)
        if words:
            last[name], given[name] = words[-1], " ".join(words[:-1])
        k = len(words) - 1
        if k > 1 and particles.intersection(name.split()[1:-1]):  # a particle written in lower case
            while k > 1 and words[k - 1] in particles:
                k -= 1  # "Erik ten Hag", "Alexander Van der Bellen": the surname is "ten Hag", "Van der Bellen"
            if k < len(words) - 1:  # a particle before the last word ("Faisal bin Farhan Al-Saud": none)
                last[name], given[name], size[name] = " ".join(words[k:]), " ".join(words[:k]), k + 1
                particled.add(last[name])
    for name in names if particled else ():
        low = lower[name]
        if low in particled:  # "Ten Hag" alone is that surname: a short form
            last[name], given[name], size[name] = low, "", 1
        elif low and last[name] not in particled:  # "Erik Ten Hag", with the particle capitalised
            sur = next((p for p in particled if low.endswith(" " + p)), None)
            if sur:
                given[name] = low[: -len(sur) - 1]
                last[name], size[name] = sur, given[name].count(" ") + 2

    people: list[list[Mention]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)
    rest: list[Mention] = []  # neither a full name nor a bare role, in order
    roles: list[Mention] = []
    single: list[int] = []  # where in ``rest`` the people named by one word are
    typed: dict[str, str] = {}
    # A full name joins the first group whose first name has its surname and nearly its
    # given name, else starts one. Groups are only ever added after the ones a name was
    # compared with, so every mention of one spelling joins the same group.
    group_of: dict[str, int] = {}
    for m in mentions:
        typ = m.type
        if typ == "PER" and size[m.name] >= 2:
            name = m.name
            gi = group_of.get(name)
            if gi is None:
                sur, first_name = plain(last[name]), given[name]
                for gi in by_surname[sur]:
                    if same_given(given[people[gi][0].name], first_name):
                        break
                else:
                    gi = len(people)
                    by_surname[sur].append(gi)
                    if last[name] in particled:  # "Leyen" alone is short for "Ursula von der Leyen" too
                        by_surname[sur.rsplit(" ", 1)[1]].append(gi)
                    people.append([])
                group_of[name] = gi
            people[gi].append(m)
        elif typ == "ROLE":
            roles.append(m)
        else:
            if typ == "PER":
                single.append(len(rest))
            elif typ == "LOC" or typ == "ORG":
                typed.setdefault(lower[m.name], typ)
            rest.append(m)
    placed: set[int] = set()
    for k in single:  # a titled single name ("Bộ trưởng Austin") with no full form
        m = rest[k]
        if size[m.name] == 1 and not by_surname.get(plain(lower[m.name])) and lower[m.name] not in typed:
            # a club or place after a title ("HLV Chelsea") is typed so elsewhere: no person
            by_surname[plain(lower[m.name])].append(len(people))
            people.append([m])
            placed.add(k)
    full_forms = {lower[m.name]: gi for gi, g in enumerate(people) for m in g}
    other: dict[str, list[Mention]] = defaultdict(list)
    for k, m in enumerate(rest):
        if k in placed:
            continue
        name = m.name
        low = lower[name]
        if m.type == "PER" or m.type == "UNK":
            gi = full_forms.get(low)
            same = by_surname.get(plain(last[name])) if gi is None else None
            if same and size[name] == 1:  # the biggest group so far with that surname
                gi = same[0] if len(same) == 1 else max(same, key=lambda k: len(people[k]))
            elif same:
                gi = next((k for k in same if same_given(given[people[k][0].name], given[name])), None)
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
    for m in roles:
        held = holders.get((m.role or "").lower(), ())
        if len(held) == 1:
            people[next(iter(held))].append(m)
    groups: list[tuple[str, list[Mention]]] = [("PER", g) for g in people]
    not_alone = lexicon().not_alone
    for low, ms in other.items():
        if low in not_alone and all(m.type != "PER" for m in ms):
            continue  # "phía Bắc", "thứ Sáu", "Ban tổ chức": a piece of something else
        if len(ms) == 1:  # most groups: one mention, no votes to count
            m = ms[0]
            if m.type == "UNK" and m.initial and " " not in low:
                continue
            typ = m.type if m.type != "UNK" else typed.get(low) or m.ner or "MISC"
            groups.append((typ, ms))
            continue
        types = [m.type for m in ms if m.type != "UNK"]
        if not types and all(m.initial for m in ms) and len(low.split()) == 1:
            continue  # a capitalised sentence opener never seen as a name elsewhere
        if types:
            typ = _most_common(types)
        elif low in typed:
            typ = typed[low]
        else:
            votes = [m.ner for m in ms if m.ner]
            typ = _most_common(votes) if votes else "MISC"
        groups.append((typ, ms))
    return _rank(_entities(groups, article_order, size), article_order)


def _most_common(values: list[str]) -> str:
    """The most frequent of ``values``, the first seen among equals (as
    ``Counter.most_common(1)``), without building a Counter for the usual single value."""
    first = values[0]
    if values.count(first) == len(values):
        return first
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=counts.__getitem__)


class _Memo(dict):
    """A function's results for one call of :func:`merge_mentions` (never shared)."""

    def __init__(self, fn: Callable[[str], str]):
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> str:
        self[key] = value = self.fn(key)
        return value

    __call__ = dict.__getitem__


def _entities(
    groups: list[tuple[str, list[Mention]]], article_order: Sequence[str], size: dict[str, int]
) -> list[tuple[tuple[str, int], _Fields]]:
    """One entity per group of mentions, as its fields, with the key of its first
    mention; groups whose name is a single character or has no letter are dropped."""
    order = {a: i for i, a in enumerate(article_order)}
    entities: list[tuple[tuple[str, int], _Fields]] = []
    for typ, ms in groups:
        if len(ms) == 1:
            m = ms[0]
            if len(m.name) < 2 or not any(map(str.isalpha, m.name)):
                continue
            entities.append((m.key, (m.name, typ, 1, (m.key[0],), m.role if typ == "PER" else None, ())))
            continue
        named = [m.name for m in ms if m.name]
        if not named or not any(map(str.isalpha, named[0])) or len(named[0]) < 2:
            continue
        variants: tuple[str, ...]
        if named.count(named[0]) == len(named):  # one spelling: nothing to choose
            canonical, variants = named[0], ()
        else:
            names = Counter(named)
            multi = [n for n in names if size[n] >= 2] if typ == "PER" else []
            canonical = max(multi or names, key=lambda n: (names[n], len(n)))
            variants = tuple(sorted(n for n in names if n != canonical))
        role = _best_role([m.role for m in ms if m.role]) if typ == "PER" else None  # a place holds no office
        arts = sorted({m.key[0] for m in ms}, key=lambda a: (order.get(a, len(order)), a))
        entities.append((min(map(itemgetter(0), ms)), (canonical, typ, len(ms), tuple(arts), role, variants)))
    return entities


def _rank(entities: list[tuple[tuple[str, int], _Fields]], article_order: Sequence[str]) -> tuple[Entity, ...]:
    """By mention count, most first, then by first appearance (article order, then
    sentence). Equal entities share the first appearance of the last of them, as a
    dict keyed by entity (that is, by its fields) would give."""
    order = {a: i for i, a in enumerate(article_order)}
    first = {fields: key for key, fields in entities}
    keys = [(-f[2], (order.get(first[f][0], 0), first[f][1])) for _, f in entities]
    ranked = sorted(range(len(entities)), key=keys.__getitem__)
    return tuple(Entity(*entities[k][1]) for k in ranked)


def _untitle(mentions: Sequence[Mention]) -> Sequence[Mention]:
    """A name read as a person only because a title came before it ("Chủ tịch HĐQT
    Vietnam Airlines", "Phó chủ tịch EgyptAir, Ahmed Adel") is the organisation or place
    the cluster types it elsewhere ("hãng EgyptAir", "HĐQT Vietnam Airlines"): the
    titled mention takes that type and no role, so it joins the organisation or the place
    ("Bí thư Thành ủy Móng Cái"). A name that starts with a surname is a person
    although a cue word made it a place once ("Chủ tịch UBND thành phố Nguyễn Đức
    Chung", "yêu cầu Vũ")."""
    typed: dict[str, str] = {}
    surnames = lexicon().surnames
    for m in mentions:
        if m.type == "ORG" or (m.type == "LOC" and m.name.split(" ", 1)[0] not in surnames):
            typed.setdefault(m.name.lower(), m.type)
    if not typed:
        return mentions
    titled = [k for k, m in enumerate(mentions) if m.type == "PER" and m.role and m.name.lower() in typed]
    if not titled:
        return mentions
    out = list(mentions)
    for k in titled:
        m = out[k]
        out[k] = m._replace(type=typed[m.name.lower()], role=None)
    return out


def _unglue(mentions: Sequence[Mention]) -> list[Mention]:
    """Cut a verb the segmenter glued to a name ("Nguyên dọa" -> "Nguyên"): trailing
    lower-case syllables go when the capitalised rest is a name seen elsewhere."""
    lasts = {n: n.split()[-1] for n in set(map(itemgetter(1), mentions)) if n}
    glued = {n for n, last in lasts.items() if not last[:1].isupper()}
    if not glued or not any(m.type == "UNK" and m.name in glued for m in mentions):
        return list(mentions)
    known = {n.lower() for n, last in lasts.items() if last[:1].isupper()}
    known |= {lasts[m.name].lower() for m in mentions if m.type == "PER" and m.name}
    out = []
    for m in mentions:
        if m.type == "UNK" and m.name in glued:
            words = m.name.split()
            k = len(words)
            while k > 0 and not words[k - 1][:1].isupper():
                k -= 1
            prefix = " ".join(words[:k])
            if prefix and prefix.lower() in known:
                m = m._replace(name=prefix)
        out.append(m)
    return out


def _split_places(mentions: Sequence[Mention]) -> Sequence[Mention]:
    """Cut a person's name off a place it was read with ("tỉnh Bình Định Nguyễn Phi
    Long", after a place cue): the run is the place when the cluster names that place
    alone, followed by a surname and 1-3 more capitalised syllables."""
    names = set(map(itemgetter(1), mentions))
    surnames = lexicon().surnames
    cuts: dict[str, int] = {}  # name -> how many of its words are the place
    for name in names:
        if name.count(" ") < 2:
            continue  # most names: too short to hold a place and a full name
        words = name.split()
        for k in range(1, len(words) - 1):
            if words[k] in surnames and len(words) - k <= 4 and " ".join(words[:k]) in names:
                if all(w[:1].isupper() for w in words[k:]):
                    cuts[name] = k
                break
    if not cuts:
        return mentions
    places = {m.name for m in mentions if m.type == "LOC"}
    out: list[Mention] = []
    for m in mentions:
        k = cuts.get(m.name, 0) if m.type == "LOC" else 0
        words = m.name.split()
        if k and " ".join(words[:k]) in places:
            out.append(m._replace(name=" ".join(words[:k])))
            out.append(m._replace(name=" ".join(words[k:]), type="PER", initial=False))
        else:
            out.append(m)
    return out


def _split_orgs(mentions: Sequence[Mention]) -> Sequence[Mention]:
    """Cut a person's name off an organisation it was read with ("Quốc hội Vũ Tiến
    Lộc", from "Đại biểu Quốc hội Vũ Tiến Lộc" when the title is not known): the
    organisation's last 3-4 words, a surname and capitalised syllables, are a person
    the cluster names elsewhere (that full name, or its last syllable alone: "ông
    Lộc"). Without that evidence the name stays whole: schools and streets carry
    people's names ("Trường Nguyễn Du")."""
    orgs = {m.name for m in mentions if m.type == "ORG" and m.name.count(" ") >= 3}
    if not orgs:
        return mentions
    lex = lexicon()
    surnames, namesakes, cues = lex.surnames, lex.namesakes, lex.cue_ends
    people = {m.name for m in mentions if m.type == "PER"}
    cuts: dict[str, int] = {}
    for name in orgs:
        words = name.split()
        for k in range(1, len(words) - 2):
            tail = words[k:]
            if words[k] in surnames and len(tail) <= 4 and all(w[:1].isupper() for w in tail):
                named = " ".join(tail)
                if named in namesakes or words[k - 1].lower() in cues:
                    break  # "Công an TP Hồ Chí Minh": a place, not a person
                if named in people or tail[-1] in people:
                    cuts[name] = k
                break
    if not cuts:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        k = cuts.get(m.name, 0) if m.type == "ORG" else 0
        if k:
            words = m.name.split()
            out.append(m._replace(name=" ".join(words[:k])))
            out.append(m._replace(name=" ".join(words[k:]), type="PER", initial=False))
        else:
            out.append(m)
    return out


def _best_role(roles: list[str]) -> str | None:
    """The most frequent role, crediting a bare title ("Ngoại trưởng") to its more
    specific forms ("Ngoại trưởng Nga"), so the specific form wins ties."""
    if not roles:
        return None
    if roles.count(roles[0]) == len(roles):
        return roles[0]
    counts = Counter(roles)
    credit = {r: sum(c for q, c in counts.items() if r == q or r.startswith(q + " ")) for r in counts}
    return max(credit, key=lambda r: (credit[r], len(r)))
