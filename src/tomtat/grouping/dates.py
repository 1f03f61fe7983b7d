"""Publication times: ``published`` strings to seconds since the epoch, when they parse.

Accepted: ISO 8601 dates and date-times (``2024-05-01``, ``2024-05-01T08:30:00+07:00``)
and the Vietnamese day-first forms ``01/05/2024`` or ``1-5-2024`` with an optional
``08:30``. A time without a zone is read as Vietnam time (UTC+7): that is what
Vietnamese outlets print. Anything else is None: the article is treated as undated.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(\d{1,2})[:hg](\d{2}))?")


def parse_published(value: str | None) -> float | None:
    """``value`` as a POSIX timestamp, or None when it is missing or not a date."""
    if not value or not value.strip():
        return None
    text = value.strip()
    when: datetime | None = None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        match = _DAY_FIRST.match(text)
        if match:
            day, month, year, hour, minute = match.groups()
            try:
                when = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
            except ValueError:
                return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=VIETNAM)
    return when.timestamp()
