"""Turn the bytes of a file into text, or say clearly why not.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM. Anything else (Latin-1, UTF-16
without BOM, binary files) is an error naming the file, because guessing an encoding
silently corrupts Vietnamese diacritics.
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from tomtat.errors import InputError

MAX_INPUT_BYTES = 100 * 1024 * 1024  # per file, per standard input, per JSONL line
_CHUNK = 1 << 20
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (a code point no UTF-8 output can hold:
    JSON's ``"\\ud800"`` escape makes one) replaced by U+FFFD, the replacement character."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def shown_size(limit: int) -> str:
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit} bytes"


def read_bounded(stream: BinaryIO, origin: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Everything ``stream`` holds, or an ``InputError`` as soon as it passes ``limit``
    bytes (a device such as /dev/zero, a pipe or standard input never ends otherwise)."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"{origin}: over the {shown_size(limit)} limit per input")
    return b"".join(parts)


def decode_bytes(data: bytes, origin: str) -> str:
    """The text in ``data`` (read from ``origin``), BOM removed."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{origin}: not UTF-8 or UTF-16 text (undecodable byte 0x{body[err.start]:02x} "
            f"at offset {err.start}); save it as UTF-8"
        ) from None
    if "\x00" in text or _mostly_control(text):
        raise InputError(f"{origin}: looks like a binary file, not text")
    return text


def _mostly_control(text: str, sample: int = 4096) -> bool:
    head = text[:sample]
    if not head:
        return False
    bad = sum(1 for ch in head if ord(ch) < 32 and ch not in _CONTROL_OK)
    return bad / len(head) > 0.05
