"""Plain text: the summary with [n] source markers, then the numbered sources."""

from __future__ import annotations

from tomtat.io.writers.markers import article_label, marker_numbers
from tomtat.io.writers.story import section_heading
from tomtat.model import Extract, Summary


def write_text(summary: Summary) -> str:
    """The summary (one paragraph, or one dated paragraph per event of a multi-event
    story, each under its date), then the sources."""
    numbers = marker_numbers(summary)

    def paragraph(extracts: tuple[Extract, ...]) -> str:
        return " ".join(f"{e.text}{'…' if e.cut else ''} [{numbers[e.sentence.article_id]}]" for e in extracts)

    sections = summary.sections
    if len(sections) > 1:
        body = "\n\n".join(f"[{section_heading(ev)}]\n{paragraph(xs)}" for ev, xs in sections)
    else:
        body = paragraph(summary.extracts)
    used = {e.sentence.article_id for e in summary.extracts}
    lines = [body, "", "Nguồn / Sources:"]
    for a in summary.articles:
        flag = "" if a.id in used else "  (not quoted)"
        lines.append(f"[{numbers[a.id]}] {article_label(a)} ({a.id}){flag}")
    return "\n".join(lines) + "\n"
