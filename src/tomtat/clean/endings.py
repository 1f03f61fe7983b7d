"""How a line ends: with sentence punctuation, possibly behind closing quotes.

``ends_with_mark(text, ".!?")`` answers what ``regex.search(r"[.!?]+[\"'”’»)\\]]*$",
text)`` answers, without a regular expression: that search tries every position of the
line (the pattern can only match at its end), a cost paid for every line of every
article. Closing quotes and brackets are never marks, so the only candidate is the
character before the run of closers that ends the text.
"""

from __future__ import annotations

CLOSERS = "\"'”’»)]"


def ends_with_mark(text: str, marks: str) -> bool:
    """Whether ``text`` ends (as "$" means: at its end or before a final line break)
    with one of ``marks`` followed by closing quotes or brackets only.

    >>> ends_with_mark('Ông nói: "Được."', ".!?"), ends_with_mark("Tiêu đề (ảnh)", ".!?")
    (True, False)
    """
    body = text.rstrip(CLOSERS)
    if body and body[-1] in marks:
        return True
    if text.endswith("\n"):  # "$" also matches before a final line break
        body = text[:-1].rstrip(CLOSERS)
        return bool(body) and body[-1] in marks
    return False
