"""Package data: word lists and rules, kept as data files beside this module."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of the data file ``name`` shipped inside ``tomtat/data``."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment (``#``) lines of a data file, stripped."""
    out = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def read_json(name: str) -> Any:
    """A JSON data file, parsed once per process (the file never changes at run time)."""
    return json.loads(read_text(name))
