"""Server settings: limits and the worker pool, passed explicitly to ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """What the HTTP service allows and how it runs the pipeline.

    ``workers`` is the number of worker processes that run the (CPU-bound) pipeline;
    0 runs it on a thread pool inside the server process (handy in tests, and enough
    for one user). ``max_pending`` bounds the requests waiting for a worker: past it
    the server answers 503 at once instead of queueing without end.
    ``allowed_hosts``: the host names a request's ``Host`` header may carry (without
    port; None accepts any), against DNS rebinding and mistaken routing.
    """

    max_body_bytes: int = 10 * MB
    max_articles: int = 200
    timeout_seconds: float = 30.0
    workers: int = 0
    max_pending: int = 64
    allowed_hosts: tuple[str, ...] | None = None
    db: str | None = None  # a story store to serve (tomtat.server.stories); None: no store
    write_token: str | None = None  # when set, store writes need it; else loopback clients only

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be positive")
        if self.max_articles < 1:
            raise ValueError("max_articles must be positive")
        if self.timeout_seconds <= 0:
            raise ValueError("timeout_seconds must be positive")
        if self.workers < 0:
            raise ValueError("workers must be 0 (threads) or more")
        if self.max_pending < 1:
            raise ValueError("max_pending must be positive")
        if self.allowed_hosts is not None and not all(h.strip() for h in self.allowed_hosts):
            raise ValueError("allowed_hosts: give host names, separated by commas")
