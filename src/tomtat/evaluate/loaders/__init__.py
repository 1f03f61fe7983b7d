"""Dataset loaders, one module per corpus layout, and automatic layout detection.

Each layout module exposes ``NAME``, ``matches(path) -> bool`` and
``load(path) -> list[EvalCluster]``; ``LAYOUTS`` lists them in the order detection tries
them (most specific first).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster
from tomtat.evaluate.loaders import jsonl, vims, vlsp, vmds

LAYOUTS: dict[str, ModuleType] = {m.NAME: m for m in (vims, vmds, vlsp, jsonl)}


def detect_layout(path: Path | str) -> str:
    """The name of the layout of the corpus at ``path``; InputError if none fits."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    for name, module in LAYOUTS.items():
        if module.matches(path):
            return name
    raise InputError(
        f"{path}: not a corpus layout tomtat knows (ViMs folders, VietnameseMDS folders, "
        "VLSP AbMuSu JSONL, cluster JSONL with 'references'); see docs/BENCHMARKS.md"
    )


def load_dataset(path: Path | str, layout: str | None = None) -> list[EvalCluster]:
    """Every cluster of the corpus at ``path``, its layout detected unless given."""
    path = Path(path)
    name = layout or detect_layout(path)
    if name not in LAYOUTS:
        raise InputError(f"unknown layout {name!r}; choose one of: {', '.join(LAYOUTS)}")
    if layout and not LAYOUTS[name].matches(path):
        raise InputError(f"{path}: does not look like a {name} corpus (try without --layout)")
    clusters = LAYOUTS[name].load(path)
    if not clusters:
        raise InputError(f"{path}: no clusters found")
    seen: set[str] = set()
    for c in clusters:
        if c.id in seen:
            raise InputError(f"{path}: cluster id {c.id!r} appears twice")
        seen.add(c.id)
    return clusters


__all__ = ["LAYOUTS", "detect_layout", "load_dataset"]
