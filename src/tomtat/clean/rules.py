"""Loading the cleaning rules from ``tomtat/data/clean_rules.json``.

The rules are data so that a new outlet's debris is one JSON entry away, each with the
lines it must catch (``examples``) and the near-misses it must leave alone (``keeps``);
``tests/clean/test_rules.py`` checks every one of them.

Patterns are ``regex`` expressions (Unicode classes such as ``\\p{Lu}`` work). They may
name word lists from the file's ``vocab`` section as ``<<NAME>>``: the list is inserted
as an alternation, longest entries first, so that agency and outlet names live in one
place.

Three optional fields make rules cheap: ``needs`` lists strings one of which a line must
contain (case-insensitive) for the rule to be tried; ``trigger`` is a regular expression
(or a list of them, tried in order) that must be found somewhere in the line for the
rule to be tried (a necessary condition of the pattern that is much cheaper to search,
e.g. "the last word has a capital" for a byline glued at the end; it may name word
lists too); ``window`` limits the search to
the end of the line, for rules anchored there. None of them may change what a rule
removes, only how fast a line is found not to match. A pattern that opens with ``^`` and
has no alternative outside a group is tried at the start of the line only
(``Rule.anchored``): a search would try, and fail at, every other position. A trigger
that is one literal character or a class of them ("[-–—]", ":") is looked for with
``str`` scans (``Trigger.chars``), many times faster than a regular expression.

``load_rules`` gives a ``RuleBook``: the rules in file order, with what the line loop
derives from them (each kind's rules, the rules allowing so many words, an Aho-Corasick
automaton of every ``needs`` word, which finds them all in one pass over an article)
worked out once per process instead of once per article.

Kinds of rule:

- ``line``: the whole stripped line is debris when the pattern matches it and it has at
  most ``max_words`` words. ``where: "end"`` restricts the rule to the trailing lines
  of the article (after its last sentence), where bylines live.
- ``section``: the line heads a sidebar of other stories ("Tin mới nhất"); it and the
  sidebar's headlines, timestamps and teasers are removed (see ``sidebar.py``).
- ``cut``: each match is cut out of the line and the rest kept (datelines, "./.",
  glued related links, trailing source notes).
- ``caption``: each match is a photo credit ("Ảnh: AFP") or an image file name; the
  caption it belongs to is cut with it: for ``direction: "left"`` the sentence that the
  credit closes, for ``"right"`` the text the file name opens, at most ``max_words``
  words (see ``inline.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, overload

import ahocorasick
import regex

from tomtat.data import read_json

KINDS = ("line", "section", "cut", "caption")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A ``trigger`` expression; ``chars`` when it is nothing but one of those characters."""

    pattern: regex.Pattern[str]
    chars: str | None = None

    def found(self, text: str) -> bool:
        """Whether the expression is found somewhere in ``text``."""
        if self.chars is None:
            return self.pattern.search(text) is not None
        for c in self.chars:
            if c in text:
                return True
        return False


_METACHARS = frozenset("\\.^$*+?{}[]()|")


def literal_chars(source: str) -> str | None:
    """The characters a pattern stands for when it is one of them and nothing else: a
    single plain character (":") or a class of plain characters ("[-–—]", with "-" only
    first); None for anything else.

    >>> literal_chars("[-–—]"), literal_chars(":"), literal_chars("[a-z]"), literal_chars(r"\\d")
    ('-–—', ':', None, None)
    """
    if len(source) == 1:
        return None if source in _METACHARS else source
    if len(source) < 3 or source[0] != "[" or source[-1] != "]":
        return None
    body = source[1:-1]
    if body.startswith("^") or "-" in body[1:] or any(c in "\\[]" for c in body):
        return None
    return body


@dataclass(frozen=True, slots=True)
class Rule:
    """One cleaning rule, compiled."""

    name: str
    kind: str
    pattern: regex.Pattern[str]
    max_words: int = 10_000
    where: str = "any"  # "any" or "end"
    direction: str = "left"  # for captions: "left" or "right"
    examples: tuple[Any, ...] = ()
    keeps: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # lower-case strings, one of which the line must contain
    window: int = 0  # > 0: only the last ``window`` characters of the line are searched
    triggers: tuple[Trigger, ...] = ()  # each must be found in the line for the rule to run
    anchored: bool = False  # the pattern can only match at the start of the text

    def find(self, text: str) -> regex.Match[str] | None:
        """``pattern.search(text)``; for an anchored pattern, only the start is tried."""
        return self.pattern.match(text) if self.anchored else self.pattern.search(text)

    def may_apply(self, folded: str, text: str | None = None) -> bool:
        """A cheap test before the regular expression runs: ``needs`` on the case-folded
        line, and ``triggers`` on the line itself (``text``; skipped when not given)."""
        if self.needs:
            for n in self.needs:
                if n in folded:
                    break
            else:
                return False
        return text is None or self.triggered(text)

    def triggered(self, text: str) -> bool:
        """Whether every trigger is found in ``text`` (True for a rule without any)."""
        for trigger in self.triggers:
            if not trigger.found(text):
                return False
        return True


@dataclass(frozen=True, eq=False)
class RuleBook(Sequence[Rule]):
    """Rules in file order (a sequence of ``Rule``), with what applying them line by
    line needs, derived once:

    - ``line``: the ``line`` and ``section`` rules; ``longest`` their largest ``max_words``;
    - ``by_words[k]``: those of them allowing ``k`` words (``k`` up to ``longest``);
    - ``inline``: the ``cut`` and ``caption`` rules; ``free``: those without ``needs``;
    - ``needs``: every ``needs`` word of any rule, once; ``finder`` an automaton of
      them (pyahocorasick), which ``find_needs`` runs.
    """

    rules: tuple[Rule, ...]
    line: tuple[Rule, ...]
    longest: int
    by_words: tuple[tuple[Rule, ...], ...]
    inline: tuple[Rule, ...]
    free: tuple[Rule, ...]
    needs: tuple[str, ...]
    finder: ahocorasick.Automaton = field(repr=False)

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> RuleBook:
        """The book of ``rules`` (itself when it is one already)."""
        if isinstance(rules, RuleBook):
            return rules
        rules = tuple(rules)
        line = tuple(r for r in rules if r.kind in ("line", "section"))
        longest = max((r.max_words for r in line), default=0)
        inline = tuple(r for r in rules if r.kind in ("cut", "caption"))
        needs = tuple(dict.fromkeys(n for r in rules for n in r.needs))
        finder = ahocorasick.Automaton()
        for need in needs:
            finder.add_word(need, need)
        finder.make_automaton()  # an automaton without words is still one: it finds nothing
        return cls(
            rules=rules,
            line=line,
            longest=longest,
            by_words=tuple(tuple(r for r in line if k <= r.max_words) for k in range(longest + 1)),
            inline=inline,
            free=tuple(r for r in inline if not r.needs),
            needs=needs,
            finder=finder,
        )

    def find_needs(self, text: str) -> Iterator[tuple[int, str]]:
        """(end index, word) of every occurrence of every ``needs`` word in ``text``,
        overlapping ones included, in the order their ends come."""
        if not self.needs:  # pyahocorasick refuses to search with an empty automaton
            return iter(())
        found: Iterator[tuple[int, str]] = self.finder.iter(text)
        return found

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    @overload
    def __getitem__(self, index: int) -> Rule: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Rule, ...]: ...

    def __getitem__(self, index: int | slice) -> Rule | tuple[Rule, ...]:
        return self.rules[index]


def expand_vocab(pattern: str, vocab: Mapping[str, Sequence[str] | str]) -> str:
    """Replace every ``<<NAME>>`` in ``pattern`` by an alternation of ``vocab[NAME]``
    (a word list), or by ``vocab[NAME]`` itself when it is a string (a regex fragment).

    >>> expand_vocab("^Theo <<A>>$", {"A": ["AP", "AFP"]})
    '^Theo (?:AFP|AP)$'
    """

    def alternation(match: regex.Match[str]) -> str:
        name = match.group(1)
        if name not in vocab:
            raise ValueError(f"clean rules: unknown word list <<{name}>>")
        value = vocab[name]
        if isinstance(value, str):  # a regex fragment, itself possibly naming lists
            return "(?:" + expand_vocab(value, vocab) + ")"
        words = sorted(value, key=len, reverse=True)
        return "(?:" + "|".join(regex.escape(w, special_only=True, literal_spaces=True) for w in words) + ")"

    return regex.sub(r"<<([A-Z_]+)>>", alternation, pattern)


def _class_end(source: str, i: int) -> int:
    """Index after the character class opening at ``source[i]`` ("[")."""
    j = i + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":  # a "]" first in a class is a literal
        j += 1
    while j < len(source):
        if source[j] == "\\":
            j += 2
        elif source[j] == "]":
            return j + 1
        else:
            j += 1
    return j


def is_anchored(source: str) -> bool:
    """Whether the pattern ``source`` can match only at the start of the text: it opens
    with "^", has no "|" outside a group, and no inline flag but "i" (a multi-line flag
    would let "^" match after every line break). Anything unusual (POSIX classes, quoting) counts as not
    anchored, which is always safe.

    >>> is_anchored("^(?:a|b)c"), is_anchored("^a|b"), is_anchored("a^")
    (True, False, False)
    """
    if not source.startswith("^") or "\\Q" in source or regex.search(r"\[:\^?[a-zA-Z]+:\]", source):
        return False
    if any(flags not in ("", "i") for flags in regex.findall(r"\(\?([a-zA-Z-]*)[:)]", source)):
        return False
    depth, i = 0, 1
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return depth == 0


def compile_rules(spec: Mapping[str, Any]) -> tuple[Rule, ...]:
    """Compile a rules document (the parsed JSON) into rules, in file order."""
    vocab = spec.get("vocab", {})
    rules = []
    for entry in spec["rules"]:
        kind = entry["kind"]
        if kind not in KINDS:
            raise ValueError(f"clean rules: rule {entry['name']!r} has unknown kind {kind!r}")
        flags = regex.IGNORECASE if "i" in entry.get("flags", "") else 0
        source = expand_vocab(entry["pattern"], vocab)
        pattern = regex.compile(source, flags | regex.V0)
        trigger = entry.get("trigger", [])
        triggers = [trigger] if isinstance(trigger, str) else trigger
        rules.append(
            Rule(
                name=entry["name"],
                kind=kind,
                pattern=pattern,
                max_words=int(entry.get("max_words", 10_000)),
                where=entry.get("where", "any"),
                direction=entry.get("direction", "left"),
                examples=tuple(entry.get("examples", ())),
                keeps=tuple(entry.get("keeps", ())),
                needs=tuple(n.casefold() for n in entry.get("needs", ())),
                window=int(entry.get("window", 0)),
                triggers=tuple(_trigger(expand_vocab(t, vocab)) for t in triggers),
                anchored=is_anchored(source) and not flags & regex.MULTILINE,
            )
        )
    return tuple(rules)


def _trigger(source: str) -> Trigger:
    return Trigger(regex.compile(source, regex.V0), literal_chars(source))


@cache
def load_rules(name: str = "clean_rules.json") -> RuleBook:
    """The rules shipped with tomtat (``tomtat/data/<name>``), compiled once per process."""
    return RuleBook.of(compile_rules(read_json(name)))


@cache
def load_vocab(name: str = "clean_rules.json") -> Mapping[str, tuple[str, ...]]:
    """The word lists of the rules file, e.g. ``STARTER`` (words that open a sentence)."""
    return {k: tuple(v) for k, v in read_json(name).get("vocab", {}).items() if not isinstance(v, str)}
