"""JSON: ``Summary.to_dict()`` as documented in docs/JSON_SCHEMA.md."""

from __future__ import annotations

import json

from tomtat.model import Summary


def write_json(summary: Summary) -> str:
    return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
