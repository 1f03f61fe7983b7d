"""Selection for a cluster that tells several distinct events: every event covered,
each within its share of the one overall budget.

The selected method runs once per event (:mod:`tomtat.select.event_parts`: the
event's sentences as a cluster of their own), with ``CANDIDATE_ROOM`` times the
whole budget, which gives each event's candidates best first, already through the
shared filler (no repeats within the event, antecedents kept), and shorter
alternatives to its best sentence. Then the candidates are admitted into the one
summary in three rounds, every admission within the overall limits:

1. each event's opening: the sentence that dates the event (its anchor's, the date the
   section's heading shows) when it is one of the event's candidates, else or when it
   does not fit, its best candidate that fits, while leaving room for one sentence of
   every event still to cover, larger events first, so that every event is covered
   when the budget allows it (the larger ones when it does not). The dating sentence
   says what happened on the heading's date; the method's best may be an article's
   opening commentary or background, which reads as the event's date explained by
   nothing;
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
from tomtat.select.fill import NEAR_DUPLICATE, Gathered, Picked

# Each event's candidates are chosen with this many times the summary's word budget,
# so that a tight budget still leaves each event more than the one sentence that fits
# it alone.
CANDIDATE_ROOM = 2


def select_by_event(method: Method, rep: Representation, limits: Limits, parts: Sequence[EventPart]) -> list[int]:
    """Indices into ``rep.sentences`` of the summary of a cluster cut into ``parts``
    (one per event, in time order) by ``method``, within ``limits``."""
    wide = Limits(None if limits.words is None else CANDIDATE_ROOM * limits.words, limits.sentences)
    candidates = [[p.rows[k] for k in method.select(p.rep, wide, p.events)] for p in parts]
    words = rep.features.words
    needs = antecedents(rep)
    picked = Picked(rep)
    said = Gathered(rep.vectors.tfidf)  # the chosen sentences' entries, to compare candidates with
    spent = [0] * len(parts)  # words each event has in the summary
    counts = [0] * len(parts)  # sentences each event has in the summary

    def admit(i: int, n: int, share: Limits | None = None, room: int | None = None) -> bool:
        """Add sentence ``i`` of event ``n`` if it fits within ``room`` words (default:
        the word limit) and ``share`` (the event's part), and repeats nothing."""
        w = int(words[i])
        cap = limits.words if room is None else room
        if i in picked.taken or limits.full(len(picked.chosen)) or (cap is not None and picked.words + w > cap):
            return False
        if share is not None and (share.full(counts[n]) or (share.words is not None and spent[n] + w > share.words)):
            return False
        if i in needs and needs[i] not in picked.taken:
            return False
        said.follow(picked.chosen)
        if picked.chosen and float(max(said.cosines(i))) > NEAR_DUPLICATE:
            return False
        if picked.repeats(i):
            return False
        picked.add(i)
        spent[n] += w
        counts[n] += 1
        return True

    by_size = sorted(range(len(parts)), key=lambda n: -len(parts[n].rows))
    covered = _coverable(by_size, [[int(words[i]) for i in c] for c in candidates], limits)
    for k, n in enumerate(covered):
        # Leave room for the shortest candidate of every event still to cover.
        reserve = sum(min(int(words[i]) for i in candidates[m]) for m in covered[k + 1:])
        room = None if limits.words is None else limits.words - reserve
        for i in _opening(rep, parts[n], candidates[n]):
            if admit(i, n, room=room):
                break
    for n, part in enumerate(parts):
        for i in candidates[n]:
            admit(i, n, part.share)
    for _, n, i in sorted((k, n, i) for n, c in enumerate(candidates) for k, i in enumerate(c)):
        admit(i, n)
    if not picked.chosen and candidates[by_size[0]]:
        return [candidates[by_size[0]][0]]
    return picked.chosen


def _opening(rep: Representation, part: EventPart, candidates: Sequence[int]) -> list[int]:
    """``candidates`` (rows of ``rep``) with the sentence that dates ``part``'s event
    first, when it is one of them."""
    dated = part.event.anchor.dated_by if part.event.anchor is not None else None
    return sorted(candidates, key=lambda i: rep.sentences[i].key != dated)  # stable: the rest keep their order


def _coverable(by_size: Sequence[int], lengths: Sequence[Sequence[int]], limits: Limits) -> list[int]:
    """The events (of ``by_size``, larger first) that one sentence each can cover
    within ``limits``, taking each event whose shortest candidate (``lengths``: words
    of each event's candidates) still fits beside the larger ones'."""
    out: list[int] = []
    total = 0
    for n in by_size:
        if not lengths[n] or limits.full(len(out)):
            continue
        if limits.words is None or total + min(lengths[n]) <= limits.words:
            out.append(n)
            total += min(lengths[n])
    return out
