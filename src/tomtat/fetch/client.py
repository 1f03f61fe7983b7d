"""Polite HTTP GETs: one User-Agent, paced per host, bounded in time, size and tries.

httpx does the HTTP (connection reuse, separate connect and read timeouts, streamed
bodies; docs/DEPENDENCIES.md). This module adds what a well-behaved crawler owes the
sites it reads: a per-host delay, a size limit enforced while streaming, retries with
exponential backoff only where retrying can help (5xx, network errors), never for 4xx,
redirects followed to a limit with every hop paced and allowed by robots.txt, and an
outcome that says in one line what went wrong.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from tomtat.fetch.pacing import HostPacer
from tomtat.fetch.settings import FetchSettings


class FetchFailure(Exception):
    """A URL that could not be fetched; the message is the reason, for the report.

    ``status`` is the HTTP status when the server answered with an error; ``lasting``
    is False for failures worth trying again in a later round (5xx, network errors).
    """

    def __init__(self, reason: str, status: int | None = None, lasting: bool = True) -> None:
        super().__init__(reason)
        self.status = status
        self.lasting = lasting


class Stopped(Exception):
    """A stop was requested (SIGTERM, Ctrl-C) while waiting to fetch."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response read whole: ``final_url`` after redirects, ``status`` 200-299 or 304."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes


def host_of(url: str) -> str:
    """``scheme://host:port``: the unit the delay and robots.txt apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class PoliteClient:
    """GETs with the manners in ``settings``; ``pacer.waited`` is the time spent waiting."""

    def __init__(self, settings: FetchSettings, stop: threading.Event, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.pacer = HostPacer(settings.delay, stop)
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        self._http = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=timeout,
            follow_redirects=False,
            transport=transport,
            trust_env=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None, gate: Callable[[str], FetchFailure | None] | None = None) -> Fetched:
        """The response to GET ``url``; raises ``FetchFailure`` (reason) or ``Stopped``.

        Redirects are followed here, hop by hop, so every hop is paced for its own host
        and, when a ``gate`` is given (robots.txt), allowed by it: a hop the gate refuses
        fails as the gate's refusal does (lasting, or worth another try).
        """
        current = url
        for _ in range(self.settings.max_redirects + 1):
            fetched = self._tried(current, headers or {})
            location = fetched.headers.get("location")
            if fetched.status not in _REDIRECTS or not location:
                return _checked(Fetched(url=url, final_url=current, status=fetched.status, headers=fetched.headers, body=fetched.body))
            current = urljoin(current, location)
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchFailure(f"redirected to a non-web address: {current}")
            refusal = gate(current) if gate else None
            if refusal:
                raise FetchFailure(f"redirected to {current}: {refusal}", lasting=refusal.lasting)
        raise FetchFailure(f"more than {self.settings.max_redirects} redirects")

    def _tried(self, url: str, headers: dict[str, str]) -> Fetched:
        """One GET without following redirects, tried again after a 5xx or a network error."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchFailure(f"not an http(s) address: {url}")
        host = host_of(url)
        tries = self.settings.retries + 1
        for attempt in range(tries):
            if attempt and not self.pacer.pause(self.settings.backoff * 2 ** (attempt - 1)):
                raise Stopped()
            if not self.pacer.wait_turn(host):
                raise Stopped()
            status: int | None = None
            try:
                fetched = self._once(url, headers)
            except (httpx.TransportError, _Slow) as err:
                problem = _describe(err)
            else:
                if fetched.status < 500:
                    return fetched
                status = fetched.status
                problem = f"HTTP {status}"
            if attempt == tries - 1:
                reason = f"{problem} (after {tries} tries)" if tries > 1 else problem
                raise FetchFailure(reason, status=status, lasting=False)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        limit = self.settings.max_bytes
        deadline = time.monotonic() + self.settings.connect_timeout + self.settings.read_timeout
        with self._http.stream("GET", url, headers=headers) as response:
            if response.status_code >= 300:
                return _fetched(url, response, b"")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchFailure(f"larger than the {_mb(limit)} limit ({_mb(int(declared))} announced)")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchFailure(f"larger than the {_mb(limit)} limit")
                if time.monotonic() > deadline:
                    raise _Slow(f"download took longer than {self.settings.connect_timeout + self.settings.read_timeout:g} s")
                chunks.append(chunk)
            return _fetched(url, response, b"".join(chunks))


class _Slow(Exception):
    """A download that trickles past its deadline: treated like a read timeout."""


_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_KEPT_HEADERS = ("etag", "last-modified", "content-type", "location")


def _fetched(url: str, response: httpx.Response, body: bytes) -> Fetched:
    headers = {k: response.headers[k] for k in _KEPT_HEADERS if k in response.headers}
    return Fetched(url=url, final_url=str(response.url), status=response.status_code, headers=headers, body=body)


def _checked(fetched: Fetched) -> Fetched:
    if 200 <= fetched.status < 300 or fetched.status == 304:
        return fetched
    if 300 <= fetched.status < 400:
        raise FetchFailure(f"HTTP {fetched.status} redirect without a usable Location")
    raise FetchFailure(f"HTTP {fetched.status}", status=fetched.status)


def _describe(err: Exception) -> str:
    if isinstance(err, _Slow):
        return str(err)
    if isinstance(err, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(err, httpx.ReadTimeout):
        return "timed out reading the response"
    if isinstance(err, httpx.ConnectError):
        return f"cannot connect ({err})"
    return f"network error ({type(err).__name__}: {err})"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
