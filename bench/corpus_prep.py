"""One preparation of a development corpus for the selection trials (``rank_lgbm.py``,
``selection_trials.py``, ``train_scorer.py``): each cluster cleaned, split and
represented as the pipeline does it without the story stage, with its references cut
into ROUGE tokens once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tomtat.clean import clean_cluster
from tomtat.evaluate.dataset import EvalCluster, mean_reference_words
from tomtat.evaluate.loaders import load_dataset
from tomtat.evaluate.rouge import tokenize
from tomtat.represent import Representation, represent
from tomtat.text.sentences import split_articles


@dataclass(frozen=True)
class PreparedCluster:
    """A dev cluster up to selection: ``rep`` its representation, ``refs`` its
    references as ROUGE tokens (``cluster.references`` keeps the texts)."""

    cluster: EvalCluster
    rep: Representation
    refs: list[list[str]]


def corpus_name(path: str | Path) -> str:
    """A short name for a corpus path: its folder (``abmusu-dev/train.jsonl`` -> ``abmusu-dev``)."""
    p = Path(path)
    return p.parent.name if p.is_file() else p.name


def prepare_corpus(path: str | Path) -> tuple[int, list[PreparedCluster]]:
    """The corpus's mean reference length in words (its budget) and every cluster prepared."""
    clusters = load_dataset(path)
    out = []
    for ec in clusters:
        cleaned = [a for a in clean_cluster(ec.cluster.articles) if a.text.strip()]
        out.append(PreparedCluster(ec, represent(cleaned, split_articles(cleaned)), [tokenize(r) for r in ec.references]))
    return mean_reference_words(clusters), out
