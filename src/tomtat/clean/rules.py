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
that must be found somewhere in the line for the rule to be tried (a necessary condition
of the pattern that is much cheaper to search, e.g. "the last word has a capital" for a
byline glued at the end); ``window`` limits the search to the end of the line, for rules
anchored there. None of them may change what a rule removes, only how fast a line is
found not to match.

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from tomtat.data import read_json

KINDS = ("line", "section", "cut", "caption")


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
    trigger: regex.Pattern[str] | None = None  # must be found in the line for the rule to run

    def may_apply(self, folded: str, text: str | None = None) -> bool:
        """A cheap test before the regular expression runs: ``needs`` on the case-folded
        line, and ``trigger`` on the line itself (``text``; skipped when not given)."""
        if self.needs:
            for n in self.needs:
                if n in folded:
                    break
            else:
                return False
        return self.trigger is None or text is None or self.trigger.search(text) is not None


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


def compile_rules(spec: Mapping[str, Any]) -> tuple[Rule, ...]:
    """Compile a rules document (the parsed JSON) into rules, in file order."""
    vocab = spec.get("vocab", {})
    rules = []
    for entry in spec["rules"]:
        kind = entry["kind"]
        if kind not in KINDS:
            raise ValueError(f"clean rules: rule {entry['name']!r} has unknown kind {kind!r}")
        flags = regex.IGNORECASE if "i" in entry.get("flags", "") else 0
        pattern = regex.compile(expand_vocab(entry["pattern"], vocab), flags | regex.V0)
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
                trigger=regex.compile(entry["trigger"], regex.V0) if "trigger" in entry else None,
            )
        )
    return tuple(rules)


@cache
def load_rules(name: str = "clean_rules.json") -> tuple[Rule, ...]:
    """The rules shipped with tomtat (``tomtat/data/<name>``), compiled once per process."""
    return compile_rules(read_json(name))


@cache
def load_vocab(name: str = "clean_rules.json") -> Mapping[str, tuple[str, ...]]:
    """The word lists of the rules file, e.g. ``STARTER`` (words that open a sentence)."""
    return {k: tuple(v) for k, v in read_json(name).get("vocab", {}).items() if not isinstance(v, str)}
