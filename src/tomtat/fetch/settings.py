"""The politeness and robustness knobs of the fetcher, in one frozen object.

The defaults suit fetching a few dozen news feeds every few minutes: one request per
host every 2 s, pages up to 5 MB, three tries for server and network errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from tomtat import __version__
from tomtat.errors import InputError


def default_user_agent() -> str:
    """``tomtat/VERSION (+project page)``: names the program so site owners can see who calls."""
    return f"tomtat/{__version__} (+https://github.com/tomtat/tomtat; news summarizer feed reader)"


class SettingError(InputError):
    """A fetch setting out of range; ``setting`` names it, so a caller can name where it
    came from (a flag, a deployment file)."""

    def __init__(self, setting: str, problem: str) -> None:
        super().__init__(f"{setting} {problem}")
        self.setting = setting
        self.problem = problem


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How the fetcher behaves towards the sites it reads.

    ``delay``: seconds between two requests to one host (a robots.txt ``Crawl-delay``
    that asks for more wins); ``connect_timeout``/``read_timeout``: seconds per attempt
    (their sum also bounds a whole download, so a trickling server cannot hold a round); ``max_bytes``: pages and feeds larger
    than this are abandoned while streaming; ``retries``: extra attempts after a 5xx or a
    network error, waiting ``backoff * 2**attempt`` seconds; ``max_redirects``: hops followed.
    """

    user_agent: str = ""
    delay: float = 2.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5

    def __post_init__(self) -> None:
        if not self.user_agent:
            object.__setattr__(self, "user_agent", default_user_agent())
        for name in ("delay", "backoff"):
            if not getattr(self, name) >= 0:  # also refuses nan, which would mean no delay at all
                raise SettingError(name, f"must be 0 or more (got {getattr(self, name)})")
        for name in ("connect_timeout", "read_timeout"):
            if not getattr(self, name) > 0:
                raise SettingError(name, f"must be positive (got {getattr(self, name)})")
        if self.max_bytes < 1024:
            raise SettingError("max_bytes", f"must be at least 1024 bytes (got {self.max_bytes})")
        if not 0 <= self.retries <= 10:
            raise SettingError("retries", f"must be between 0 and 10 (got {self.retries})")
        if not 0 <= self.max_redirects <= 30:
            raise SettingError("max_redirects", f"must be between 0 and 30 (got {self.max_redirects})")
