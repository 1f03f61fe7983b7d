"""JSON: ``Summary.to_dict()`` as documented in docs/JSON_SCHEMA.md, indented by two
spaces so that a reader can follow it.

``json.dumps`` with ``indent`` runs Python's pure-Python encoder, a chain of nested
generators through which every piece of text passes once per level of nesting; a
summary's document (its articles' removals, the timeline, the actors) holds thousands
of values, and that chain cost more than selecting the summary. ``indented`` writes the
very same text in one recursive pass, strings escaped by the C function ``json.dumps``
itself uses.
"""

from __future__ import annotations

from json.encoder import encode_basestring

from tomtat.model import Summary

_INDENT = "  "
_INFINITY = float("inf")


def _scalar(value: object) -> str:
    """A value that is not a container, as ``json.dumps`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value == _INFINITY:
            return "Infinity"
        if value == -_INFINITY:
            return "-Infinity"
        return float.__repr__(value)
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _key(key: object) -> str:
    """A dictionary key as ``json.dumps`` writes it (always a string)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, (int, float)) or key is None:
        return encode_basestring(_scalar(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _write(value: object, parts: list[str], newline: str) -> None:
    """Append ``value`` to ``parts``; ``newline`` is a line break and the indentation of
    the line ``value`` starts on. Plain strings and integers, most of the values, are
    written where they stand, without a call of their own."""
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + _INDENT
        opening = "{" + inner
        for k, v in value.items():
            key = encode_basestring(k) if type(k) is str else _key(k)
            kind = type(v)
            if kind is str:
                parts.append(f"{opening}{key}: {encode_basestring(v)}")
            elif kind is int:
                parts.append(f"{opening}{key}: {int.__repr__(v)}")
            else:
                parts.append(f"{opening}{key}: ")
                _write(v, parts, inner)
            opening = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + _INDENT
        opening = "[" + inner
        for v in value:
            kind = type(v)
            if kind is str:
                parts.append(opening + encode_basestring(v))
            else:
                parts.append(opening)
                _write(v, parts, inner)
            opening = "," + inner
        parts.append(newline + "]")
    else:
        parts.append(_scalar(value))


def indented(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, faster."""
    parts: list[str] = []
    _write(value, parts, "\n")
    return "".join(parts)


def write_json(summary: Summary) -> str:
    return indented(summary.to_dict()) + "\n"
