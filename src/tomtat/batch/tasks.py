"""The unit of work a batch worker runs: one input line in, one output line out.

Workers get the raw line (cheap to ship to another process or machine) and do the
parsing and summarizing themselves, so the parent only reads, dispatches and writes.
Every failure of one cluster comes back as an ``Outcome`` with a reason: a bad cluster
never takes the run down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tomtat.errors import TomtatError
from tomtat.io.jsonl import parse_line
from tomtat.model import Budget
from tomtat.pipeline import summarize_cluster

@dataclass(frozen=True, slots=True)
class Task:
    """One cluster line to summarize, with everything a remote worker needs."""

    line: int
    text: str
    name: str
    budget: Budget
    method: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one task: the JSON line to write, or the reason it failed."""

    line: int
    cluster_id: str
    output: str | None = None
    error: str | None = None
    articles: int = 0


def run_task(task: Task) -> Outcome:
    """Summarize the cluster on ``task.line``; never raises for a bad cluster."""
    origin = f"{task.name}:{task.line}"
    record = parse_line(task.text, task.line, task.name)
    if record is None or record.error or record.cluster is None:
        reason = record.error if record and record.error else f"{origin}: not a cluster line (expected {{\"id\", \"articles\": [...]}})"
        return Outcome(task.line, "", error=reason)
    cluster = record.cluster
    try:
        summary = summarize_cluster(cluster, task.budget, task.method)
    except TomtatError as err:
        return Outcome(task.line, cluster.id, error=f"{origin}: {err}", articles=len(cluster.articles))
    except Exception as err:  # a bug must cost one cluster, not the whole night's run
        return Outcome(task.line, cluster.id, error=f"{origin}: internal error ({type(err).__name__}: {err})", articles=len(cluster.articles))
    try:
        output = json.dumps(summary.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
        output.encode("utf-8")  # what the writer does: fail here, for this cluster only
    except (ValueError, RecursionError) as err:
        return Outcome(task.line, cluster.id, error=f"{origin}: cannot write the summary ({type(err).__name__}: {err})",
                       articles=len(cluster.articles))
    return Outcome(task.line, cluster.id, output=output, articles=len(cluster.articles))
