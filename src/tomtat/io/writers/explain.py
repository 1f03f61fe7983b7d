"""``tomtat clean --explain``: what the cleaner removed from each article, and why.

One block per article; one line per removal: the line it came from (1-based, counted
in the article text as read), the rule that removed it, and the removed text. On a
terminal the rule names and line numbers are coloured (never in files or pipes, and
never when ``NO_COLOR`` is set, see https://no-color.org).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from tomtat.model import CleanArticle

_DIM, _REASON, _TITLE, _RESET = "\033[2m", "\033[33m", "\033[1m", "\033[0m"


def use_color(stream: TextIO) -> bool:
    """Colour only for a terminal, and only if the user has not asked for none."""
    return hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")


def render_explain(articles: Sequence[CleanArticle], color: bool = False, width: int = 120) -> str:
    """The removal report for ``articles`` as text (ANSI colours if ``color``)."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    totals: Counter[str] = Counter()
    for a in articles:
        head = f"=== {a.id}: {a.title}" if a.title else f"=== {a.id}"
        kept = len(a.paragraphs)
        out.append(paint(_TITLE, head) + f"  ({kept} paragraph{'s' if kept != 1 else ''} kept, {len(a.removed)} removed)")
        for r in a.removed:
            where = f"line {r.line + 1}" if r.line is not None else "line ?"
            text = r.text if len(r.text) <= width else r.text[: width - 1] + "…"
            out.append(f"  {paint(_DIM, f'{where:>9s}')}  {paint(_REASON, f'[{r.reason}]')} {text}")
            totals[r.reason] += 1
        if not a.removed:
            out.append("  nothing removed")
        out.append("")
    if totals:
        summary = ", ".join(f"{reason} {n}" for reason, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(f"removed {sum(totals.values())}: {summary}")
    else:
        out.append("removed nothing")
    return "\n".join(out) + "\n"
