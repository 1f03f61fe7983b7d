"""Run a batch: stream clusters in, summarize them on an executor, append results.

The runner reads the input one line at a time, keeps at most a few tasks per worker in
flight and writes results in input order as soon as the head of the queue is ready, so
memory stays flat however long the input is, and an interrupted run has written a
prefix of the work (minus failures); a rerun skips every cluster id already in the
output. A line that cannot be read, a cluster that cannot be summarized or a repeated
cluster id is reported (file and line number, reason) and skipped, never fatal.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from tqdm import tqdm

from tomtat.batch.executors import Executor
from tomtat.batch.output import ResultFile
from tomtat.batch.report import Report
from tomtat.batch.source import check_input, count_lines, display_name, iter_lines
from tomtat.batch.tasks import Outcome, Task, run_task
from tomtat.errors import InputError, TomtatError
from tomtat.io.jsonl import load_json
from tomtat.model import Budget
from tomtat.pipeline import check_budget
from tomtat.select import get_method

IN_FLIGHT_PER_SLOT = 4


def cluster_id_of(text: str, number: int, name: str) -> tuple[str | None, str | None]:
    """(cluster id, None) of a cluster line, or (None, reason it is not one).

    The id rule matches ``tomtat.io.jsonl``: a missing id becomes ``line-N``."""
    origin = f"{name}:{number}"
    try:
        data = load_json(text, origin)
    except InputError as err:
        return None, str(err)
    if not isinstance(data, dict) or "articles" not in data:
        return None, f"{origin}: not a cluster line (expected {{\"id\", \"articles\": [...]}})"
    cid = data.get("id")
    if cid in (None, ""):
        return f"line-{number}", None
    if isinstance(cid, (dict, list)):
        return None, f"{origin}: the cluster id must be a string or a number"
    return str(cid), None


def _check_settings(found: dict[str, Any] | None, method: str, budget: Budget, output: str) -> None:
    if found is None:
        return
    wanted = {"method": method, "budget": json.loads(json.dumps(budget.to_dict()))}
    if found != wanted:
        raise InputError(
            f"{output} holds summaries made with method {found.get('method')!r} and budget {found.get('budget')}; "
            f"this run asks for {method!r} and {wanted['budget']}: use another output file or the same options"
        )


def _same_file(a: str, b: str) -> bool:
    try:
        return a != "-" and Path(a).exists() and Path(b).exists() and os.path.samefile(a, b)
    except OSError:
        return False


def validate(input_path: str, output_path: str, budget: Budget, method: str | None) -> str:
    """Check what can be checked before any worker starts; returns the method's name."""
    check_budget(budget)
    method_name = get_method(method).name
    if output_path in ("", "-"):
        raise InputError("-o/--output must name a file: tomtat batch appends to it and resumes from it")
    check_input(input_path)
    if _same_file(input_path, output_path):
        raise InputError(f"{output_path}: the output would overwrite the input")
    return method_name


def run_batch(
    input_path: str,
    output_path: str,
    budget: Budget,
    method: str | None,
    executor: Executor,
    progress: bool | None = None,
    warn: Callable[[str], None] | None = None,
    task: Callable[[Task], Outcome] = run_task,
) -> Report:
    """Summarize every cluster line of ``input_path`` into ``output_path`` (resuming).

    ``progress``: True shows a bar on stderr, None shows it only on a terminal.
    ``warn`` receives each failure as it happens (default: stderr). ``task`` is what a
    worker runs for one line (a module-level function, so that it pickles); tests pass
    a slower one to stop a run midway."""
    method_name = validate(input_path, output_path, budget, method)
    name = display_name(input_path)
    report = Report()
    start = time.perf_counter()
    with ResultFile(output_path) as out:
        _check_settings(out.settings, method_name, budget, output_path)
        report.truncated = out.truncated
        total = count_lines(input_path)
        bar = tqdm(total=total, unit="cluster", file=sys.stderr, disable=None if progress is None else not progress, dynamic_ncols=True)
        say = warn or (lambda message: bar.write(f"tomtat: warning: {message}", file=sys.stderr))
        if out.truncated:
            say(f"{output_path}: removed a partial last line left by an interrupted run")

        def fail(message: str) -> None:
            report.failures.append(message)
            say(message)
            bar.update(1)

        def finish(line: int, future: Any) -> None:
            try:
                outcome: Outcome = future.result()
            except BrokenProcessPool:
                raise TomtatError("a worker process died (out of memory?); rerun the same command to resume") from None
            except Exception as err:  # a lost remote worker costs this cluster only
                fail(f"{name}:{line}: worker failed ({type(err).__name__}: {err})")
                return
            if outcome.output is None:
                fail(outcome.error or f"{name}:{line}: failed")
                return
            out.append(outcome.output)
            report.done += 1
            report.articles += outcome.articles
            bar.update(1)

        seen: dict[str, int] = {}
        pending: deque[tuple[int, Any]] = deque()
        window = max(2, executor.slots * IN_FLIGHT_PER_SLOT)
        try:
            for line in iter_lines(input_path):
                if line.error or line.text is None:
                    fail(line.error or f"{name}:{line.number}: unreadable")
                    continue
                cid, error = cluster_id_of(line.text, line.number, name)
                if cid is None:
                    fail(error or f"{name}:{line.number}: unreadable")
                    continue
                if cid in seen:
                    report.duplicates += 1
                    fail(f"{name}:{line.number}: duplicate cluster id {cid!r} (first on line {seen[cid]}); skipped")
                    continue
                seen[cid] = line.number
                if cid in out.done:
                    report.skipped += 1
                    bar.update(1)
                    continue
                try:
                    future = executor.submit(task, Task(line.number, line.text, name, budget, method))
                except BrokenProcessPool:
                    raise TomtatError("a worker process died (out of memory?); rerun the same command to resume") from None
                pending.append((line.number, future))
                while len(pending) >= window:
                    finish(*pending.popleft())
            while pending:
                finish(*pending.popleft())
        finally:
            bar.close()
    report.seconds = time.perf_counter() - start
    return report
