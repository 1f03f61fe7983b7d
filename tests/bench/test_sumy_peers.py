"""sumy runs on Vietnamese through our tokenizer, needs no NLTK download, keeps identities."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("sumy")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import sumy_peers  # noqa: E402

from tomtat.model import Sentence  # noqa: E402

TEXTS = [
    ("1", "Mưa lớn kéo dài khiến nhiều tuyến phố Hà Nội ngập sâu."),
    ("1", "Công ty thoát nước vận hành các trạm bơm suốt đêm."),
    ("2", "Nhiều tuyến phố Hà Nội ngập sâu sau trận mưa lớn kéo dài."),
    ("2", "Một người dân cho biết nước vào tận nhà."),
    ("3", "Trận mưa lớn kéo dài làm nhiều tuyến phố ngập sâu."),
]


def _sentences() -> list[Sentence]:
    out, index = [], {}
    for aid, text in TEXTS:
        i = index.get(aid, 0)
        index[aid] = i + 1
        out.append(Sentence(aid, 0, i, 0, len(text), text))
    return out


@pytest.mark.parametrize("name", sorted(sumy_peers.SUMMARIZERS))
def test_every_peer_ranks_every_sentence_once(name, monkeypatch):
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("sumy tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", no_download)
    sentences = _sentences()
    ranked = sumy_peers.rank(name, sentences, sumy_peers.WordTokenizer())
    assert sorted(s.key for s in ranked) == sorted(s.key for s in sentences)


def test_headings_are_never_ranked():
    sentences = _sentences()
    heading = Sentence("1", 0, 9, 0, 9, "Tin mới", heading=True)
    ranked = sumy_peers.rank("luhn", [heading, *sentences], sumy_peers.WordTokenizer())
    assert heading not in ranked and len(ranked) == len(sentences)


def test_vietnamese_words_reach_sumy_whole():
    tok = sumy_peers.WordTokenizer()
    assert tok.to_words("Nước vào tận nhà") == ["nước", "vào", "tận", "nhà"]
