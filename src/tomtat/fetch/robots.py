"""robots.txt, read once per host per run, through the same polite client.

Parsing is the standard library's ``urllib.robotparser``. What happens when robots.txt
cannot be read follows RFC 9309: a 4xx (no robots.txt) allows everything; a 5xx or a
network failure means the site cannot say, so nothing on it is fetched this run (a
round: the fetcher reads robots.txt afresh each round, so a site that recovers, or
changes its rules, is followed).
"""

from __future__ import annotations

from urllib.robotparser import RobotFileParser

from tomtat.fetch.client import FetchFailure, PoliteClient, host_of


class RobotsRules:
    """``refusal(url)``: why robots.txt of the URL's host forbids fetching it, or None."""

    def __init__(self, client: PoliteClient, agent: str = "tomtat") -> None:
        self._client = client
        self._agent = agent
        self._hosts: dict[str, RobotFileParser | str] = {}

    def refusal(self, url: str) -> str | None:
        """None when allowed; else "disallowed by robots.txt" or why robots.txt is unknown."""
        host = host_of(url)
        if host not in self._hosts:
            self._hosts[host] = self._read(host)
        rules = self._hosts[host]
        if isinstance(rules, str):
            return rules
        return None if rules.can_fetch(self._agent, url) else "disallowed by robots.txt"

    def gate(self, url: str) -> FetchFailure | None:
        """``refusal`` as the client's redirect gate: a lasting failure, or a passing one
        when robots.txt could not be read."""
        refusal = self.refusal(url)
        return None if refusal is None else FetchFailure(refusal, lasting=not self.unreadable(url))

    def unreadable(self, url: str) -> bool:
        """Whether the refusal of ``url`` is only that its host's robots.txt could not be
        read (5xx, network): a passing failure, so the URL is tried again next round."""
        return isinstance(self._hosts.get(host_of(url)), str)

    def _read(self, host: str) -> RobotFileParser | str:
        rules = RobotFileParser(f"{host}/robots.txt")
        try:
            fetched = self._client.get(f"{host}/robots.txt")
        except FetchFailure as err:
            if err.status is not None and 400 <= err.status < 500:
                rules.parse([])  # no robots.txt: everything is allowed
                return rules
            return f"robots.txt unreadable ({err}); the host is tried again next round"
        rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(self._agent)
        if delay:
            self._client.pacer.ask_for(host, float(delay))
        return rules
