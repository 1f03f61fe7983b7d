"""Fixtures for the fetcher tests: a local site on 127.0.0.1 and fast polite settings.

``fixture_site`` (the server and the invented feeds and pages) is a plain module beside
this file, also used by ``bench/fetch_local.py``; its folder is put on ``sys.path`` here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fixture_site import Site  # noqa: E402

from tomtat.fetch.settings import FetchSettings  # noqa: E402


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


@pytest.fixture
def fast() -> FetchSettings:
    """Small waits so the tests stay fast; the behaviour is the same as the defaults'."""
    return FetchSettings(delay=0.0, connect_timeout=1.0, read_timeout=0.5, retries=2, backoff=0.01, max_redirects=4)
