"""What ``tomtat track add`` reads: every input bounded, what cannot be read recorded."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tomtat.model import Article
from tomtat.store.articles import Unreadable
from tomtat.store.inputs import read_for_store


class _Endless(io.RawIOBase):
    """A stream that never ends, like a device or a pipe left open."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"x" * len(buffer)
        return len(buffer)


def test_standard_input_that_never_ends_is_recorded_not_read_forever() -> None:
    [item] = list(read_for_store(["-"], stdin=io.BufferedReader(_Endless()), max_bytes=4096))
    assert isinstance(item, Unreadable) and "limit" in item.error


def test_a_jsonl_file_over_the_limit_is_recorded_and_the_next_file_still_read(tmp_path: Path) -> None:
    big = tmp_path / "a_big.jsonl"
    big.write_text(json.dumps({"id": "x", "title": "T", "text": "Câu dài. " * 2000}, ensure_ascii=False) + "\n", encoding="utf-8")
    small = tmp_path / "b_small.jsonl"
    small.write_text(json.dumps({"id": "y", "title": "Tin ngắn", "text": "Một câu ngắn."}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_for_store([str(tmp_path)], max_bytes=4096))
    assert isinstance(items[0], Unreadable) and items[0].name.endswith("a_big.jsonl")
    assert isinstance(items[1], Article) and items[1].id == "y"
