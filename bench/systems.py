"""Every system the benchmark compares, as ``name -> summarize(cluster, words)``.

A system takes an ``EvalCluster`` as read from disk and a word budget, and returns the
summary text and the bytes it would write as output. All of them clean and split with
tomtat's own cleaner and splitter, so the comparison is about choosing sentences:

- ``tomtat:<method>``: the full tomtat pipeline, every method in ``tomtat.select``;
  output is the JSON document ``tomtat summarize --format json`` writes.
- ``lead``: first sentences of the first article; ``round-robin-lead``: first sentence
  of every article in turn, then the second, ...
- ``sumy:<name>``: sumy's LexRank, TextRank, LSA, Luhn, SumBasic (see sumy_peers.py).
- ``oracle``: greedy ROUGE-2 extraction knowing the references (the ceiling).

Ranked systems take sentences in rank order until the budget is reached; sumy's picks
are then put in document order, as sumy itself returns them; the text is cut at the word
limit (truncated summaries). tomtat's own methods stay within the budget themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from tomtat.clean import clean_cluster
from tomtat.evaluate.baselines import fill_truncated, lead_order, round_robin_order, summary_text
from tomtat.evaluate.dataset import EvalCluster
from tomtat.model import Sentence
from tomtat.text.sentences import split_articles

System = Callable[[EvalCluster, int], tuple[str, str]]
SUMY = ("lexrank", "textrank", "lsa", "luhn", "sumbasic")


def _sentences(c: EvalCluster) -> list[Sentence]:
    return split_articles(a for a in clean_cluster(c.cluster.articles) if a.text.strip())


def _output(c: EvalCluster, text: str) -> tuple[str, str]:
    return text, json.dumps({"id": c.id, "summary": text}, ensure_ascii=False) + "\n"


def tomtat_system(method: str) -> System:
    from tomtat.io.writers import render
    from tomtat.model import Budget
    from tomtat.pipeline import summarize_cluster

    def run(c: EvalCluster, words: int) -> tuple[str, str]:
        summary = summarize_cluster(c.cluster, Budget(words=words), method)
        return summary.text, render(summary, "json")

    return run


def ordered_system(order: Callable[[list[Sentence]], list[Sentence]]) -> System:
    def run(c: EvalCluster, words: int) -> tuple[str, str]:
        return _output(c, summary_text(fill_truncated(order(_sentences(c)), words), words))

    return run


def sumy_system(name: str, tokenizer: str = "syllables") -> System:
    import sumy_peers

    tok = sumy_peers.WordTokenizer(sumy_peers.TOKENIZERS[tokenizer])

    def run(c: EvalCluster, words: int) -> tuple[str, str]:
        sentences = _sentences(c)
        position = {s.key: k for k, s in enumerate(sentences)}
        chosen = fill_truncated(sumy_peers.rank(name, sentences, tok), words)
        chosen.sort(key=lambda s: position[s.key])  # sumy returns its picks in document order
        return _output(c, summary_text(chosen, words))

    return run


def oracle_system(c: EvalCluster, words: int) -> tuple[str, str]:
    from tomtat.evaluate.oracle import greedy_oracle

    return _output(c, summary_text(greedy_oracle(_sentences(c), c.references, words), words))


def system_names() -> list[str]:
    """All systems, tomtat's default method first."""
    from tomtat.select import DEFAULT_METHOD, METHODS

    tomtat = [DEFAULT_METHOD] + sorted(m for m in METHODS if m != DEFAULT_METHOD)
    return (
        [f"tomtat:{m}" for m in tomtat]
        + ["lead", "round-robin-lead"]
        + [f"sumy:{n}" for n in SUMY]
        + ["oracle"]
    )


def make_system(name: str, sumy_tokenizer: str = "syllables") -> System:
    if name.startswith("tomtat:"):
        return tomtat_system(name.split(":", 1)[1])
    if name.startswith("sumy:"):
        return sumy_system(name.split(":", 1)[1], sumy_tokenizer)
    if name == "lead":
        return ordered_system(lead_order)
    if name == "round-robin-lead":
        return ordered_system(round_robin_order)
    if name == "oracle":
        return oracle_system
    raise ValueError(f"unknown system {name!r}")
