"""Cleaning quality on a labelled set: how much debris goes, how much content stays.

The set (``bench/data/clean_labelled.jsonl``, text written by the project in the styles
of many Vietnamese outlets) has one article per line::

    {"id": ..., "outlet": ..., "cluster": ..., "title": ..., "lines": ["C|...", ...],
     "damage": {"1": "mojibake", ...}}

Each line is labelled ``C|`` content, ``H|`` subheading, ``D|`` debris, or ``M|`` mixed:
content with debris glued inside, the debris between ``[[`` and ``]]``. ``damage``
corrupts lines before cleaning (decomposed Unicode, zero-width characters, mojibake,
NBSP, entities, control characters); the cleaner must undo it.

Scored items: every debris line and debris fragment (removed = no cleaned paragraph
holds any of it), every content line, heading and content fragment (kept = it appears,
normalised, in a cleaned paragraph). Headings must also be marked ``heading``.

    PYTHONPATH=src python bench/clean_quality.py [--data PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tomtat.clean import clean_cluster, normalize_text
from tomtat.model import Article, CleanArticle

DEFAULT = Path(__file__).parent / "data" / "clean_labelled.jsonl"
_MARK = re.compile(r"\[\[(.*?)\]\]")
_TOKENS = re.compile(r"[^\W_]+")


def damage(text: str, how: str) -> str:
    """Corrupt ``text`` the way crawls do (``how``: '+'-joined kinds)."""
    for kind in how.split("+"):
        if kind == "nfd":
            text = unicodedata.normalize("NFD", text)
        elif kind == "zero-width":
            text = text.replace(" ", " \u200b", 3)
        elif kind == "mojibake":
            text = text.encode("utf-8").decode("cp1252", errors="replace")
        elif kind == "nbsp":
            text = text.replace(" ", "\u00a0", 4)
        elif kind == "entity":
            text = text.replace(",", "&#44;", 1) + " &nbsp;"
        elif kind == "control":
            text = "\x07" + text + "\x1b"
    return text


def key(text: str) -> str:
    """Tokens, lower-cased and normalised, padded so ``in`` matches whole tokens."""
    return " " + " ".join(_TOKENS.findall(normalize_text(text).casefold())) + " "


@dataclass
class Item:
    article: str
    outlet: str
    kind: str  # "debris", "content", "heading"
    text: str
    ok: bool = False


@dataclass
class Scores:
    items: list[Item] = field(default_factory=list)

    def rate(self, kind: str, outlet: str | None = None) -> tuple[int, int]:
        sel = [i for i in self.items if i.kind == kind and (outlet is None or i.outlet == outlet)]
        return sum(i.ok for i in sel), len(sel)


def parse(record: dict) -> tuple[Article, list[tuple[str, str, list[str], list[str]]]]:
    """The article to clean, and per line: (label, raw text, content parts, debris parts)."""
    lines, labelled = [], []
    for i, entry in enumerate(record["lines"]):
        label, text = entry.split("|", 1)
        raw = _MARK.sub(lambda m: m.group(1), text)
        debris = [m.group(1) for m in _MARK.finditer(text)] if label == "M" else []
        content = [p.strip() for p in _MARK.split(text)[::2] if p.strip()] if label == "M" else []
        how = record.get("damage", {}).get(str(i))
        lines.append(damage(raw, how) if how else raw)
        labelled.append((label, raw, content, debris))
    article = Article(record["id"], record["title"], "\n".join(lines), source=record["outlet"])
    return article, labelled


def score_article(record: dict, labelled: list, cleaned: CleanArticle, scores: Scores) -> None:
    paras = [cleaned.text[p.start : p.end] for p in cleaned.paragraphs]
    pkeys = [key(p) for p in paras]
    heads = {key(cleaned.text[p.start : p.end]) for p in cleaned.paragraphs if p.heading}

    def kept(text: str) -> bool:
        k = key(text)
        return any(k in pk for pk in pkeys)

    def gone(text: str) -> bool:
        k = key(text)
        if not k.strip():  # punctuation only, e.g. "/."
            return text.strip() not in cleaned.text
        # no paragraph is (part of) this debris, and no paragraph contains it
        return not any(pk in k or k in pk for pk in pkeys if pk.strip())

    add = scores.items.append
    for label, raw, content, debris in labelled:
        item = lambda kind, text, ok: add(Item(record["id"], record["outlet"], kind, text, ok))  # noqa: E731
        if label == "C":
            item("content", raw, kept(raw))
        elif label == "H":
            item("content", raw, kept(raw))
            item("heading", raw, key(raw) in heads)
        elif label == "D":
            item("debris", raw, gone(raw))
        else:
            for part in content:
                item("content", part, kept(part))
            for part in debris:
                item("debris", part, gone(part))


def evaluate(path: Path) -> Scores:
    """Clean every cluster of the labelled set and score it."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    clusters: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        clusters[r["cluster"]].append(r)
    scores = Scores()
    for members in clusters.values():
        parsed = [parse(r) for r in members]
        cleaned = clean_cluster([a for a, _ in parsed])
        for r, (_, labelled), c in zip(members, parsed, cleaned):
            score_article(r, labelled, c, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"clean_quality: no labelled set at {args.data}", file=sys.stderr)
        return 2
    scores = evaluate(args.data)
    for kind, what in (("debris", "debris removed"), ("content", "content kept"), ("heading", "headings marked")):
        ok, n = scores.rate(kind)
        print(f"{what:16s} {ok}/{n} = {100 * ok / max(n, 1):.1f}%")
    outlets = sorted({i.outlet for i in scores.items})
    print(f"articles: {len({i.article for i in scores.items})}, outlets/styles: {len(outlets)}")
    misses = [i for i in scores.items if not i.ok]
    if misses:
        print(f"misses: {len(misses)}" + ("" if args.verbose else " (--verbose lists them)"))
    if args.verbose:
        for i in misses:
            print(f"  {i.kind:8s} {i.article:8s} {i.text[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
