"""Evaluation: Vietnamese-correct ROUGE, corpus loaders, baselines and the eval runner.

``score(summary, references)`` gives ROUGE-1/2/L on syllables; ``load_dataset(path)``
reads any supported corpus layout; ``tomtat.evaluate.runner`` summarizes and scores a
whole corpus (the ``tomtat eval`` command and the benchmark in ``bench/`` use it).
"""

from tomtat.evaluate.bootstrap import Interval, mean_interval
from tomtat.evaluate.dataset import EvalCluster
from tomtat.evaluate.loaders import detect_layout, load_dataset
from tomtat.evaluate.rouge import METRICS, Score, score, tokenize

__all__ = [
    "METRICS",
    "EvalCluster",
    "Interval",
    "Score",
    "detect_layout",
    "load_dataset",
    "mean_interval",
    "score",
    "tokenize",
]
