"""Selection for a cluster that tells several distinct events: every event covered,
each within its share of the one overall budget.

The selected method runs once per event (:mod:`tomtat.select.event_parts`: the
event's sentences as a cluster of their own), with the whole budget, which gives each
event's candidates best first, already through the shared filler (no repeats within
the event, antecedents kept). Then the candidates are admitted into the one summary
in three rounds, every admission within the overall limits:

1. each event's best candidate that fits, larger events first, so that every event
   is covered when the budget allows it;
2. each event's further candidates, in its order, while they fit the event's share;
3. what room is left, candidates of all events by their rank within their event.

Across events the filler's hard rules still hold: no near-duplicate (cosine above
``NEAR_DUPLICATE``, or the same text but for its numbers), and a sentence that points
back only after its antecedent.
"""

from __future__ import annotations

from collections.abc import Sequence

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.base import Method
from tomtat.select.eligibility import antecedents
from tomtat.select.event_parts import EventPart
from tomtat.select.fill import NEAR_DUPLICATE, number_blind


def select_by_event(method: Method, rep: Representation, limits: Limits, parts: Sequence[EventPart]) -> list[int]:
    """Indices into ``rep.sentences`` of the summary of a cluster cut into ``parts``
    (one per event, in time order) by ``method``, within ``limits``."""
    candidates = [[p.rows[k] for k in method.select(p.rep, limits, p.events)] for p in parts]
    words = rep.features.words
    needs = antecedents(rep)
    chosen: list[int] = []
    taken: set[int] = set()
    said: set[str] = set()  # number_blind text of the chosen sentences
    used = 0
    spent = [0] * len(parts)  # words each event has in the summary
    counts = [0] * len(parts)  # sentences each event has in the summary

    def admit(i: int, n: int, share: Limits | None = None) -> bool:
        """Add sentence ``i`` of event ``n`` if it fits (and fits ``share``, the
        event's part) and repeats nothing."""
        nonlocal used
        w = int(words[i])
        if i in taken or limits.full(len(chosen)) or (limits.words is not None and used + w > limits.words):
            return False
        if share is not None and (share.full(counts[n]) or (share.words is not None and spent[n] + w > share.words)):
            return False
        if (i in needs and needs[i] not in taken) or (chosen and float(max(rep.vectors.similarity_to(i, chosen))) > NEAR_DUPLICATE):
            return False
        shape = number_blind(rep.sentences[i].text)
        if shape in said:
            return False
        chosen.append(i)
        taken.add(i)
        said.add(shape)
        used += w
        spent[n] += w
        counts[n] += 1
        return True

    by_size = sorted(range(len(parts)), key=lambda n: -len(parts[n].rows))
    for n in by_size:
        for i in candidates[n]:
            if admit(i, n):
                break
    for n, part in enumerate(parts):
        for i in candidates[n]:
            admit(i, n, part.share)
    for _, n, i in sorted((k, n, i) for n, c in enumerate(candidates) for k, i in enumerate(c)):
        admit(i, n)
    if not chosen and candidates[by_size[0]]:
        chosen = [candidates[by_size[0]][0]]
    return chosen
