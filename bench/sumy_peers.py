"""sumy's extractive summarizers (LexRank, TextRank, LSA, Luhn, SumBasic) on Vietnamese.

sumy is what a Python user would reach for instead of tomtat. Its own tokenizers need
NLTK's punkt data (a download) and know no Vietnamese, so we build sumy's document
model directly from tomtat's cleaned, split sentences, with a Vietnamese word
tokenizer: syllables (the unit tomtat itself uses), or underthesea's or pyvi's word
segmentation (pyvi is not a tomtat dependency: install it to use that option).
Nothing is downloaded. Stemming is sumy's ``null_stemmer`` (lower-case only); no stop
words, as sumy ships none for Vietnamese.

We read sumy's full ranking (not only its top-N) by passing a counting callable that
records the rating order, then fill the word budget in that order, like every other
ranked system in the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from tomtat.model import Sentence
from tomtat.text.tokens import syllables

SUMMARIZERS = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "sumbasic": SumBasicSummarizer,
}


class WordTokenizer:
    """The ``to_words`` interface sumy's sentences call, over a Vietnamese word splitter."""

    def __init__(self, words: Callable[[str], list[str]] = syllables) -> None:
        self._words = words

    def to_words(self, text: str) -> list[str]:
        return self._words(text)


def underthesea_words(text: str) -> list[str]:
    """underthesea word segmentation ("Việt Nam" one word), lower-cased, punctuation dropped."""
    from underthesea import word_tokenize

    return [w.lower() for w in word_tokenize(text) if any(ch.isalnum() for ch in w)]


def pyvi_words(text: str) -> list[str]:
    """pyvi word segmentation (words joined by ``_``), lower-cased, punctuation dropped."""
    from pyvi import ViTokenizer

    return [w.lower() for w in ViTokenizer.tokenize(text).split() if any(ch.isalnum() for ch in w)]


TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "syllables": syllables,
    "underthesea": underthesea_words,
    "pyvi": pyvi_words,
}


class _Ranking:
    """A sumy "count" that keeps every sentence and remembers the rating order."""

    def __init__(self) -> None:
        self.order: list[int] = []

    def __call__(self, infos: Sequence) -> Sequence:
        self.order = [info.order for info in infos]
        return infos


def document(sentences: Sequence[Sentence], tokenizer: WordTokenizer) -> ObjectDocumentModel:
    """A sumy document of ``sentences``, one paragraph per article paragraph."""
    paragraphs: list[list[SumySentence]] = []
    last: tuple[str, int] | None = None
    for s in sentences:
        where = (s.article_id, s.paragraph)
        if where != last:
            paragraphs.append([])
            last = where
        paragraphs[-1].append(SumySentence(s.text, tokenizer, is_heading=s.heading))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def rank(name: str, sentences: Sequence[Sentence], tokenizer: WordTokenizer) -> list[Sentence]:
    """``sentences`` (headings excluded) in the order sumy's ``name`` rates them, best first."""
    content = [s for s in sentences if not s.heading]
    if not content:
        return []
    summarizer = SUMMARIZERS[name]()
    ranking = _Ranking()
    summarizer(document(sentences, tokenizer), ranking)
    return [content[i] for i in ranking.order]
