"""run_batch: every input line ends as one output line or one reported failure."""

from __future__ import annotations

from pathlib import Path

from tomtat.batch.executors import InlineExecutor
from tomtat.batch.runner import run_batch
from tomtat.batch.tasks import Outcome, Task, run_task
from tomtat.model import Budget


def failing_on_line_2(task: Task) -> Outcome:
    """A worker that loses the cluster on line 2 (as a crashed remote worker would)."""
    if task.line == 2:
        raise RuntimeError("worker lost")
    return run_task(task)


def test_a_lost_worker_costs_its_cluster_only_and_a_rerun_completes(kit, tmp_path: Path) -> None:
    src = kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster(f"c{i}", i) for i in range(3)])
    out = tmp_path / "out.jsonl"
    warnings: list[str] = []
    report = run_batch(str(src), str(out), Budget(words=30), None, InlineExecutor(), progress=False,
                       warn=warnings.append, task=failing_on_line_2)
    assert (report.done, report.failed) == (2, 1) and not report.ok
    assert warnings == [f"{src}:2: worker failed (RuntimeError: worker lost)"]
    assert sorted(r["id"] for r in kit.read_output(out)) == ["c0", "c2"]

    again = run_batch(str(src), str(out), Budget(words=30), None, InlineExecutor(), progress=False, warn=warnings.append)
    assert (again.done, again.skipped, again.failed) == (1, 2, 0)
    assert sorted(r["id"] for r in kit.read_output(out)) == ["c0", "c1", "c2"]
