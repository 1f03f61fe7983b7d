"""Grid-tune the centroid method's weights on both development corpora, choosing from a
flat region, and report the transfer table.

    PYTHONPATH=src python bench/tune_centroid.py --data ../shared/data/vims-dev \
        --data ../shared/data/abmusu-dev/train.jsonl [--jobs 2] [--grid weights|coverage|concepts]

``--grid weights`` (default) varies the relevance weights, ``--grid coverage`` the
early-concept coverage that picks the head of the summary (``select.coverage``),
``--grid concepts`` the weight of a concept with one stopword syllable against the
coverage weight.

Each corpus is prepared once (the pipeline up to selection, at its mean reference
length); each grid cell is scored by mean ROUGE-2 F1 over the whole corpus (never per
cluster). A cell's smoothed score is the mean over the cell and its grid neighbours (one
step along any axis), so a lone peak does not win. Prints, per corpus, the best raw and
smoothed cells; the transfer table (the cell chosen on one corpus scored on the other,
against that corpus's own choice and the shipped defaults); and the cell with the best
smoothed mean over all corpora, the rule for adopting a setting.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import multiprocessing
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tomtat import pipeline  # noqa: E402
from tomtat.compose import compose  # noqa: E402
from tomtat.evaluate.dataset import mean_reference_words  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.evaluate.rouge import score  # noqa: E402
from tomtat.model import Budget  # noqa: E402
from tomtat.order import reading_order  # noqa: E402
from tomtat.select.centroid import Centroid  # noqa: E402

GRIDS: dict[str, dict[str, list[float]]] = {
    "weights": {
        "centrality_weight": [0.5, 1.0, 1.5],
        "spread_weight": [0.0, 0.5, 1.0],
        "position_weight": [0.0, 0.1, 0.2],
    },
    "coverage": {
        "concept_decay": [0.5, 0.75, 1.0],
        "coverage_weight": [0.6, 0.75, 0.9],
        "length_exponent": [0.5, 0.75, 1.0],
    },
    "concepts": {
        "half_function_weight": [0.0, 0.25, 0.5, 0.75, 1.0],
        "coverage_weight": [0.6, 0.75, 0.9],
    },
}
DATA = ROOT.parent / "shared" / "data"


def corpus_grid(grid: dict[str, list[float]], path: str) -> tuple[str, np.ndarray]:
    """Mean ROUGE-2 F1 (x100) of every cell of ``grid`` on one corpus, shaped like it."""
    clusters = load_dataset(path)
    budget = Budget(words=mean_reference_words(clusters))
    prepared = []
    for ec in clusters:
        doc = pipeline.build_document(ec.cluster, budget)
        prepared.append((doc.get(pipeline.REPRESENTATION), doc.get(pipeline.LIMITS),
                         doc.get(pipeline.SENTENCE_EVENTS), doc.get(pipeline.DATES), ec.references))
    keys = list(grid)
    values = []
    for cell in itertools.product(*grid.values()):
        method = Centroid(**dict(zip(keys, cell)))
        r2 = []
        for rep, limits, events, dates, refs in prepared:
            extracts, _ = compose(rep.features, reading_order(rep.features, method.select(rep, limits, events), dates), limits)
            r2.append(score(" ".join(e.text for e in extracts), refs)["rouge2"].f)
        values.append(100 * float(np.mean(r2)))
        print(f"{Path(path).name} {cell} {values[-1]:.2f}", file=sys.stderr, flush=True)
    return path, np.array(values).reshape([len(v) for v in grid.values()])


def smooth(grid: np.ndarray) -> np.ndarray:
    """Each cell's mean with its neighbours one step away along each axis."""
    total, count = grid.copy(), np.ones_like(grid)
    for axis in range(grid.ndim):
        for step in (-1, 1):
            shifted = np.roll(grid, step, axis=axis)
            valid = np.ones_like(grid, dtype=bool)
            edge = [slice(None)] * grid.ndim
            edge[axis] = 0 if step == 1 else -1
            valid[tuple(edge)] = False
            total += np.where(valid, shifted, 0)
            count += valid
    return total / count


def cell_name(grid: dict[str, list[float]], index: tuple[int, ...]) -> str:
    return ", ".join(f"{k}={grid[k][i]}" for k, i in zip(grid, index))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", action="append", help="a corpus (repeat; default vims-dev and abmusu-dev beside the repository)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--grid", choices=list(GRIDS), default="weights", help="which settings to vary (default: weights)")
    args = parser.parse_args(argv)
    paths = args.data or [str(DATA / "vims-dev"), str(DATA / "abmusu-dev" / "train.jsonl")]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"tune_centroid: error: corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    grid = GRIDS[args.grid]
    with multiprocessing.get_context("spawn").Pool(max(1, args.jobs)) as pool:
        grids = dict(pool.map(functools.partial(corpus_grid, grid), paths))
    shipped = tuple(grid[k].index(getattr(Centroid(), k)) for k in grid)
    chosen = {p: np.unravel_index(int(np.argmax(smooth(g))), g.shape) for p, g in grids.items()}
    print("| tuned on (smoothed best cell) | " + " | ".join(f"scored on {Path(p).parent.name if Path(p).is_file() else Path(p).name}" for p in paths) + " |")
    print("|---|" + "---:|" * len(paths))
    for src, cell in [*chosen.items(), ("shipped defaults", shipped)]:
        label = src if src == "shipped defaults" else f"{Path(src).parent.name if Path(src).is_file() else Path(src).name}: {cell_name(grid, cell)}"
        print(f"| {label} | " + " | ".join(f"{grids[p][cell]:.2f}" for p in paths) + " |")
    both = smooth(np.mean(list(grids.values()), axis=0))
    best = np.unravel_index(int(np.argmax(both)), both.shape)
    raw_best = {p: np.unravel_index(int(np.argmax(g)), g.shape) for p, g in grids.items()}
    print()
    for p in paths:
        print(f"{p}: raw best {cell_name(grid, raw_best[p])} = {grids[p][raw_best[p]]:.2f}; shipped {grids[p][shipped]:.2f}")
    print(f"best smoothed mean over all corpora: {cell_name(grid, best)} (smoothed {both[best]:.2f}; shipped {both[shipped]:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
