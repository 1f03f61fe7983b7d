"""CI quality gate: the default method's ROUGE-2 F1 on every development corpus must not
fall below that corpus's floor.

    python bench/quality_gate.py [--root ../shared/data] [--only NAME]

The floors are pinned in bench/floors.json, one per corpus: its path under ``--root``,
budget (the corpus's mean reference length), metric, floor, and the value and bootstrap
standard deviation measured when the floor was set. A floor sits below the measured
value by at least that noise, so the gate catches real regressions, not luck. Scores are
deterministic (same code, same data, same number), so this is a fair pass/fail test;
timings are printed, never gated. Raise a floor when quality improves; lowering one needs
a reason written next to it.
Exit codes: 0 every corpus passes, 1 one is below its floor, 2 cannot run (data missing,
bad floors file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tomtat.errors import TomtatError  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.evaluate.runner import corpus_score, evaluate  # noqa: E402
from tomtat.model import Budget  # noqa: E402
from tomtat.pipeline import summarize_cluster  # noqa: E402
from tomtat.select import DEFAULT_METHOD  # noqa: E402

FLOORS = ROOT / "bench" / "floors.json"
DATA_ROOT = ROOT.parent / "shared" / "data"


def read_floors(path: Path) -> dict[str, dict[str, Any]]:
    """Corpus name -> {path, words, metric, floor}; ValueError naming what is wrong."""
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"cannot read {path}: {err}") from None
    if not isinstance(floors, dict) or not floors:
        raise ValueError(f"{path}: expected an object of corpora")
    for name, spec in floors.items():
        try:
            str(spec["path"]), int(spec["words"]), float(spec["floor"]), str(spec["metric"])
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"{path}: corpus {name!r}: bad or missing field {err}") from None
    return floors


def measure(corpus: Path, words: int, metric: str) -> tuple[float, int]:
    """The default method's mean F1 on ``corpus`` at ``words`` words, and the cluster count."""
    clusters = load_dataset(corpus)
    budget = Budget(words=words)
    results = evaluate(clusters, lambda c: summarize_cluster(c.cluster, budget, DEFAULT_METHOD).text, words=words)
    return corpus_score(results).f1[metric].mean, len(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=str(DATA_ROOT), help="folder holding the corpora named in the floors file")
    parser.add_argument("--floors", default=str(FLOORS))
    parser.add_argument("--only", metavar="NAME", help="gate one corpus of the floors file")
    args = parser.parse_args(argv)
    try:
        floors = read_floors(Path(args.floors))
    except ValueError as err:
        print(f"quality gate: error: {err}", file=sys.stderr)
        return 2
    if args.only:
        if args.only not in floors:
            print(f"quality gate: error: no floor for corpus {args.only!r} in {args.floors}", file=sys.stderr)
            return 2
        floors = {args.only: floors[args.only]}
    failed = []
    for name, spec in floors.items():
        words, metric, floor = int(spec["words"]), str(spec["metric"]), float(spec["floor"])
        started = time.perf_counter()
        try:
            value, count = measure(Path(args.root) / spec["path"], words, metric)
        except TomtatError as err:
            print(f"quality gate: error: {name}: {err}", file=sys.stderr)
            return 2
        verdict = "pass" if value >= floor else "FAIL"
        print(
            f"quality gate: {verdict}: {DEFAULT_METHOD} {metric} F1 {100 * value:.2f} on {count} {name} "
            f"clusters at {words} words (floor {100 * floor:.2f}; {time.perf_counter() - started:.0f} s)"
        )
        if value < floor:
            failed.append(name)
    if failed:
        print(
            f"quality gate: the default method got worse on {', '.join(failed)}; fix the regression, or lower "
            "the floor in bench/floors.json with a stated reason",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
