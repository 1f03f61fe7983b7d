"""Reference-event evidence: "kể từ cuộc xung đột Nga-Ukraine" says the text is from
February 2022 or later.

The events and the phrases that name them live in ``tomtat/data/reference_events.json``
(schema and sources in docs/OFFICES.md). A phrase either says the text comes after the
event began (``after_start``) or that the event is going on (``during``).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache

from tomtat.data import read_json
from tomtat.story.years import Evidence, Span, month_index

__all__ = ["ReferenceEvent", "find_references", "load_reference_events", "reference_needs"]

_DATA_FILE = "reference_events.json"


@dataclass(frozen=True, slots=True)
class ReferenceEvent:
    """A dated world event and the compiled phrases that name it, each with what it implies."""

    id: str
    name: str
    start: str
    end: str | None
    needs: tuple[str, ...]
    phrases: tuple[tuple[re.Pattern[str], str], ...]

    def span(self, implies: str) -> Span:
        if implies == "during" and self.end:
            return Span(month_index(self.start), month_index(self.end))
        return Span(month_index(self.start), None)


@cache
def load_reference_events() -> tuple[ReferenceEvent, ...]:
    """The reference events, compiled once per process from the package data."""
    return tuple(
        ReferenceEvent(
            e["id"], e["name"], e["start"], e["end"], tuple(e["needs"]),
            tuple((re.compile(p["pattern"], re.IGNORECASE), p["implies"]) for p in e["phrases"]),
        )
        for e in read_json(_DATA_FILE)["events"]
    )


def find_references(text: str, present: AbstractSet[str]) -> list[tuple[int, Evidence]]:
    """Every phrase in ``text`` (NFC) naming a reference event: where it starts, and its
    evidence. ``text`` may hold a whole article: one search per phrase, and only for the
    events whose words of :func:`reference_needs` are in ``present`` (those the
    lower-cased ``text`` contains, found by the caller in a pass it makes anyway)."""
    out = []
    for event in load_reference_events():
        if present.isdisjoint(event.needs):
            continue  # most texts name no reference event: skip its patterns
        for pattern, implies in event.phrases:
            span = event.span(implies)
            when = "during" if span.last is not None else "after the start of"
            detail = f"{when} the {event.name} ({event.start}" + (f" to {event.end})" if span.last is not None else ")")
            for m in pattern.finditer(text):
                out.append((m.start(), Evidence("reference", m.group(0), detail, (span,))))
    return out


@cache
def reference_needs() -> tuple[str, ...]:
    """Every word some reference event needs, once (events share words)."""
    return tuple(dict.fromkeys(word for event in load_reference_events() for word in event.needs))
