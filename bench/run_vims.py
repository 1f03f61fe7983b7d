"""Side-by-side benchmark on ViMs: tomtat's methods, baselines, sumy's peers, the oracle.

    PYTHONPATH=src python bench/run_vims.py [--data ../shared/data/vims-dev] [--words 230]

For each system, one fresh process (so its peak memory is its own) reads every cluster
from disk, cleans, splits, selects and writes the output to a scratch file, timing each
cluster end to end on one core (wall clock and CPU time: the CPU time stays honest
when other work shares the machine); the parent then scores the summaries with syllable
ROUGE (not timed). Human agreement scores each reference against the others. Prints a
Markdown table (for docs/BENCHMARKS.md) and saves the numbers as JSON under
bench/results/ (not committed).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from tomtat.evaluate.bootstrap import DEFAULT_SEED  # noqa: E402
from tomtat.evaluate.loaders import vims  # noqa: E402
from tomtat.evaluate.oracle import human_agreement  # noqa: E402
from tomtat.evaluate.rouge import METRICS  # noqa: E402
from tomtat.evaluate.runner import ClusterResult, corpus_score, evaluate  # noqa: E402

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "vims-dev"


def run_system(name: str, data: str, words: int, sumy_tokenizer: str) -> dict[str, Any]:
    """In a fresh process: summarize every cluster end to end; texts, times, peak memory."""
    import systems

    system = systems.make_system(name, sumy_tokenizer)
    root = Path(data)
    texts: dict[str, str] = {}
    times: list[float] = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        for folder in vims.cluster_folders(root):
            start, start_cpu = time.perf_counter(), time.process_time()
            cluster = vims.load_cluster(folder, root / "summary")
            text, output = system(cluster, words)
            (Path(scratch) / f"{cluster.id}.json").write_text(output, encoding="utf-8")
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            texts[cluster.id] = text
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"name": name, "texts": texts, "times": times, "cpu": cpu, "peak_mb": peak_kb / 1024}


def _run_one(job: tuple[str, str, int, str]) -> dict[str, Any]:
    return run_system(*job)


def score_system(clusters: list, outcome: dict[str, Any], words: int, seed: int) -> dict[str, Any]:
    results: list[ClusterResult] = evaluate(clusters, lambda c: outcome["texts"][c.id], words=words)
    report = corpus_score(results, rng=np.random.default_rng(seed), seconds=outcome["times"])
    return {
        "system": outcome["name"],
        **report.to_dict(),
        "median_cpu_ms": float(np.median(outcome["cpu"])) * 1000,
        "peak_mb": outcome["peak_mb"],
    }


def score_humans(clusters: list, seed: int) -> dict[str, Any]:
    from tomtat.evaluate.bootstrap import mean_interval

    per = [h for h in (human_agreement(c.references) for c in clusters) if h is not None]
    rng = np.random.default_rng(seed)
    words = [len(r.split()) for c in clusters for r in c.references]
    return {
        "system": "human agreement",
        "clusters": len(per),
        **{f"{m}_f": mean_interval([h[m].f for h in per], rng=rng).to_dict() for m in METRICS},
        "mean_words": float(np.mean(words)),
        "clusters_per_second": None,
        "median_ms": None,
        "median_cpu_ms": None,
        "peak_mb": None,
    }


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| system | R-1 F1 | R-2 F1 (95% CI) | R-L F1 | words | median ms/cluster (CPU) | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        r2 = r["rouge2_f"]
        ms = "—" if r["median_ms"] is None else f"{r['median_ms']:.0f} ({r['median_cpu_ms']:.0f})"
        mb = "—" if r["peak_mb"] is None else f"{r['peak_mb']:.0f}"
        lines.append(
            f"| {r['system']} | {100 * r['rouge1_f']['mean']:.1f} "
            f"| {100 * r2['mean']:.1f} ({100 * r2['low']:.1f}–{100 * r2['high']:.1f}) "
            f"| {100 * r['rougeL_f']['mean']:.1f} | {r['mean_words']:.0f} | {ms} | {mb} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import systems

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="ViMs root (data/ and summary/)")
    parser.add_argument("--words", type=int, default=230, help="budget in words (default 230)")
    parser.add_argument("--systems", help="comma-separated subset (default: all); see --list")
    parser.add_argument("--list", action="store_true", help="list the systems and exit")
    parser.add_argument("--sumy-tokenizer", choices=("syllables", "underthesea", "pyvi"), default="pyvi",
                        help="words sumy sees (default pyvi, as in the reference figures)")
    parser.add_argument("--jobs", type=int, default=1, help="systems run at once, one process each (default 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "vims-dev.json"))
    args = parser.parse_args(argv)

    names = systems.system_names()
    if args.list:
        print("\n".join(names))
        return 0
    if args.systems:
        wanted = args.systems.split(",")
        unknown = [n for n in wanted if n not in names and n != "human"]
        if unknown:
            print(f"run_vims: error: unknown system(s) {', '.join(unknown)}; see --list", file=sys.stderr)
            return 2
        names = [n for n in names if n in wanted]
    data = Path(args.data)
    if not vims.matches(data):
        print(f"run_vims: error: {data} is not a ViMs folder (data/ and summary/)", file=sys.stderr)
        return 2
    clusters = vims.load(data)

    started = time.perf_counter()
    for var in _THREAD_VARS:  # one core per cluster: no BLAS/OpenMP thread pools in the workers
        os.environ[var] = "1"
    jobs = [(n, str(data), args.words, args.sumy_tokenizer) for n in names]
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=max(1, args.jobs), maxtasksperchild=1) as pool:
        outcomes = pool.map(_run_one, jobs, chunksize=1)
    rows = [score_system(clusters, o, args.words, args.seed) for o in outcomes]
    if not args.systems or "human" in args.systems.split(","):
        rows.append(score_humans(clusters, args.seed))
    elapsed = time.perf_counter() - started

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "data": str(data),
        "clusters": len(clusters),
        "words": args.words,
        "sumy_tokenizer": args.sumy_tokenizer,
        "jobs": args.jobs,
        "seconds": elapsed,
    }
    out.write_text(json.dumps({"meta": meta, "rows": rows}, ensure_ascii=False, indent=2), encoding="utf-8")
    print(
        f"ViMs {data.name}: {len(clusters)} clusters, budget {args.words} words, "
        f"sumy tokenizer {args.sumy_tokenizer}, {elapsed:.0f} s\n"
    )
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
