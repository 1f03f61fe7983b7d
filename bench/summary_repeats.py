"""Redundancy inside the default's summaries, against the references, and the sweep of
the centroid's filler cosine threshold.

    PYTHONPATH=src python bench/summary_repeats.py --data ../shared/data/vims-dev \
        --data ../shared/data/abmusu-dev/train.jsonl [--sweep]

Each corpus is prepared once (the pipeline up to selection, at its mean reference
length). Prints, per corpus, the share of the summary's bigrams that an earlier sentence
of the same summary already said (``tomtat.evaluate.repeats``) next to the same share
in the references (split into sentences like articles are), and the default's ROUGE-2.
With ``--sweep``, every setting of ``SWEEP`` is scored and compared with the default by
a paired bootstrap over clusters (95% interval), with its own repeat share.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tomtat import pipeline  # noqa: E402
from tomtat.compose import compose  # noqa: E402
from tomtat.errors import TomtatError  # noqa: E402
from tomtat.evaluate.bootstrap import DEFAULT_SEED, paired_difference  # noqa: E402
from tomtat.evaluate.dataset import mean_reference_words  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.evaluate.repeats import Repeats, repeated_bigrams  # noqa: E402
from tomtat.evaluate.rouge import score  # noqa: E402
from tomtat.model import Budget, Limits  # noqa: E402
from tomtat.order import reading_order  # noqa: E402
from tomtat.represent import Representation  # noqa: E402
from tomtat.select.centroid import Centroid  # noqa: E402
from tomtat.select.fill import SentenceEvents  # noqa: E402
from tomtat.story.dates import DateMention  # noqa: E402
from tomtat.text.sentences import split_spans  # noqa: E402

# Centroid settings compared with the default: the filler's cosine threshold
# (``redundancy``; ``NEAR_DUPLICATE`` above it changes nothing). The head's own
# redundancy control is the coverage gain (a concept counts once), tuned with it by
# ``bench/tune_centroid.py --grid coverage``.
SWEEP: list[tuple[str, Centroid]] = [
    (f"redundancy {r}", Centroid(redundancy=r)) for r in (0.2, 0.25, 0.35, 0.4, 0.5, 0.7)
]

Prepared = tuple[Representation, Limits, SentenceEvents | None, Mapping[pipeline.Key, Sequence[DateMention]], list[str]]


def prepare(path: str) -> list[Prepared]:
    """Each cluster of a corpus up to selection, with its references."""
    clusters = load_dataset(path)
    budget = Budget(words=mean_reference_words(clusters))
    out: list[Prepared] = []
    for ec in clusters:
        doc = pipeline.build_document(ec.cluster, budget)
        out.append((doc.get(pipeline.REPRESENTATION), doc.get(pipeline.LIMITS),
                    doc.get(pipeline.SENTENCE_EVENTS), doc.get(pipeline.DATES), list(ec.references)))
    return out


def summarise(prepared: list[Prepared], method: Centroid) -> tuple[np.ndarray, Repeats]:
    """Per-cluster ROUGE-2 F1 (x100) of ``method`` and the repeats of all its summaries."""
    r2, repeats = [], Repeats(0, 0)
    for rep, limits, events, dates, refs in prepared:
        chosen = reading_order(rep.features, method.select(rep, limits, events), dates)
        texts = [e.text for e in compose(rep.features, chosen, limits)[0]]
        r2.append(100 * score(" ".join(texts), refs)["rouge2"].f)
        repeats = repeats + repeated_bigrams(texts)
    return np.array(r2), repeats


def reference_repeats(prepared: list[Prepared]) -> Repeats:
    """Repeats of every reference, split into sentences line by line."""
    total = Repeats(0, 0)
    for *_, refs in prepared:
        for ref in refs:
            total = total + repeated_bigrams(line[a:b] for line in ref.splitlines() for a, b in split_spans(line))
    return total


def corpus_label(path: str) -> str:
    p = Path(path)
    return p.parent.name if p.is_file() else p.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", action="append", required=True, help="a corpus (folder or JSONL; repeat for several)")
    parser.add_argument("--sweep", action="store_true", help="also score every setting of SWEEP against the default")
    args = parser.parse_args(argv)
    for path in args.data:
        try:
            prepared = prepare(path)
        except (TomtatError, OSError) as exc:
            print(f"summary_repeats: error: {exc}", file=sys.stderr)
            return 2
        base, repeats = summarise(prepared, Centroid())
        refs = reference_repeats(prepared)
        name = corpus_label(path)
        print(f"{name}: default R-2 {base.mean():.2f}; repeated bigrams: summaries "
              f"{100 * repeats.share:.1f}%, references {100 * refs.share:.1f}%", flush=True)
        if not args.sweep:
            continue
        print(f"| {name}: setting | R-2 | − default (paired 95% CI) | repeated bigrams |")
        print("|---|---:|---:|---:|")
        for label, method in SWEEP:
            r2, rep = summarise(prepared, method)
            d = paired_difference(list(r2), list(base), np.random.default_rng(DEFAULT_SEED)).interval
            print(f"| {label} | {r2.mean():.2f} | {d.mean:+.2f} ({d.low:+.2f}…{d.high:+.2f}) "
                  f"| {100 * rep.share:.1f}% |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
