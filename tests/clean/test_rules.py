"""Every rule in clean_rules.json catches its examples and keeps its near-misses."""

from __future__ import annotations

import pytest

from tomtat.clean import clean_article, normalize_text
from tomtat.clean.rules import KINDS, load_rules
from tomtat.model import Article

RULES = load_rules()


def _clean(text: str) -> str:
    return clean_article(Article("t", "", text)).text


def _cases(attr: str) -> list[tuple[str, object]]:
    return [
        pytest.param(rule.name, case, id=f"{rule.name}-{i}")
        for rule in RULES
        for i, case in enumerate(getattr(rule, attr))
    ]


def test_every_rule_is_documented_by_examples_and_near_misses() -> None:
    for rule in RULES:
        assert rule.kind in KINDS
        assert rule.examples, f"{rule.name} has no examples"
        assert rule.keeps, f"{rule.name} has no near-misses"
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize(("name", "case"), _cases("examples"))
def test_examples_are_removed(name: str, case: object) -> None:
    if isinstance(case, list):
        raw, expected = case
        assert _clean(raw) == expected
    else:
        out = clean_article(Article("t", "", case))
        assert out.text != normalize_text(case).strip(), f"{name} kept {case!r}"
        assert any(r.reason == name for r in out.removed), [r.reason for r in out.removed]


@pytest.mark.parametrize(("name", "case"), _cases("keeps"))
def test_near_misses_are_kept(name: str, case: str) -> None:
    out = clean_article(Article("t", "", case))
    assert out.text == normalize_text(case).strip(), f"{name}: {out.removed}"


def _lines_of_cases() -> list[str]:
    lines = []
    for rule in RULES:
        for case in (*rule.examples, *rule.keeps):
            raw = case[0] if isinstance(case, list) else case
            lines.extend(part.strip() for part in normalize_text(raw).split("\n") if part.strip())
    return lines


def test_cheap_tests_hold_wherever_a_rule_matches() -> None:
    """``needs`` and ``trigger`` only skip lines a rule could never act on: on every
    example and near-miss line, a rule whose pattern matches passes its cheap tests."""
    for rule in RULES:
        for line in _lines_of_cases():
            if rule.pattern.search(line):
                assert rule.may_apply(line.casefold(), line), (rule.name, line)


def test_anchored_rules_find_what_a_search_finds() -> None:
    assert any(rule.anchored for rule in RULES)
    for rule in RULES:
        for line in _lines_of_cases():
            found, searched = rule.find(line), rule.pattern.search(line)
            assert (found and found.span()) == (searched and searched.span()), (rule.name, line)


def test_anchoring_is_recognised_only_for_patterns_that_must_start_at_the_start() -> None:
    from tomtat.clean.rules import is_anchored

    assert is_anchored(r"^(?:Theo|Nguồn)\s*:") and is_anchored(r"^[|(]a\|b(?i:c|d)")
    assert not is_anchored(r"^Theo|Nguồn")  # the second alternative may match anywhere
    assert not is_anchored(r"(?m)^Theo") and not is_anchored(r"Theo$")


def test_literal_triggers_find_what_their_expression_finds() -> None:
    from tomtat.clean.rules import literal_chars

    assert literal_chars("[-–—]") == "-–—" and literal_chars(":") == ":"
    assert literal_chars("[a-z]") is None and literal_chars(".") is None and literal_chars("[^:]") is None
    triggers = [t for rule in RULES for t in rule.triggers]
    assert any(t.chars for t in triggers)
    for trigger in triggers:
        for line in _lines_of_cases():
            assert trigger.found(line) == (trigger.pattern.search(line) is not None), (trigger.pattern.pattern, line)


def test_the_loaded_rules_are_the_file_in_order_with_each_kind_picked_once() -> None:
    from tomtat.clean.rules import RuleBook, compile_rules
    from tomtat.data import read_json

    compiled = compile_rules(read_json("clean_rules.json"))
    assert [r.name for r in RULES] == [r.name for r in compiled] and len(RULES) == len(compiled)
    assert RULES[0].name == compiled[0].name and [r.name for r in RULES[1:3]] == [r.name for r in compiled[1:3]]
    book = RuleBook.of(compiled)
    assert RuleBook.of(book) is book
    assert [r.name for r in book.inline] == [r.name for r in compiled if r.kind in ("cut", "caption")]
    for words, allowed in enumerate(book.by_words):
        assert [r.name for r in allowed] == [r.name for r in book.line if words <= r.max_words]
