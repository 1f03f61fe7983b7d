"""JSON: ``Summary.to_dict()`` as documented in docs/JSON_SCHEMA.md, indented by two
spaces so that a reader can follow it.

Written by orjson: ``json.dumps`` with ``indent`` runs Python's pure-Python encoder, which
cost more per summary (0.7 ms on a vims-dev cluster) than selecting the summary; orjson
writes the same text (two-space indentation, ``": "`` after keys, non-ASCII as UTF-8) in
0.08 ms. A summary's document holds only strings, integers, floats, lists and
string-keyed dicts, which both encoders write alike but for a float below 1e-4 (only a
budget's ``ratio`` can be one): orjson writes ``0.00001`` and ``1.5e-7`` where
``json.dumps`` writes ``1e-05`` and ``1.5e-07``, the same numbers to a JSON reader.
"""

from __future__ import annotations

import orjson

from tomtat.model import Summary


def write_json(summary: Summary) -> str:
    return orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
