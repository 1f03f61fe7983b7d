"""Scale benchmark: batch throughput per executor, peak memory, and story grouping.

    PYTHONPATH=src python bench/scale.py [--data ../shared/data] [--sections throughput,memory,grouping]

- throughput: ``tomtat batch`` on the ViMs dev clusters repeated (new ids) for the local
  executor with 1 and 2 worker processes and Dask (a LocalCluster) with 1 and 2
  workers: clusters/s and articles/s, CPU per cluster of the batch process and its
  workers (meaningful on a loaded machine, where rates are not), and whether every
  executor wrote the same bytes;
- memory: peak resident memory of the batch process (and of its whole process tree)
  at 1k and 10k clusters: flat memory means the parent's peak does not grow with input;
- ceiling: clusters/s the batch process itself can dispatch and write (workers free);
- grouping: ``tomtat cluster`` on all dev articles shuffled together (fixed seed):
  adjusted Rand index against the true clusters, and articles/s.

Inputs are synthesized in a temporary folder at run time; nothing from the data folder
is written into the repository. Numbers go to docs/BENCHMARKS.md ("Scale").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def read_dev(data: Path) -> list[dict]:
    """ViMs dev clusters as cluster dicts: ``{"id", "articles": [...]}``."""
    root = data / "vims-dev" / "data"
    if not root.is_dir():
        sys.exit(f"bench: {root} not found; pass --data")
    clusters = []
    for folder in sorted(root.iterdir()):
        articles = []
        for path in sorted(folder.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0):
            lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
            articles.append({"id": path.stem, "title": lines[0].strip(), "text": "\n".join(lines[1:])})
        clusters.append({"id": folder.name, "articles": articles})
    return clusters


def synthesize(clusters: list[dict], n: int, path: Path) -> int:
    """Write ``n`` clusters (dev clusters repeated with new ids); returns the article count."""
    articles = 0
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            base = clusters[i % len(clusters)]
            handle.write(json.dumps({"id": f"{base['id']}-r{i // len(clusters)}", "articles": base["articles"]}, ensure_ascii=False) + "\n")
            articles += len(base["articles"])
    return articles


def run_batch(args: list[str], watch_memory: bool = False) -> dict:
    """Run ``tomtat batch`` in a subprocess: wall time, its report, peak memory (MB), and
    the CPU seconds of the batch process and of the rest of its process tree (fork
    server and workers), sampled every 50 ms while each is alive (the last 50 ms of a
    process may be missed). CPU per cluster is what a loaded machine can still measure:
    an idle machine with C cores sustains at most C / (CPU per cluster) clusters/s. It
    includes every process's start-up (imports, the fork server's warm-up), so compare
    runs of the same length, long enough for start-up to be a small share."""
    import psutil  # comes with dask distributed (the 'scale' extra)

    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tomtat", "batch", *args, "--no-progress"], env=env, stderr=subprocess.PIPE, text=True)
    peak_parent = peak_tree = 0.0
    cpu: dict[int, float] = {}
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            family = [parent, *parent.children(recursive=True)]
        except psutil.Error:
            break
        rss: dict[int, int] = {}
        for member in family:
            try:
                times, rss[member.pid] = member.cpu_times(), member.memory_info().rss
            except psutil.Error:
                continue
            cpu[member.pid] = times.user + times.system
        if watch_memory:
            peak_parent, peak_tree = max(peak_parent, rss.get(proc.pid, 0)), max(peak_tree, sum(rss.values()))
        time.sleep(0.05)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: batch failed ({proc.returncode}):\n{err}")
    match = re.search(r"batch: (\d+) done \(([\d.]+) clusters/s, (\d+) articles\)", err)
    done, rate, articles = int(match.group(1)), float(match.group(2)), int(match.group(3))
    own = cpu.get(proc.pid, 0.0)
    rest = sum(v for pid, v in cpu.items() if pid != proc.pid)
    return {
        "done": done, "clusters_per_s": rate, "articles_per_s": rate * articles / max(done, 1), "wall_s": wall,
        "peak_parent_mb": peak_parent / 2**20, "peak_tree_mb": peak_tree / 2**20,
        "cpu_s_batch": own, "cpu_s_workers": rest, "cpu_ms_per_cluster": 1000 * (own + rest) / max(done, 1),
    }


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def throughput(clusters: list[dict], tmp: Path, n: int) -> list[dict]:
    src = tmp / f"throughput-{n}.jsonl"
    synthesize(clusters, n, src)
    rows = []
    for executor, jobs in [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]:
        out = tmp / f"out-{executor}-{jobs}.jsonl"
        result = run_batch([str(src), "-o", str(out), "--executor", executor, "--jobs", str(jobs)])
        result.update(executor=executor, jobs=jobs, clusters=n, sha256=digest(out))
        rows.append(result)
        print(json.dumps(result), flush=True)
    return rows


def memory(clusters: list[dict], tmp: Path, sizes: list[int], jobs: int, method: str) -> list[dict]:
    rows = []
    for n in sizes:
        src, out = tmp / f"memory-{n}.jsonl", tmp / f"memory-{n}.out.jsonl"
        synthesize(clusters, n, src)
        result = run_batch([str(src), "-o", str(out), "--jobs", str(jobs), "--method", method], watch_memory=True)
        result.update(clusters=n, jobs=jobs, method=method, input_mb=src.stat().st_size / 2**20)
        rows.append(result)
        print(json.dumps(result), flush=True)
        src.unlink()
        out.unlink()
    return rows


def ceiling(clusters: list[dict], tmp: Path, n: int) -> dict:
    """How many clusters/s the batch process itself can dispatch and write when workers
    cost nothing: reading, finding each id, shipping the line, writing a summary-sized
    result. Workers beyond ceiling / (one worker's rate) cannot speed a run up."""
    sys.path.insert(0, str(REPO / "src"))
    from concurrent.futures import Future

    from tomtat.batch import run_batch
    from tomtat.batch.tasks import Outcome
    from tomtat.model import Budget

    src, out = tmp / "ceiling.jsonl", tmp / "ceiling.out.jsonl"
    synthesize(clusters, n, src)
    filler = "x" * 8000  # about the size of a summary line

    class Instant:
        slots = 8

        def submit(self, fn, task):
            future: Future = Future()
            cid = f"line-{task.line}"
            future.set_result(Outcome(task.line, cid, output=json.dumps({"id": cid, "summary": filler}) + "\n", articles=1))
            return future

        def close(self) -> None:
            pass

    report = run_batch(str(src), str(out), Budget(), None, Instant(), progress=False)
    result = {"clusters": n, "dispatch_clusters_per_s": report.done / report.seconds, "input_mb": src.stat().st_size / 2**20}
    print(json.dumps(result), flush=True)
    return result


def adjusted_rand_index(truth: list[str], predicted: list[str]) -> float:
    """ARI (Hubert and Arabie) from the contingency table of two labelings."""
    pairs = Counter(zip(truth, predicted))
    sum_cells = sum(comb(c, 2) for c in pairs.values())
    sum_truth = sum(comb(c, 2) for c in Counter(truth).values())
    sum_pred = sum(comb(c, 2) for c in Counter(predicted).values())
    expected = sum_truth * sum_pred / comb(len(truth), 2)
    maximum = (sum_truth + sum_pred) / 2
    return 1.0 if maximum == expected else (sum_cells - expected) / (maximum - expected)


def _rewrite(article: dict, copy: int, rng: random.Random) -> dict:
    """Copy ``copy`` of an article: a random 60% of its lines (copy 0 is the original),
    so copies are the same story without being near-duplicates."""
    if copy == 0:
        return article
    lines = article["text"].split("\n")
    kept = [line for line in lines if rng.random() < 0.6] or lines[:1]
    return {"id": f"{article['id']}-v{copy}", "title": article["title"], "text": "\n".join(kept)}


def grouping(clusters: list[dict], tmp: Path, seed: int, repeat: int = 1) -> dict:
    sys.path.insert(0, str(REPO / "src"))
    from tomtat.grouping import group_articles
    from tomtat.model import Article

    rng = random.Random(seed)
    rows = [(c["id"], _rewrite(a, k, rng)) for k in range(repeat) for c in clusters for a in c["articles"]]
    rng.shuffle(rows)
    articles = [Article(id=f"{cid}/{a['id']}", title=a["title"], text=a["text"]) for cid, a in rows]
    truth = [cid for cid, _ in rows]
    group_articles(articles[:50])  # warm up imports and package data
    start = time.perf_counter()
    stories = group_articles(articles)
    seconds = time.perf_counter() - start
    story_of = {a.id: s.id for s in stories for a in s.articles}
    predicted = [story_of[a.id] for a in articles]
    result = {
        "articles": len(articles),
        "true_clusters": len(clusters),
        "stories": len(stories),
        "near_duplicate_groups": sum(len(s.duplicates) for s in stories),
        "ari": adjusted_rand_index(truth, predicted),
        "seconds": seconds,
        "articles_per_s": len(articles) / seconds,
        "seed": seed,
        "repeat": repeat,
    }
    print(json.dumps(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--sections", default="grouping,throughput,ceiling,memory")
    parser.add_argument("--throughput-clusters", type=int, default=300)
    parser.add_argument("--memory-sizes", default="1000,10000")
    parser.add_argument("--memory-jobs", type=int, default=2)
    parser.add_argument("--memory-method", default="lead", help="a cheap method keeps the 10k run short; memory is the runner's")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--grouping-repeat", default="1", help="also group k partial copies of every article (a longer stream), e.g. 1,5")
    args = parser.parse_args()
    clusters = read_dev(args.data)
    sections = set(args.sections.split(","))
    with tempfile.TemporaryDirectory(prefix="tomtat-scale-") as tmp:
        if "grouping" in sections:
            for repeat in [int(x) for x in args.grouping_repeat.split(",")]:
                grouping(clusters, Path(tmp), args.seed, repeat)
        if "throughput" in sections:
            throughput(clusters, Path(tmp), args.throughput_clusters)
        if "ceiling" in sections:
            ceiling(clusters, Path(tmp), 3000)
        if "memory" in sections:
            memory(clusters, Path(tmp), [int(x) for x in args.memory_sizes.split(",")], args.memory_jobs, args.memory_method)


if __name__ == "__main__":
    main()
