"""Side-by-side benchmark on every development corpus: tomtat's methods, the two naive
position rules, sumy's peers, the oracle and human agreement.

    PYTHONPATH=src python bench/run_quality.py --data ../shared/data/vims-dev \
        --data ../shared/data/abmusu-dev/train.jsonl [--systems ...] [--words N]

Each corpus is scored at its own mean reference length (unless ``--words`` is given).
For each system and corpus, one fresh process (so its peak memory is its own) loads the
corpus, then per cluster cleans, splits, selects and writes the output to a scratch
file, timing each cluster (wall clock and CPU time: the CPU time stays honest when
other work shares the machine); the parent then scores the summaries with syllable
ROUGE (not timed). Every system is compared with the better of the two naive rules
(first-article lead, round-robin lead) and with tomtat's default by a paired bootstrap
over clusters (95% interval of the ROUGE-2 difference). Human agreement scores each
reference against the others (corpora with several references). Prints Markdown tables
(for docs/BENCHMARKS.md) and saves the numbers, per-cluster ROUGE-2 included, as JSON
(default bench/results/quality.json, not committed).
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

from corpus_prep import corpus_name  # noqa: E402
from tomtat.errors import TomtatError  # noqa: E402
from tomtat.evaluate.bootstrap import DEFAULT_SEED, mean_interval, paired_difference  # noqa: E402
from tomtat.evaluate.dataset import EvalCluster, mean_reference_words  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.evaluate.oracle import human_agreement  # noqa: E402
from tomtat.evaluate.rouge import METRICS  # noqa: E402
from tomtat.evaluate.runner import ClusterResult, corpus_score, evaluate  # noqa: E402

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
DATA = ROOT.parent / "shared" / "data"
DEFAULT_DATA = (DATA / "vims-dev", DATA / "abmusu-dev" / "train.jsonl")
NAIVE = ("lead", "round-robin-lead")


def run_system(name: str, data: str, words: int, sumy_tokenizer: str) -> dict[str, Any]:
    """In a fresh process: summarize every cluster; texts, per-cluster times, peak memory."""
    import systems

    system = systems.make_system(name, sumy_tokenizer)
    clusters = load_dataset(data)
    texts: dict[str, str] = {}
    times: list[float] = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        for k, cluster in enumerate(clusters):
            start, start_cpu = time.perf_counter(), time.process_time()
            text, output = system(cluster, words)
            (Path(scratch) / f"{k}.json").write_text(output, encoding="utf-8")
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            texts[cluster.id] = text
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"name": name, "data": data, "texts": texts, "times": times, "cpu": cpu, "peak_mb": peak_kb / 1024}


def _run_one(job: tuple[str, str, int, str]) -> dict[str, Any]:
    return run_system(*job)


def score_system(clusters: list[EvalCluster], outcome: dict[str, Any], words: int, seed: int) -> dict[str, Any]:
    results: list[ClusterResult] = evaluate(clusters, lambda c: outcome["texts"][c.id], words=words)
    report = corpus_score(results, rng=np.random.default_rng(seed), seconds=outcome["times"])
    return {
        "system": outcome["name"],
        **report.to_dict(),
        "median_cpu_ms": float(np.median(outcome["cpu"])) * 1000,
        "peak_mb": outcome["peak_mb"],
        "per_cluster_rouge2": [r.scores["rouge2"].f for r in results],
    }


def score_humans(clusters: list[EvalCluster], seed: int) -> dict[str, Any] | None:
    """Each reference scored against the others; None when no cluster has two."""
    per = [h for h in (human_agreement(c.references) for c in clusters) if h is not None]
    if not per:
        return None
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


def add_differences(rows: list[dict[str, Any]], default: str, seed: int) -> str | None:
    """Add to each row its paired ROUGE-2 difference from the better naive rule and from
    the default; returns the name of the better naive rule (None if not run)."""
    by_name = {r["system"]: r for r in rows if "per_cluster_rouge2" in r}
    naive = [by_name[n] for n in NAIVE if n in by_name]
    better = max(naive, key=lambda r: r["rouge2_f"]["mean"]) if naive else None
    for r in by_name.values():
        for key, other in (("vs_naive", better), ("vs_default", by_name.get(default))):
            if other is not None and other is not r:
                diff = paired_difference(r["per_cluster_rouge2"], other["per_cluster_rouge2"], np.random.default_rng(seed))
                r[key] = diff.to_dict()
    return better["system"] if better else None


def _pct(d: dict[str, float] | None) -> str:
    if d is None:
        return "—"
    return f"{100 * d['mean']:+.1f} ({100 * d['low']:+.1f}…{100 * d['high']:+.1f})"


def markdown(rows: list[dict[str, Any]], naive: str | None) -> str:
    lines = [
        f"| system | R-1 F1 | R-2 F1 (95% CI) | R-L F1 | R-2 − {naive or 'naive'} (paired 95% CI) "
        "| R-2 − default (paired 95% CI) | words | median ms/cluster (CPU) | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        r2 = r["rouge2_f"]
        ms = "—" if r["median_ms"] is None else f"{r['median_ms']:.0f} ({r['median_cpu_ms']:.0f})"
        mb = "—" if r["peak_mb"] is None else f"{r['peak_mb']:.0f}"
        lines.append(
            f"| {r['system']} | {100 * r['rouge1_f']['mean']:.1f} "
            f"| {100 * r2['mean']:.1f} ({100 * r2['low']:.1f}–{100 * r2['high']:.1f}) "
            f"| {100 * r['rougeL_f']['mean']:.1f} | {_pct(r.get('vs_naive'))} | {_pct(r.get('vs_default'))} "
            f"| {r['mean_words']:.0f} | {ms} | {mb} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import systems
    from tomtat.select import DEFAULT_METHOD

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", action="append", help="a corpus (folder or JSONL; repeat for several; default: vims-dev and abmusu-dev beside the repository)")
    parser.add_argument("--words", type=int, help="budget in words for every corpus (default: each corpus's mean reference length)")
    parser.add_argument("--systems", help="comma-separated subset (default: all); see --list")
    parser.add_argument("--list", action="store_true", help="list the systems and exit")
    parser.add_argument("--sumy-tokenizer", choices=("syllables", "underthesea", "pyvi"), default="pyvi",
                        help="words sumy sees (default pyvi, as in the reference figures)")
    parser.add_argument("--jobs", type=int, default=1, help="systems run at once, one process each (default 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "quality.json"))
    args = parser.parse_args(argv)

    names = systems.system_names()
    if args.list:
        print("\n".join(names))
        return 0
    if args.systems:
        wanted = args.systems.split(",")
        unknown = [n for n in wanted if n not in names and n != "human"]
        if unknown:
            print(f"run_quality: error: unknown system(s) {', '.join(unknown)}; see --list", file=sys.stderr)
            return 2
        names = [n for n in names if n in wanted]
    corpora = [Path(p) for p in (args.data or DEFAULT_DATA)]
    loaded: dict[Path, list[EvalCluster]] = {}
    try:
        for path in corpora:
            loaded[path] = load_dataset(path)
            if not any(c.references for c in loaded[path]):
                raise TomtatError(f"{path}: no reference summaries to score against")
    except TomtatError as err:
        print(f"run_quality: error: {err}", file=sys.stderr)
        return 2

    for var in _THREAD_VARS:  # one core per cluster: no BLAS/OpenMP thread pools in the workers
        os.environ[var] = "1"
    report: dict[str, Any] = {}
    context = multiprocessing.get_context("spawn")
    for path, clusters in loaded.items():
        started = time.perf_counter()
        words = args.words or mean_reference_words(clusters)
        jobs = [(n, str(path), words, args.sumy_tokenizer) for n in names]
        with context.Pool(processes=max(1, args.jobs), maxtasksperchild=1) as pool:
            outcomes = pool.map(_run_one, jobs, chunksize=1)
        rows = [score_system(clusters, o, words, args.seed) for o in outcomes]
        naive = add_differences(rows, f"tomtat:{DEFAULT_METHOD}", args.seed)
        if not args.systems or "human" in args.systems.split(","):
            humans = score_humans(clusters, args.seed)
            if humans is not None:
                rows.append(humans)
        elapsed = time.perf_counter() - started
        name = corpus_name(path)
        meta = {"data": str(path), "clusters": len(clusters), "words": words, "sumy_tokenizer": args.sumy_tokenizer,
                "jobs": args.jobs, "seconds": elapsed, "better_naive_rule": naive}
        report[name] = {"meta": meta, "rows": rows}
        print(f"{name}: {len(clusters)} clusters, budget {words} words (mean reference length), {elapsed:.0f} s\n")
        print(markdown(rows, naive))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    partial.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
