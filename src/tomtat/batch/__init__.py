"""Batch summarization of many clusters: streamed, resumable, on one machine or many.

``run_batch`` reads cluster JSONL line by line, summarizes on an executor (this
process, a local process pool, or Dask distributed) and appends one JSON line per
cluster to a file that survives ``kill -9`` and resumes where it stopped.
"""

from tomtat.batch.executors import DaskExecutor, InlineExecutor, ProcessExecutor, make_executor
from tomtat.batch.report import Report
from tomtat.batch.runner import run_batch

__all__ = ["DaskExecutor", "InlineExecutor", "ProcessExecutor", "Report", "make_executor", "run_batch"]
