"""Feeds in, articles out: the polite fetcher behind ``tomtat track fetch`` and ``watch``.

One module per job: ``settings`` (the manners), ``pacing`` (per-host delay), ``client``
(polite GETs over httpx), ``robots`` (robots.txt), ``feeds`` (feeds files and feed
parsing), ``pages`` (page -> ``Article`` through the HTML reader), ``sink`` (the
interface the story store implements), ``article_file`` (a JSONL sink), ``state``
(validators and settled addresses), ``rounds`` (one round), ``report``, ``watch`` (the
loop) and ``config`` (the deployment file).
"""

from tomtat.fetch.client import FetchFailure, PoliteClient
from tomtat.fetch.report import RoundReport
from tomtat.fetch.rounds import Fetcher
from tomtat.fetch.settings import FetchSettings
from tomtat.fetch.sink import ArticleSink

__all__ = ["ArticleSink", "FetchFailure", "FetchSettings", "Fetcher", "PoliteClient", "RoundReport"]
