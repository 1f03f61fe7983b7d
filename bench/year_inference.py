"""Year inference on a labelled set: precision on the years given, recall, ranges.

    PYTHONPATH=src python bench/year_inference.py [--labels bench/data/year_mentions.jsonl] [-v]

Each line of the labelled set (``bench/data/year_mentions.jsonl``, invented Vietnamese
sentences written for tomtat, see bench/data/README.md) is one article without a
publication date: ``text``, the ``mention`` (a day/month written without a year, as it
appears), the true ``year`` and a ``case`` (office, elect, reference, weekday, explicit,
mixed, trap). The text is cut into sentences at ". ", dates are found as the pipeline
finds them, and :func:`tomtat.story.mention_years.estimate_years` gives the estimate.

- precision: exact years given that are right / exact years given (target >= 0.98);
- recall: right exact years / mentions;
- ranges: estimates with several years; "contains" counts those holding the true year;
- wrong ranges (not containing the true year) are errors too and are listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tomtat.story.dates import find_dates_many  # noqa: E402
from tomtat.story.mention_years import estimate_years  # noqa: E402


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("; ", ". ").split(". ")]
    return [p if p.endswith(".") else p + "." for p in parts if p]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=ROOT / "bench" / "data" / "year_mentions.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every mention")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    given = right = ranges = contains = wrong_range = 0
    by_case: Counter[str] = Counter()
    right_case: Counter[str] = Counter()
    errors = []
    for row in rows:
        sents = _sentences(row["text"])
        keys = [("a", i) for i in range(len(sents))]
        texts = dict(zip(keys, sents))
        raws = dict(zip(keys, find_dates_many(sents)))
        estimates = estimate_years(texts, raws)
        est = next(
            (estimates.get((key, r.start)) for key in keys for r in raws[key] if row["mention"] in r.text), None
        )
        by_case[row["case"]] += 1
        label = est.label if est else "unknown"
        if est is not None and est.exact is not None:
            given += 1
            if est.exact == row["year"]:
                right += 1
                right_case[row["case"]] += 1
            else:
                errors.append((row, label))
        elif est is not None:
            ranges += 1
            if est.contains(row["year"]):
                contains += 1
            else:
                wrong_range += 1
                errors.append((row, label))
        if args.verbose:
            print(f"{row['case']:9} {row['year']} -> {label:18} {row['text'][:70]}")
    n = len(rows)
    print(f"mentions: {n}")
    print(f"exact years given: {given}; right: {right}; precision: {right / max(1, given):.3f}; recall: {right / n:.3f}")
    print(f"ranges: {ranges} (contain the true year: {contains}; do not: {wrong_range}); unknown: {n - given - ranges}")
    print("per case (right exact / mentions): " + ", ".join(f"{c} {right_case[c]}/{k}" for c, k in sorted(by_case.items())))
    for row, label in errors:
        print(f"ERROR {row['case']}: true {row['year']}, said {label}: {row['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
