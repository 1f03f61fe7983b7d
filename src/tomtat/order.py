"""Order: a reading order for the chosen sentences.

Sentences are read in the order of where they stand in their articles (relative
position, so a lead sentence of any article comes before a closing one), ties broken
by article order and then sentence index. A chosen sentence whose predecessor in the
same article is chosen too is read right after it: a run of consecutive sentences
(and a "Tuy nhiên, ..." after its antecedent) stays together. Sentence identity
decides ties, never text.

Ordering by event time needs dates per sentence; until the story stage provides
them, relative position is the best proxy (news leads report the newest event first
and background later, in every article).
"""

from __future__ import annotations

from collections.abc import Sequence

from tomtat.represent import Representation


def reading_order(rep: Representation, chosen: Sequence[int]) -> list[int]:
    """``chosen`` sorted into reading order."""
    if not chosen:
        return []
    relative = rep.relative_position

    def key(i: int) -> tuple[float, int, int]:
        return (float(relative[i]), int(rep.article[i]), rep.sentences[i].index)

    picked = set(chosen)

    def follows(i: int) -> bool:
        prev = i - 1
        return (
            prev in picked
            and rep.article[prev] == rep.article[i]
            and rep.sentences[prev].index == rep.sentences[i].index - 1
        )

    heads = sorted((i for i in picked if not follows(i)), key=key)
    order: list[int] = []
    for i in heads:
        order.append(i)
        j = i + 1
        while j in picked and follows(j):
            order.append(j)
            j += 1
    return order
