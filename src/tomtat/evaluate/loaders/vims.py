"""ViMs layout: ``data/Cluster_NNN/*.txt`` articles, ``summary/Cluster_NNN/*.txt`` references.

Article files: line 1 is the title, the rest is the text (one sentence or paragraph per
line, often CRLF). Articles are ordered by file number ("2.txt" before "10.txt").
Reference files open with a header (the cluster name, a blank line, ``=Einleitung=``);
some also contain other ``=Section=`` lines and ``*`` bullets. The header and section
lines are dropped and bullets unmarked, so only the summary text is scored. Editor
backup files (``*~``) are ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster, is_backup, natural_key, read_text
from tomtat.model import Article, Cluster

NAME = "vims"
_SECTION = re.compile(r"^=+[^=].*=+$")
_BULLET = re.compile(r"^[*•]+\s*")


def matches(path: Path) -> bool:
    """Whether ``path`` looks like a ViMs root (``data/`` of cluster folders beside ``summary/``)."""
    data = path / "data"
    return path.is_dir() and data.is_dir() and (path / "summary").is_dir() and any(
        p.is_dir() for p in data.iterdir()
    )


def _text_files(folder: Path) -> list[Path]:
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt" and not is_backup(p)]
    return sorted(files, key=lambda p: natural_key(p.name))


def read_article(path: Path) -> Article:
    """One ViMs article file: title on line 1, text after it."""
    lines = read_text(path).split("\n")
    title = lines[0].strip()
    text = "\n".join(lines[1:]).strip("\n")
    return Article(id=path.stem, title=title, text=text, origin=str(path))


def reference_text(raw: str, cluster_name: str) -> str:
    """The summary text of one reference file, without header, section lines or bullets."""
    lines = raw.split("\n")
    if lines and lines[0].strip() == cluster_name:
        lines = lines[1:]
    out = []
    for line in lines:
        line = line.strip()
        if not line or _SECTION.match(line):
            continue
        line = _BULLET.sub("", line)
        if line:
            out.append(line)
    return "\n".join(out)


def cluster_folders(path: Path) -> list[Path]:
    """The ``data/Cluster_NNN`` folders of a ViMs root, in cluster-number order."""
    data = path / "data"
    return sorted((p for p in data.iterdir() if p.is_dir()), key=lambda p: natural_key(p.name))


def load_cluster(folder: Path, summary: Path) -> EvalCluster:
    """One cluster: the articles in ``folder``, the references in ``summary/<folder name>``."""
    files = _text_files(folder)
    if not files:
        raise InputError(f"{folder}: cluster folder holds no .txt articles")
    articles = tuple(read_article(f) for f in files)
    ref_dir = summary / folder.name
    refs: tuple[str, ...] = ()
    if ref_dir.is_dir():
        refs = tuple(t for t in (reference_text(read_text(f), folder.name) for f in _text_files(ref_dir)) if t)
    return EvalCluster(Cluster(id=folder.name, articles=articles), refs)


def load(path: Path) -> list[EvalCluster]:
    """All clusters of a ViMs root, in cluster-number order."""
    return [load_cluster(folder, path / "summary") for folder in cluster_folders(path)]
