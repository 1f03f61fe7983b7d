"""A fixture news site on 127.0.0.1: feeds and pages written for these tests.

``Site`` serves routes from a dict (path -> ``Route``) on a free port of 127.0.0.1 only,
counts the requests per path and records the headers it was sent. The texts are
invented Vietnamese-like news items.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from email.utils import format_datetime
from datetime import UTC, datetime

TOPICS = [
    ("Cầu Bến Lội khánh thành sau hai năm thi công", "Cây cầu dài 420 mét nối hai xã Tân Mỹ và Phú Lạc"),
    ("Hợp tác xã Đồng Xanh xuất khẩu lô bưởi đầu tiên", "Lô hàng mười tấn bưởi da xanh lên tàu đi cảng Rotterdam"),
    ("Trường Tiểu học Hòa An đón học sinh trở lại", "Ngôi trường mới có mười hai phòng học và một thư viện"),
    ("Mưa đá bất ngờ ở huyện Lâm Sơn", "Hàng trăm mái nhà bị thủng, nhiều ruộng rau bị dập nát"),
    ("Chợ nổi Cái Dừa mở lại sau đợt sửa chữa", "Hơn hai trăm ghe hàng đã về chợ ngay trong buổi sáng đầu tiên"),
    ("Đội bóng Sông Lam trẻ giành cúp mùa hè", "Trận chung kết kết thúc với tỷ số hai một sau hiệp phụ"),
]


def page_html(n: int, title: str | None = None, canonical: str | None = None) -> str:
    """An article page with a caption, a sidebar and a footer around the main text."""
    head, lead = TOPICS[n % len(TOPICS)]
    title = title or f"{head} (số {n})"
    body = "\n".join(
        f"<p>{sentence}</p>"
        for sentence in [
            f"{lead}, theo thông tin từ chính quyền địa phương ngày {1 + n % 27}/5.",
            f"Ông Trần Văn Hậu, chủ tịch xã, cho biết công việc chuẩn bị kéo dài nhiều tháng với sự góp sức của {n + 3} hộ dân.",
            "Người dân trong vùng bày tỏ vui mừng và mong muốn những dự án tương tự sớm được triển khai ở các xã lân cận.",
            f"Theo kế hoạch, giai đoạn tiếp theo sẽ bắt đầu vào cuối năm với tổng kinh phí khoảng {n + 12} tỷ đồng.",
            f"Bản tin số {n} được ghi nhận tại chỗ bởi phóng viên thường trú của tờ báo trong suốt ba ngày liền.",
        ]
    )
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>{link}
<meta property="article:published_time" content="2026-05-{1 + n % 27:02d}T08:00:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a> | <a href="/kinh-te">Kinh tế</a></nav>
<aside class="sidebar"><h3>Tin mới nhất</h3><ul><li><a href="/x1">Giá xăng giảm nhẹ chiều nay</a></li>
<li><a href="/x2">Thời tiết cuối tuần nắng đẹp</a></li></ul></aside>
<article><h1>{title}</h1>
{body}
<figure><img src="/anh/{n}.jpg"><figcaption>Người dân tham dự buổi lễ. Ảnh: Minh Khoa</figcaption></figure>
</article>
<footer>Bản quyền thuộc về Báo Làng Quê. Liên hệ quảng cáo: 0900 000 000</footer>
</body></html>"""


def rss(title: str, links: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of (title, link) items."""
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link>"
        f"<pubDate>{format_datetime(datetime(2026, 5, 3, 1, i % 60, tzinfo=UTC))}</pubDate></item>"
        for i, (t, link) in enumerate(links)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title><link>http://127.0.0.1/</link><description>tin</description>{items}</channel></rss>'


def atom(title: str, links: list[tuple[str, str]]) -> str:
    """An Atom feed of (title, link) entries."""
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>urn:x:{i}</id><updated>2026-05-03T01:{i % 60:02d}:00Z</updated></entry>'
        for i, (t, link) in enumerate(links)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:feed</id><updated>2026-05-03T00:00:00Z</updated>{entries}</feed>'


@dataclass
class Reply:
    """What a route answers: status, headers, a body (bytes, or chunks produced lazily)."""

    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Route = Callable[[dict[str, str]], Reply]


def html(text: str) -> Route:
    return lambda _headers: Reply(body=text.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})


def xml(text: str, etag: str | None = None) -> Route:
    """A feed that answers 304 when sent its ETag back."""

    def route(headers: dict[str, str]) -> Reply:
        if etag and headers.get("if-none-match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        extra = {"ETag": etag} if etag else {}
        return Reply(body=text.encode("utf-8"), headers={"Content-Type": "application/rss+xml", **extra})

    return route


class Site:
    """The server: ``routes`` may be changed while it runs; ``hits`` counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out separately: no 40 ms delayed-ACK stall

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                path = self.path
                site.hits[path] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
                route = site.routes.get(path)
                reply = route({k.lower(): v for k, v in self.headers.items()}) if route else Reply(status=404, body=b"khong thay")
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    if callable(reply.body):
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for chunk in reply.body():
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def run_logged(argv: list[str], log: str) -> None:
    """``tomtat ARGV`` with standard error appended to ``log``: the target of the processes
    the kill test starts, so it can see when a watcher is running and what it said."""
    from tomtat.cli import main

    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)
    raise SystemExit(main(argv))
