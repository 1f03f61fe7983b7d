"""``tomtat batch IN OUT --jobs 2 --words 30`` with each cluster made slower, so that
tests/batch/test_kill.py can kill the run midway (run as a script: the slow task is a
module-level function, so worker processes can load it)."""

from __future__ import annotations

import sys
import time

from tomtat.batch.executors import ProcessExecutor
from tomtat.batch.runner import run_batch
from tomtat.batch.tasks import Outcome, Task, run_task
from tomtat.model import Budget

SECONDS_PER_CLUSTER = 0.05


def slow_task(task: Task) -> Outcome:
    """``run_task`` after a pause."""
    time.sleep(SECONDS_PER_CLUSTER)
    return run_task(task)


if __name__ == "__main__":
    executor = ProcessExecutor(2)
    try:
        run_batch(sys.argv[1], sys.argv[2], Budget(words=30), None, executor, progress=False, task=slow_task)
    finally:
        executor.close()
