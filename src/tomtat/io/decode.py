"""Turn the bytes of a file into text, or say clearly why not.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM. Anything else (Latin-1, UTF-16
without BOM, binary files) is an error naming the file, because guessing an encoding
silently corrupts Vietnamese diacritics.
"""

from __future__ import annotations

import codecs
import re

from tomtat.errors import InputError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (a code point no UTF-8 output can hold:
    JSON's ``"\\ud800"`` escape makes one) replaced by U+FFFD, the replacement character."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


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
