"""Load test of ``tomtat serve`` on 127.0.0.1: throughput and p50/p99 latency of
``POST /v1/summarize`` at several concurrency levels.

It starts its own server (``python -m tomtat serve`` on a free port), sends a fixed
number of requests at each level (real ViMs clusters read at run time from
``vims-dev/data`` in ``--data``, default ``../shared/data`` relative to the repository
root, cycled), checks every answer, stops the server and prints a Markdown table.
Bounded: a fixed request count per level and an overall time limit.

    PYTHONPATH=src python bench/load_server.py [--data ../shared/data]   # default levels 1, 8, 32
    PYTHONPATH=src python bench/load_server.py --workers 1 --requests 100

Exit status 1 if any request failed. Needs the ``server`` and ``server-test`` extras.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tomtat.io.readers import read_cluster  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_clusters(data: Path, limit: int) -> list[list[dict]]:
    """Up to ``limit`` clusters of ``data/vims-dev/data`` as request article lists."""
    root = data / "vims-dev" / "data"
    if not root.is_dir():
        sys.exit(f"load_server: no ViMs clusters under {root} (give --data)")
    clusters = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir())[:limit]:
        cluster, _ = read_cluster([str(folder)])
        clusters.append([{"id": a.id, "title": a.title, "text": a.text} for a in cluster.articles])
    return clusters


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cmd = [sys.executable, "-m", "tomtat", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_until_up(url: str, server: subprocess.Popen, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"load_server: the server exited: {server.stderr.read() if server.stderr else ''}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    sys.exit("load_server: the server did not come up in time")


async def run_level(url: str, bodies: list[bytes], concurrency: int, total: int) -> dict:
    """``total`` requests with ``concurrency`` in flight; latency of each, errors counted."""
    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"content-type": "application/json"}
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:

        async def worker() -> None:
            for i in counter:
                body = bodies[i % len(bodies)]
                t0 = time.perf_counter()
                try:
                    r = await client.post("/v1/summarize", content=body, headers=headers)
                    ok = r.status_code == 200 and r.json().get("sentences")
                    if not ok:
                        errors.append(f"{r.status_code}: {r.text[:200]}")
                except httpx.HTTPError as err:
                    errors.append(repr(err))
                latencies.append(time.perf_counter() - t0)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] * 1000

    return {
        "concurrency": concurrency,
        "requests": total,
        "errors": len(errors),
        "first_errors": errors[:3],
        "seconds": round(elapsed, 2),
        "throughput_rps": round(total / elapsed, 1),
        "p50_ms": round(pct(50), 1),
        "p99_ms": round(pct(99), 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="shared data folder (default ../shared/data)")
    ap.add_argument("--clusters", type=int, default=20, help="how many ViMs clusters to cycle through (default 20)")
    ap.add_argument("--levels", default="1,8,32", help="concurrency levels (default 1,8,32)")
    ap.add_argument("--requests", type=int, default=0, help="requests per level (default 40 at 1, else 10 x concurrency)")
    ap.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    ap.add_argument("--words", type=int, default=200, help="summary length asked for (default 200)")
    ap.add_argument("--time-limit", type=float, default=600, help="give up after this many seconds (default 600)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()

    clusters = load_clusters(args.data, args.clusters)
    bodies = [json.dumps({"articles": arts, "words": args.words}, ensure_ascii=False).encode() for arts in clusters]
    levels = [int(x) for x in args.levels.split(",")]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(port, args.workers)
    results = []
    try:
        wait_until_up(url, server)
        asyncio.run(asyncio.wait_for(run_level(url, bodies, 2, 2 * len(bodies)), 120))  # warm-up, not counted

        async def all_levels() -> None:
            for c in levels:
                total = args.requests or (40 if c == 1 else 10 * c)
                results.append(await run_level(url, bodies, c, total))

        asyncio.run(asyncio.wait_for(all_levels(), args.time_limit))
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    arts = sum(len(a) for a in clusters) / len(clusters)
    size = statistics.fmean(len(b) for b in bodies) / 1024
    print(f"# tomtat serve --workers {args.workers}; {len(clusters)} ViMs clusters cycled "
          f"(mean {arts:.1f} articles, {size:.0f} KB per request), words={args.words}; "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")
    print("| concurrency | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['concurrency']} | {r['requests']} | {r['errors']} | {r['throughput_rps']} | {r['p50_ms']} | {r['p99_ms']} |")
    for r in results:
        for e in r["first_errors"]:
            print(f"error at concurrency {r['concurrency']}: {e}", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"workers": args.workers, "levels": results}, indent=2) + "\n")
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
