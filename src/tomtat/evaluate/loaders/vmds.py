"""VietnameseMDS (KTLAB, 200 clusters) layout: one folder per cluster.

``cluster_N/`` holds, per article, ``<doc>.body.txt`` (the text, no title, sometimes one
long line) and ``<doc>.info.txt`` (lines such as ``TITLE: ...`` with ``_`` joining the
syllables of a word, and ``TIME: dd/mm/yyyy hh:mm``), plus the references
``cluster_N.ref1.txt``, ``cluster_N.ref2.txt``. Word-segmented copies (``*.tok.txt``) and
system outputs (``*.sum.txt``) are skipped. Articles are ordered by document name.
"""

from __future__ import annotations

import re
from pathlib import Path

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster, is_backup, natural_key, read_text
from tomtat.model import Article, Cluster

NAME = "vmds"
BODY = ".body.txt"
_REF = re.compile(r"\.ref\d+\.txt$")
_SKIP = (".tok.txt", ".sum.txt")


def _cluster_folders(path: Path) -> list[Path]:
    return [p for p in path.iterdir() if p.is_dir() and any(f.name.endswith(BODY) for f in p.iterdir())]


def matches(path: Path) -> bool:
    """Whether ``path`` holds cluster folders of ``*.body.txt`` articles."""
    return path.is_dir() and not (path / "data").is_dir() and bool(_cluster_folders(path))


def parse_info(text: str) -> dict[str, str]:
    """``KEY: value`` lines of an ``.info.txt`` file, keys upper-cased."""
    info = {}
    for line in text.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip():
            info[key.strip().upper()] = value.strip()
    return info


def read_document(folder: Path, doc: str) -> Article:
    """One article from ``<doc>.body.txt`` and, when present, ``<doc>.info.txt``."""
    body = folder / f"{doc}{BODY}"
    info_path = folder / f"{doc}.info.txt"
    info = parse_info(read_text(info_path)) if info_path.is_file() else {}
    title = info.get("TITLE", "").replace("_", " ").strip()
    return Article(
        id=doc,
        title=title,
        text=read_text(body).strip("\n"),
        published=info.get("TIME") or None,  # dd/mm/yyyy hh:mm, read by tomtat.text.published
        source=info.get("SOURCE") or None,
        url=info.get("LINK") or info.get("URL") or None,
        origin=str(body),
    )


def load_cluster(folder: Path) -> EvalCluster:
    names = [f.name for f in folder.iterdir() if f.is_file() and not is_backup(f)]
    docs = sorted(
        (n[: -len(BODY)] for n in names if n.endswith(BODY) and not n.endswith(_SKIP)), key=natural_key
    )
    if not docs:
        raise InputError(f"{folder}: cluster folder holds no {BODY} articles")
    refs = sorted((n for n in names if _REF.search(n) and not n.endswith(_SKIP)), key=natural_key)
    references = tuple(t for t in (read_text(folder / n).strip() for n in refs) if t)
    articles = tuple(read_document(folder, d) for d in docs)
    return EvalCluster(Cluster(id=folder.name, articles=articles), references)


def load(path: Path) -> list[EvalCluster]:
    folders = sorted(_cluster_folders(path), key=lambda p: natural_key(p.name))
    return [load_cluster(f) for f in folders]
