"""The account of one fetch round: feeds read, new articles, skipped and failed, each with why."""

from __future__ import annotations

from dataclasses import dataclass, field

from tomtat.io.wording import counted


@dataclass
class RoundReport:
    """Filled in by ``Fetcher.round`` (``tomtat.fetch.rounds``) as it goes; ``lines()``
    is what the user reads.

    ``skipped``: addresses deliberately not kept (robots.txt, a copy of a kept article, no
    main text); ``failed``: feeds and pages that could not be read. ``seconds`` is the
    round's wall time, ``waited`` the part spent in politeness delays and backoff.
    """

    feeds: int = 0
    feeds_read: int = 0
    not_modified: int = 0
    known: int = 0
    new: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    stopped: bool = False
    seconds: float = 0.0
    waited: float = 0.0

    def summary(self) -> str:
        """One line: the counts."""
        line = (
            f"{self.feeds_read}/{self.feeds} feeds read ({self.not_modified} unchanged), "
            f"{counted(len(self.new), 'new article')}, {self.known} already known, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed "
            f"in {self.seconds:.1f} s ({self.waited:.1f} s waiting politely)"
        )
        return line + ("; stopped early" if self.stopped else "")

    def lines(self) -> list[str]:
        """The summary, then one line per skipped or failed address with the reason."""
        out = [self.summary()]
        out += [f"  skipped {url}: {why}" for url, why in self.skipped]
        out += [f"  failed {url}: {why}" for url, why in self.failed]
        return out
