"""CI quality gate: the default method's ROUGE-2 F1 on ViMs dev must not fall below a floor.

    python bench/quality_gate.py [--data ../shared/data/vims-dev]

The floor is pinned in bench/floors.json. Scores are deterministic (same code, same data,
same number), so this is a fair pass/fail test; timings are printed, never gated.
Raise the floor when quality improves; lowering it needs a reason written next to it.
Exit codes: 0 pass, 1 below the floor, 2 cannot run (data missing, bad floors file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tomtat.errors import TomtatError  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.evaluate.runner import corpus_score, evaluate  # noqa: E402
from tomtat.model import Budget  # noqa: E402
from tomtat.pipeline import summarize_cluster  # noqa: E402
from tomtat.select import DEFAULT_METHOD  # noqa: E402

FLOORS = ROOT / "bench" / "floors.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "vims-dev"))
    parser.add_argument("--floors", default=str(FLOORS))
    args = parser.parse_args(argv)
    try:
        spec = json.loads(Path(args.floors).read_text(encoding="utf-8"))["vims-dev"]
        floor, words, metric = float(spec["floor"]), int(spec["words"]), spec["metric"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        print(f"quality gate: error: cannot read floor from {args.floors}: {err}", file=sys.stderr)
        return 2
    method = DEFAULT_METHOD
    started = time.perf_counter()
    try:
        clusters = load_dataset(args.data)
        budget = Budget(words=words)
        results = evaluate(clusters, lambda c: summarize_cluster(c.cluster, budget, method).text, words=words)
    except TomtatError as err:
        print(f"quality gate: error: {err}", file=sys.stderr)
        return 2
    value = corpus_score(results).f1[metric].mean
    seconds = time.perf_counter() - started
    verdict = "pass" if value >= floor else "FAIL"
    print(
        f"quality gate: {verdict}: {method} {metric} F1 {100 * value:.2f} on {len(results)} ViMs dev "
        f"clusters at {words} words (floor {100 * floor:.2f}; {seconds:.0f} s)"
    )
    if value < floor:
        print(
            "quality gate: the default method got worse on ViMs dev; fix the regression, or lower "
            "the floor in bench/floors.json with a stated reason",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
