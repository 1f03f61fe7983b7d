"""Story store benchmark: a stream of articles into ``tomtat track``'s store.

    PYTHONPATH=src python bench/store_stream.py [--data ../shared/data] [--articles 10000]
        [--chunk 200] [--pg-url postgresql+psycopg://USER@127.0.0.1:PORT/DB | --pg] [--no-sqlite] [--profile FILE]

The stream: every article of the dev corpora (vims-dev, abmusu-dev), repeated in rounds
until there are ``--articles``; round r > 0 of an article is a new id with a random 60%
of its lines (``bench/scale.py``'s rewrite), so it is the same story but not the same
text. Each (cluster, round) is one story instance on a random day of ``--days``; its
articles are published within 36 hours of that day. Articles arrive in day order,
shuffled within each day (outlets interleaved), and are given to one
``Store.add_articles`` call as a stream (as ``tomtat track add -`` does), which stores
and groups them ``--chunk`` at a time and summarises the changed stories meanwhile
(``--per-call``: one call per chunk instead, each waiting for its summaries).

Reported (one JSON line per engine): articles/s end to end; the CPU seconds of each
process (``cpu_s``: "store" is this process, which holds the stream, stores and groups;
"worker N" the summary workers; "database server" the throwaway PostgreSQL server of
``--pg``) and the store process's CPU milliseconds per article
(what the code costs, whatever else the machine runs); the resident memory of each
process and their total after every 1,000 articles given (``rss_mb``; the stream is
made before the run, so the bench's own copy of it does not grow during it); the
adjusted Rand index of the store's stories against ``tomtat cluster``
(``group_articles``) of the same stream in arrival order and (for both) against the
story instances the stream was made of; and the latency of one new article to its
updated story in the API (``POST /v1/articles`` then ``GET /v1/stories/{id}``
in-process) with the whole stream stored. ``--profile FILE`` writes a cProfile of the
store process (CPU time) for ``python -m pstats FILE``. Inputs are made in a
temporary folder at run time; nothing from the data folder is written anywhere else.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "store"))  # throwaway_pg, the store tests' PostgreSQL server

from scale import _rewrite, adjusted_rand_index  # noqa: E402

from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.grouping import group_articles  # noqa: E402
from tomtat.model import Article  # noqa: E402
from tomtat.store import Store  # noqa: E402
from tomtat.store.queries import counts  # noqa: E402
from tomtat.store.schema import articles, membership  # noqa: E402

DAY = 86400.0
START = 1_735_689_600.0  # 2025-01-01 UTC
MARK = 1000  # resident memory is reported every MARK articles


def corpus(data: Path) -> list[tuple[str, dict]]:
    """(cluster key, article dict) for every article of the dev corpora found."""
    out = []
    for name, path in (("vims", data / "vims-dev"), ("abmusu", data / "abmusu-dev" / "train.jsonl")):
        if not path.exists():
            continue
        for cluster in load_dataset(path):
            for a in cluster.cluster.articles:
                out.append((f"{name}/{cluster.id}", {"id": f"{name}/{cluster.id}/{a.id}", "title": a.title, "text": a.text}))
    if not out:
        sys.exit(f"bench: no corpus under {data}; pass --data")
    return out


def make_stream(base: list[tuple[str, dict]], n: int, days: int, seed: int) -> tuple[list[Article], list[str]]:
    """``n`` articles (see the module docstring) in arrival order, and each one's story instance."""
    rng = random.Random(seed)
    rows: list[tuple[float, float, str, Article]] = []
    day_of: dict[str, int] = {}
    copy = 0
    while len(rows) < n:
        for key, article in base:
            if len(rows) >= n:
                break
            instance = f"{key}#{copy}"
            day = day_of.setdefault(instance, rng.randrange(days))
            when = START + day * DAY + rng.uniform(0, 1.5 * DAY)
            text = _rewrite(article, copy, rng)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(when))
            rows.append((day + (when - START - day * DAY) // DAY, rng.random(), instance,
                         Article(id=f"{text['id']}#{copy}", title=text["title"], text=text["text"], published=stamp, source=key.split("/")[0])))
        copy += 1
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r[3] for r in rows], [r[2] for r in rows]


def _processes() -> dict[str, psutil.Process]:
    """This process ("store": the bench's own stream and the ``Store``, which stores and
    groups) and each child by role: the summary workers ("worker 1", "worker 2", ... in
    pid order) and multiprocessing's resource tracker."""
    me = psutil.Process()
    out = {"store": me}
    workers = 0
    for child in sorted(me.children(recursive=True), key=lambda c: c.pid):
        try:
            tracker = "resource_tracker" in " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
        if tracker:
            out["resource tracker"] = child
        else:
            workers += 1
            out[f"worker {workers}"] = child
    return out


def rss_mb() -> dict[str, float]:
    """Resident memory (MB) of each process (see ``_processes``) and their total: a
    process that grows shows whatever the others do."""
    out = {}
    for name, proc in _processes().items():
        try:
            out[name] = proc.memory_info().rss / 2**20
        except psutil.NoSuchProcess:
            pass
    out["total"] = sum(out.values())
    return out


def cpu_seconds() -> dict[str, float]:
    """CPU time (user + system) used so far by each process (see ``_processes``): on a
    shared machine, wall time says more about the other loads than about this code."""
    out = {}
    for name, proc in _processes().items():
        try:
            out[name] = sum(proc.cpu_times()[:2])
        except psutil.NoSuchProcess:
            pass
    return out


def fresh(article: Article) -> Article:
    """A copy with new strings, as a reader hands over: binding a string to SQLite keeps
    its UTF-8 form on the string (about 2.5 KB an article), and the stream the bench holds
    would grow by that as it is stored, which is the bench's memory, not the store's."""
    return dataclasses.replace(article, title=article.title.encode().decode(), text=article.text.encode().decode())


def server_cpu(data: Path | None) -> float:
    """CPU seconds used so far by a local PostgreSQL server (its postmaster, the backends
    it has reaped and those alive) whose data folder is ``data``; 0 without one."""
    if data is None:
        return 0.0
    try:
        main = psutil.Process(int((data / "postmaster.pid").read_text().split()[0]))
        times = main.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for child in main.children():
            total += sum(child.cpu_times()[:2])
        return total
    except (OSError, psutil.Error):
        return 0.0


def run(url: str, stream: list[Article], chunk: int, engine: str, batch_labels: list[str] | None, workers: int, instances: list[str], per_call: bool, profile: Path | None = None, server: Path | None = None) -> dict:
    profiler = cProfile.Profile(time.process_time) if profile else None
    with Store(url, workers=workers) as store:
        memory: dict[str, dict[str, float]] = {}
        marks = iter([*range(MARK, len(stream), MARK), len(stream)])
        mark = next(marks)

        def measure(given: int) -> None:
            """RSS at each ``MARK`` articles given, once the passes holding them are done."""
            nonlocal mark
            while given >= mark:
                memory[str(mark)] = rss_mb()
                mark = next(marks, len(stream) + 1)

        def arriving() -> Iterator[Article]:
            for i, article in enumerate(stream):
                if i % chunk == 0:  # asked for the next pass: the passes before are done
                    measure(i)
                yield fresh(article)

        start, cpu, served = time.perf_counter(), cpu_seconds(), server_cpu(server)
        if profiler:
            profiler.enable()
        if per_call:
            for i in range(0, len(stream), chunk):
                store.add_articles([fresh(a) for a in stream[i : i + chunk]])
                measure(i + chunk)
        else:
            store.add_articles(arriving(), pass_size=chunk)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
        used = {k: v - cpu.get(k, 0.0) for k, v in cpu_seconds().items()}
        if server is not None:
            used["database server"] = server_cpu(server) - served
        measure(len(stream))
        if profiler:
            profiler.dump_stats(profile)
        with store.engines.read.connect() as conn:
            stored = counts(conn)
            story_of = dict(conn.execute(sa.select(articles.c.name, membership.c.story_id).join(membership, membership.c.article_id == articles.c.id)).all())
    result = {
        "engine": engine, "articles": len(stream), "chunk": chunk, "workers": workers, "calls": "per chunk" if per_call else "one stream", "seconds": round(seconds, 1),
        "articles_per_s": round(len(stream) / seconds, 1), "cpu_s": {k: round(v, 1) for k, v in used.items()},
        "store_cpu_ms_per_article": round(1000 * used["store"] / len(stream), 2), "articles_per_cpu_s": round(len(stream) / sum(used.values()), 1),
        "rss_mb": {at: {k: round(v) for k, v in per.items()} for at, per in memory.items()}, **stored,
    }
    names = [a.id for a in stream if a.id in story_of]
    if batch_labels is not None:
        batch = dict(zip([a.id for a in stream], batch_labels))
        result["ari_vs_batch_cluster"] = round(adjusted_rand_index([batch[n] for n in names], [str(story_of[n]) for n in names]), 4)
        result["compared"] = len(names)
    instance_of = dict(zip([a.id for a in stream], instances))
    result["ari_vs_instances"] = round(adjusted_rand_index([instance_of[n] for n in names], [str(story_of[n]) for n in names]), 4)
    return result


def latency(url: str, stream: list[Article], rng: random.Random, tries: int = 5) -> dict:
    """POST one new article (a fresh rewrite of a stored one, same date) and GET its story."""
    from fastapi.testclient import TestClient

    from tomtat.server import ServerConfig, create_app

    timings = []
    with TestClient(create_app(ServerConfig(db=url))) as client:
        for k in range(tries):
            source = rng.choice(stream)
            text = _rewrite({"id": source.id, "title": source.title, "text": source.text}, 99 + k, rng)
            body = {"articles": [{"id": f"late-{k}", "title": text["title"], "text": text["text"] + f" Tin cập nhật {k}.", "published": source.published}]}
            start = time.perf_counter()
            answer = client.post("/v1/articles", json=body).json()
            story = answer["stories_updated"][0] if answer["stories_updated"] else None
            if story is not None:
                client.get(f"/v1/stories/{story}").raise_for_status()
            timings.append(time.perf_counter() - start)
    timings.sort()
    return {"latency_s_median": round(timings[len(timings) // 2], 3), "latency_s_max": round(timings[-1], 3), "tries": tries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=200)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="processes summarising changed stories (default 2)")
    parser.add_argument("--pg-url", help="also run on this (empty) PostgreSQL database")
    parser.add_argument("--pg", action="store_true", help="also run on PostgreSQL: a throwaway server as the store tests start (initdb + pg_ctl, 127.0.0.1, fsync off)")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    parser.add_argument("--no-ari", action="store_true", help="skip the batch grouping to compare with")
    parser.add_argument("--profile", type=Path, help="write a cProfile (CPU time) of the store process's run to this file (pstats)")
    parser.add_argument("--per-call", action="store_true", help="one add_articles call per chunk (each waits for its summaries) instead of one call over the stream")
    args = parser.parse_args()
    stream, instances = make_stream(corpus(args.data), args.articles, args.days, args.seed)
    labels = None
    if not args.no_ari:
        start = time.perf_counter()
        groups = group_articles(stream)
        label_of = {a.id: g.id for g in groups for a in g.articles}
        labels = [label_of[a.id] for a in stream]
        seconds = round(time.perf_counter() - start, 1)
        batch_ari = round(adjusted_rand_index(instances, labels), 4)
        print(json.dumps({"batch_cluster_seconds": seconds, "batch_stories": len(groups), "batch_ari_vs_instances": batch_ari}), flush=True)
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'store.db'}"
            result = run(url, stream, args.chunk, "sqlite", labels, args.workers, instances, args.per_call, args.profile)
            result.update(latency(url, stream, random.Random(args.seed)))
            print(json.dumps(result), flush=True)
    if args.pg_url:
        result = run(args.pg_url, stream, args.chunk, "postgresql", labels, args.workers, instances, args.per_call)
        result.update(latency(args.pg_url, stream, random.Random(args.seed)))
        print(json.dumps(result), flush=True)
    if args.pg:
        from throwaway_pg import throwaway_server

        with throwaway_server() as server:
            url = server.url("bench")
            result = run(url, stream, args.chunk, "postgresql (throwaway server)", labels, args.workers, instances, args.per_call, server=server.data)
            result.update(latency(url, stream, random.Random(args.seed)))
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
