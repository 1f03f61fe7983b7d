"""Compose: the chosen sentences as the reader gets them."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "select"))
from select_fixtures import STORM, build, find  # noqa: E402

from tomtat.compose import compose, cut_to_words
from tomtat.model import Limits


def test_sentences_come_out_whole_in_the_given_order_with_their_identity():
    rep = build(STORM)
    a, b = find(rep, "Ngành điện"), find(rep, "Sáng nay bão số 9")
    extracts, notes = compose(rep.features, [a, b], Limits(words=200))
    assert [e.sentence.key for e in extracts] == [rep.sentences[a].key, rep.sentences[b].key]
    assert [e.text for e in extracts] == [rep.sentences[a].text, rep.sentences[b].text]
    assert not any(e.cut for e in extracts) and notes == []


def test_a_single_sentence_longer_than_the_budget_is_cut_and_the_note_says_so():
    rep = build(STORM)
    i = find(rep, "Sáng nay bão số 9")
    words = int(rep.features.words[i])
    extracts, notes = compose(rep.features, [i], Limits(words=5))
    assert len(extracts) == 1 and extracts[0].cut
    assert extracts[0].text == cut_to_words(rep.sentences[i].text, 5)
    assert len(extracts[0].text.split()) == 5
    assert rep.sentences[i].text.startswith(extracts[0].text)
    assert len(notes) == 1 and "5 words" in notes[0] and f"({words} words)" in notes[0]


def test_a_later_sentence_that_does_not_fit_is_left_out_never_cut():
    rep = build(STORM)
    a, b = find(rep, "Sáng nay bão số 9"), find(rep, "Ngành điện")
    limit = int(rep.features.words[a]) + 1
    extracts, notes = compose(rep.features, [a, b], Limits(words=limit))
    assert [e.sentence.key for e in extracts] == [rep.sentences[a].key]
    assert not extracts[0].cut and notes == []


def test_without_a_word_limit_every_sentence_is_kept():
    rep = build(STORM)
    chosen = list(range(len(rep)))
    extracts, _ = compose(rep.features, chosen, Limits(sentences=3))
    assert len(extracts) == len(chosen)


def test_cut_keeps_the_first_words_as_written():
    assert cut_to_words("Bão số 9, rất mạnh, đổ bộ.", 3) == "Bão số 9,"
    assert cut_to_words("Ngắn thôi.", 5) == "Ngắn thôi."
