"""The document frequencies of the most recently stored articles, kept between grouping passes.

A grouping pass weighs features (IDF) among the ``RECENT`` most recently stored articles
as well as among the articles it regroups (``tomtat.store.assign``). Counting them again
for every pass read and parsed 4,000 feature blobs and sorted a million keys each time,
although a pass adds only a few hundred articles to that window and drops as many.
``RecentFrequencies`` keeps the window's frequencies and each counted article's keys, and
on every pass reads only which article ids the window holds now: the articles that
entered it are read and added, those that left it are subtracted. The result is the same
integer counts a fresh count gives, whatever happened in between (another writer's
articles, a rolled-back pass): the window is found again by id every time, and an
article's features never change once stored.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tomtat.grouping.features import ArticleFeatures
from tomtat.grouping.vectors import Frequencies
from tomtat.store.schema import articles

RECENT = 4000  # the most recently stored articles, whose document frequencies weigh a pass's features
READ_CHUNK = 500  # feature blobs read per query


def _merged(known: Frequencies, added: Sequence[np.ndarray], removed: Sequence[np.ndarray], n: int) -> Frequencies:
    """``known`` with one more article per key array of ``added`` and one fewer per
    array of ``removed`` (keys no article has any more are dropped)."""
    grams = np.concatenate([np.zeros(0, dtype=np.int64), *added, *removed])
    signs = np.concatenate([np.zeros(0, dtype=np.int64), *(np.ones(len(k), dtype=np.int64) for k in added), *(np.full(len(k), -1, dtype=np.int64) for k in removed)])
    delta_keys, inverse = np.unique(grams, return_inverse=True)
    delta = np.bincount(inverse, weights=signs, minlength=len(delta_keys)).astype(np.int64)
    at = np.searchsorted(known.keys, delta_keys)
    present = np.zeros(len(delta_keys), dtype=bool)
    inside = at < len(known.keys)
    present[inside] = known.keys[at[inside]] == delta_keys[inside]
    df = known.df.copy()  # a Frequencies handed out before stays as it was
    np.add.at(df, at[present], delta[present])
    keys = np.insert(known.keys, at[~present], delta_keys[~present])
    df = np.insert(df, at[~present], delta[~present])
    kept = df != 0
    return Frequencies(keys[kept], df[kept], n)


class RecentFrequencies:
    """The document frequencies of the ``size`` most recently stored articles (by id)
    with features, kept up to date pass after pass (one per ``Store``; the caller runs
    one pass at a time)."""

    def __init__(self, size: int = RECENT) -> None:
        self.size = size
        self._keys: dict[int, np.ndarray] = {}  # counted article -> its distinct feature keys
        self._frequencies = Frequencies.of([])

    def update(self, conn: Connection) -> tuple[Frequencies, set[int]]:
        """The frequencies of the window as ``conn`` sees it now, and the ids of the
        articles counted in them (those whose stored features are of this format)."""
        window = conn.execute(
            sa.select(articles.c.id).where(articles.c.features.is_not(None)).order_by(articles.c.id.desc()).limit(self.size)
        ).scalars().all()
        inside = set(window)
        removed = [self._keys.pop(i) for i in [i for i in self._keys if i not in inside]]
        entering = sorted(i for i in inside if i not in self._keys)
        added = []
        for start in range(0, len(entering), READ_CHUNK):
            query = sa.select(articles.c.id, articles.c.features).where(articles.c.id.in_(entering[start : start + READ_CHUNK]))
            for row in conn.execute(query):
                if row.features is not None and (found := ArticleFeatures.from_bytes(row.features)) is not None:
                    self._keys[row.id] = found.keys
                    added.append(found.keys)
        if len(added) + len(removed) >= len(self._keys):  # mostly new: counting afresh is cheaper
            self._frequencies = Frequencies.of(list(self._keys.values()))
        elif added or removed:
            self._frequencies = _merged(self._frequencies, added, removed, len(self._keys))
        return self._frequencies, set(self._keys)
