"""VLSP 2022 AbMuSu layout: JSONL, one cluster per line.

``{"single_documents": [{"title", "anchor_text", "raw_text"}, ...], "summary", "category"}``.
``anchor_text`` is the article's lead paragraph and is put before ``raw_text``. Test
files lack ``summary``: such clusters load with no references. A cluster's id is its
``id``/``cluster_id`` field when present, otherwise ``<file stem>-<line number>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster, first_record, json_lines
from tomtat.model import Article, Cluster

NAME = "vlsp"


def matches(path: Path) -> bool:
    record = first_record(path)
    return record is not None and isinstance(record.get("single_documents"), list)


def _field(doc: dict[str, Any], key: str, where: str) -> str:
    value = doc.get(key) or ""
    if not isinstance(value, str):
        raise InputError(f"{where}: field {key!r} must be a string")
    return value.strip()


def parse_record(record: Any, where: str, default_id: str) -> EvalCluster:
    """One AbMuSu cluster line."""
    if not isinstance(record, dict) or not isinstance(record.get("single_documents"), list):
        raise InputError(f"{where}: expected an object with a 'single_documents' list")
    cluster_id = str(record.get("id") or record.get("cluster_id") or default_id)
    articles = []
    for k, doc in enumerate(record["single_documents"]):
        if not isinstance(doc, dict):
            raise InputError(f"{where}: single_documents[{k}] is not an object")
        anchor = _field(doc, "anchor_text", where)
        body = _field(doc, "raw_text", where)
        text = "\n".join(part for part in (anchor, body) if part)
        articles.append(
            Article(id=str(k + 1), title=_field(doc, "title", where), text=text, origin=f"{where}[{k}]")
        )
    if not articles:
        raise InputError(f"{where}: cluster has no documents")
    summary = record.get("summary")
    if summary is not None and not isinstance(summary, str):
        raise InputError(f"{where}: 'summary' must be a string")
    refs = (summary.strip(),) if summary and summary.strip() else ()
    return EvalCluster(Cluster(id=cluster_id, articles=tuple(articles)), refs)


def load(path: Path) -> list[EvalCluster]:
    return [parse_record(record, where, default_id) for record, where, default_id in json_lines(path)]
