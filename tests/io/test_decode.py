"""File bytes to text: UTF-8 and UTF-16 with BOM read, anything else refused by name."""

from __future__ import annotations

import codecs

import pytest

from tomtat.errors import InputError
from tomtat.io.decode import decode_bytes

TEXT = "Việt Nam thắng 2-1\nHà Nội"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
)
def test_utf8_and_utf16_with_bom_read_the_same(data: bytes) -> None:
    assert decode_bytes(data, "a.txt") == TEXT


def test_latin1_is_refused_with_the_file_and_offset() -> None:
    with pytest.raises(InputError, match=r"a\.txt: not UTF-8 or UTF-16 text .* offset 1"):
        decode_bytes("Hà".encode("latin-1"), "a.txt")


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError, match="b.bin: looks like a binary file"):
        decode_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "b.bin")
