"""Plain-text articles: the first non-empty line is the title, the rest the body.

Two exceptions keep data safe, each leaving the article without a title and the line
in the body:

- a first line that reads like a paragraph (ends with a full stop and is longer than
  ``TITLE_MAX_WORDS`` words) is a lead, not a title; Vietnamese headlines carry no
  final full stop and rarely run that long;
- a file with a single non-empty line is text: taken as a title, it would leave the
  article empty.
"""

from __future__ import annotations

import re

from tomtat.model import Article

TITLE_MAX_WORDS = 15
_SENTENCE_END = re.compile(r"[.…][\"'”’»)]*\s*$")


def article_from_text(text: str, article_id: str, origin: str) -> Article:
    """An ``Article`` from the text of one ``.txt`` file."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Article(id=article_id, title="", text="", origin=origin)
    head = lines[first].strip()
    body_lines = lines[first + 1 :]
    looks_like_lead = len(head.split()) > TITLE_MAX_WORDS and _SENTENCE_END.search(head)
    if looks_like_lead or not any(line.strip() for line in body_lines):
        return Article(
            id=article_id,
            title="",
            text="\n".join(lines[first:]),
            origin=origin,
            line_offset=first,
        )
    return Article(id=article_id, title=head, text="\n".join(body_lines), origin=origin, line_offset=first + 1)
