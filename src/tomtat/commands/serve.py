"""``tomtat serve``: the HTTP API and the web page (needs the ``server`` extra)."""

from __future__ import annotations

import argparse
import ipaddress
import os

from tomtat.commands.common import warn
from tomtat.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="run the HTTP API and web page",
        description="Serve the JSON API (/v1/summarize, /v1/clean, /v1/methods, /healthz, /openapi.json) "
        "and a web page at / to paste articles and read the summary beside its sources.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes running the pipeline (default: one per CPU, at most 4; "
                   "0 = threads inside the server process)")
    p.add_argument("--max-body-mb", type=float, default=10.0, metavar="MB", help="largest request body (default 10 MB)")
    p.add_argument("--max-articles", type=int, default=200, metavar="N", help="most articles per request (default 200)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="time limit per request (default 30 s)")
    p.add_argument("--read-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="close a connection that has not sent its whole request within this time (default 10 s)")
    p.add_argument("--max-connections", type=int, default=None, metavar="N",
                   help="open connections at most (default: what the open-file limit allows); past it the "
                   "oldest connection still sending its request is closed")
    p.add_argument("--allowed-hosts", metavar="NAMES",
                   help="comma-separated host names the Host header may carry (default on 127.0.0.1: "
                   "127.0.0.1,localhost,::1; on any other address: any host, with a warning)")
    p.add_argument("--db", metavar="URL", help="also serve this story store (tomtat track): /stories pages and /v1/stories; "
                   "a SQLite file path, sqlite:///PATH or postgresql+psycopg://...")
    p.add_argument("--token", metavar="TOKEN", default=os.environ.get("TOMTAT_TOKEN"),
                   help="store writes (POST /v1/articles) need 'Authorization: Bearer TOKEN' (default $TOMTAT_TOKEN); "
                   "without one, only this machine may write")
    p.set_defaults(func=run)


def default_workers() -> int:
    """One worker process per CPU, at most 4 (each holds its own copy of the pipeline)."""
    return max(1, min(4, os.cpu_count() or 1))


MB_PER_WORKER = 512  # a warmed worker holds ~150 MB; a large request several times that


def max_workers() -> int:
    """The most worker processes this machine can run: two per CPU, and no more than
    the available memory holds at ``MB_PER_WORKER`` each (at least one)."""
    cpus = os.cpu_count() or 1
    try:
        available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        available = 0
    by_memory = available // (MB_PER_WORKER * 2**20) if available > 0 else 2 * cpus
    return max(1, min(2 * cpus, by_memory))


# asyncio accepts up to this many connections per loop turn, and a few turns pass before
# the first of them can be looked at (and the cap applied): room for 4 bursts is kept.
BACKLOG = 16


def default_max_connections(workers: int) -> int:
    """Connections the open-file limit leaves room for, after the files, pipes and
    sockets the server and its workers need themselves and one accept burst."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 10_000
    return max(16, min(10_000, soft - 64 - 8 * workers - 4 * BACKLOG))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_options(args: argparse.Namespace) -> None:
    """Each bad option is one line naming the flag, before anything starts (ServerConfig's
    own checks name its fields, which a user of the command never sees)."""
    if not 0 < args.port < 65536:
        raise InputError(f"--port must be between 1 and 65535 (got {args.port})")
    if args.workers is not None and args.workers < 0:
        raise InputError(f"--workers must be 0 (threads) or more (got {args.workers})")
    for flag, value in (("--max-body-mb", args.max_body_mb), ("--timeout", args.timeout),
                        ("--read-timeout", args.read_timeout)):
        if not value > 0:  # also refuses nan
            raise InputError(f"{flag} must be positive (got {value})")
    for flag, count in (("--max-articles", args.max_articles), ("--max-connections", args.max_connections)):
        if count is not None and count < 1:
            raise InputError(f"{flag} must be at least 1 (got {count})")
    if args.allowed_hosts is not None and not all(h.strip() for h in args.allowed_hosts.split(",")):
        raise InputError(f"--allowed-hosts {args.allowed_hosts!r}: give host names separated by commas")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from tomtat.server import ServerConfig, create_app
    except ImportError as err:
        raise InputError(f"the server needs the 'server' extra: pip install 'tomtat[server]' ({err.name} is missing)") from None
    _check_options(args)
    workers = default_workers() if args.workers is None else args.workers
    if workers > (most := max_workers()):
        raise InputError(f"--workers {workers} is more than this machine can run ({most}: two per CPU, "
                         f"{MB_PER_WORKER} MB of available memory each)")
    loopback = _is_loopback(args.host)
    if args.allowed_hosts is not None:
        hosts: tuple[str, ...] | None = tuple(h.strip() for h in args.allowed_hosts.split(","))
    else:
        hosts = ("127.0.0.1", "localhost", "::1") if loopback else None
    try:
        config = ServerConfig(
            max_body_bytes=int(args.max_body_mb * 1024 * 1024),
            max_articles=args.max_articles,
            timeout_seconds=args.timeout,
            workers=workers,
            allowed_hosts=hosts,
            db=args.db,
            write_token=args.token or None,
        )
    except ValueError as err:
        raise InputError(str(err)) from None
    if not loopback:
        warn(f"listening on {args.host}: anyone who can reach it can use the service (there is no login)")
        if hosts is None:
            warn("any Host header is accepted; give --allowed-hosts NAME,... to answer only for your host names")
    connections = default_max_connections(workers) if args.max_connections is None else args.max_connections
    from tomtat.server.connections import HEADER_BYTES, guarded_protocol, install_rate_limit

    install_rate_limit()
    app = create_app(config)  # opens the store first: a bad --db is one line, before listening
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="info",
        access_log=False,
        http=guarded_protocol(args.read_timeout, connections),
        # The cap above keeps connections under the limit, so this bounds requests in progress.
        limit_concurrency=connections + 1,
        timeout_keep_alive=5,
        backlog=BACKLOG,
        h11_max_incomplete_event_size=HEADER_BYTES,
    )
    return 0
