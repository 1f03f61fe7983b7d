"""Read what the user names on the command line into articles or clusters.

``read_inputs(paths)`` accepts folders (their ``.txt``, ``.html``/``.htm`` and
``.jsonl`` files, in name order), single files of those kinds, and ``-`` for standard
input (plain text, HTML or JSONL, recognised by content). The file stem is the article
id. Problems that lose nothing are warnings (an empty article skipped while others
remain, a file of another kind in a folder); anything else is an ``InputError``.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from tomtat.errors import InputError
from tomtat.io.decode import MAX_INPUT_BYTES, decode_bytes, read_bounded
from tomtat.io.html import article_from_html, looks_like_html
from tomtat.io.jsonl import iter_records
from tomtat.io.txt import article_from_text
from tomtat.model import Article, Cluster

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class Inputs:
    """What was read: loose articles, whole clusters, and warnings for the user."""

    articles: list[Article] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return read_bounded(handle, str(path), limit)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def _folder_files(folder: Path, warnings: list[str]) -> list[Path]:
    """The regular files of ``folder`` (hidden and backup files left out), in name
    order; anything else that is not a folder (a FIFO, a device, a socket, a broken or
    looping symlink) is named in a warning, since reading it could block or fail."""
    files = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith(".") or p.name.endswith("~"):
            continue
        try:
            mode = p.stat().st_mode
        except OSError as err:
            warnings.append(f"{p}: cannot be read ({err.strerror or err}); skipped")
            continue
        if stat.S_ISREG(mode):
            files.append(p)
        elif not stat.S_ISDIR(mode):
            warnings.append(f"{p}: not a regular file (a FIFO, device or socket); skipped")
    return files


def _add_text(inputs: Inputs, text: str, name: str, stem: str, kind: str) -> None:
    if kind == "jsonl":
        for record in iter_records(text.splitlines(), name):
            if record.error:
                raise InputError(record.error)
            if record.cluster is not None:
                inputs.clusters.append(record.cluster)
            elif record.article is not None:
                inputs.articles.append(record.article)
    elif kind == "html":
        inputs.articles.append(article_from_html(text, stem, name))
    else:
        inputs.articles.append(article_from_text(text, stem, name))


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _kind_of_stdin(text: str) -> str:
    head = text.lstrip()
    if head.startswith("{"):
        return "jsonl"
    return "html" if looks_like_html(text) else "text"


def read_inputs(paths: Sequence[str], stdin: BinaryIO | None = None, max_bytes: int = MAX_INPUT_BYTES) -> Inputs:
    """Read every path (``-`` is standard input) into an ``Inputs``; each file, device
    or standard input may hold at most ``max_bytes``."""
    if not paths:
        raise InputError("no input given (name files, folders, or - for standard input)")
    inputs = Inputs()
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            text = decode_bytes(read_bounded(stream, "<stdin>", max_bytes), "<stdin>")
            _add_text(inputs, text, "<stdin>", "stdin", _kind_of_stdin(text))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_dir():
            files = _folder_files(path, inputs.warnings)
            usable = [p for p in files if p.suffix.lower() in SUPPORTED]
            for other in files:
                if other.suffix.lower() not in SUPPORTED:
                    inputs.warnings.append(f"{other}: not a .txt, .html or .jsonl file; ignored")
            if not usable:
                raise InputError(f"{raw}: folder has no .txt, .html or .jsonl files")
            for p in usable:
                _add_text(inputs, decode_bytes(_read_bytes(p, max_bytes), str(p)), str(p), p.stem, _kind_of(p))
        else:
            _add_text(inputs, decode_bytes(_read_bytes(path, max_bytes), str(path)), str(path), path.stem, _kind_of(path))
    return inputs


def _drop_empty(articles: list[Article], warnings: list[str], what: str) -> list[Article]:
    kept = [a for a in articles if a.text.strip() or a.title.strip()]
    for a in articles:
        if not (a.text.strip() or a.title.strip()):
            warnings.append(f"{a.origin or a.id}: empty article; skipped")
    if not kept:
        raise InputError(f"{what}: every article is empty")
    return kept


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Articles from different folders may share a file stem; make ids unique."""
    seen: dict[str, int] = {}
    out = []
    for a in articles:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        if n:
            a = replace(a, id=f"{a.id}-{n + 1}")
        out.append(a)
    return out


def read_cluster(paths: Sequence[str], stdin: BinaryIO | None = None, cluster_id: str | None = None,
                 max_bytes: int = MAX_INPUT_BYTES) -> tuple[Cluster, list[str]]:
    """One cluster from the inputs: all loose articles, or the single cluster of a
    cluster JSONL. Several clusters are an error pointing at ``tomtat batch``."""
    inputs = read_inputs(paths, stdin, max_bytes)
    if inputs.clusters and inputs.articles:
        raise InputError("the input mixes whole clusters and single articles; give one or the other")
    if len(inputs.clusters) > 1:
        raise InputError(f"the input holds {len(inputs.clusters)} clusters; use 'tomtat batch' to summarize each")
    if inputs.clusters:
        c = inputs.clusters[0]
        articles = _drop_empty(list(c.articles), inputs.warnings, f"cluster {c.id!r}")
        return Cluster(cluster_id or c.id, tuple(articles)), inputs.warnings
    articles = _unique_ids(_drop_empty(inputs.articles, inputs.warnings, "input"))
    default_id = Path(paths[0]).name if len(paths) == 1 and paths[0] != "-" else "cluster"
    return Cluster(cluster_id or default_id or "cluster", tuple(articles)), inputs.warnings
