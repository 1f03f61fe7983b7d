"""What the batch fork server loads before it forks workers: importing this module
summarizes one small built-in cluster, so the package data every worker reads on its
first cluster (the compound-word list, the actor lexicon, office holders, stopwords,
the scorer) is read once, in the fork server, and every worker starts with it.

Without it each worker paid about half a second of CPU on its first cluster, as much
as twenty clusters' work. Only immutable package data is cached (``functools.cache``
on loaders); nothing of the warm-up cluster is kept.
"""

from __future__ import annotations

from tomtat.model import Article, Budget, Cluster
from tomtat.pipeline import summarize_cluster

# A title, an office holder, a year-less date and a quote: every loader runs.
WARM_UP = Cluster(
    "warm-up",
    (
        Article(
            "1",
            "Ngoại trưởng Mỹ gặp ông Lavrov hôm 14-10",
            "Bộ trưởng Ngoại giao Mỹ John Kerry nói hôm 14/10 tại Hà Nội rằng giao thông đã được cải thiện. "
            "Ông Lavrov cho biết sáng nay hai bên đã ký thỏa thuận về hợp tác kinh tế.",
        ),
    ),
)


def warm_up() -> None:
    """Summarize :data:`WARM_UP` once with the default method (its result is dropped)."""
    summarize_cluster(WARM_UP, Budget(words=20), None)


try:
    warm_up()
except Exception:  # noqa: BLE001 - only a speed-up: a worker that starts cold still works
    pass
