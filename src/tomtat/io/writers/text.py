"""Plain text: the summary with [n] source markers, then the numbered sources."""

from __future__ import annotations

from tomtat.io.writers.markers import article_label, marker_numbers
from tomtat.model import Summary


def write_text(summary: Summary) -> str:
    numbers = marker_numbers(summary)
    body = " ".join(
        f"{e.text}{'…' if e.cut else ''} [{numbers[e.sentence.article_id]}]" for e in summary.extracts
    )
    used = {e.sentence.article_id for e in summary.extracts}
    lines = [body, "", "Nguồn / Sources:"]
    for a in summary.articles:
        flag = "" if a.id in used else "  (not quoted)"
        lines.append(f"[{numbers[a.id]}] {article_label(a)} ({a.id}){flag}")
    return "\n".join(lines) + "\n"
