"""What one site may cost: a total deadline on each request (a server that sends a byte
now and then cannot hold a worker), and a bounded number of requests per crawl (a site of
404s or of link-only pages ends the crawl early). Against real local servers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from knowledge.documents.crawler import (
    REQUESTS_PER_PAGE,
    SETUP_REQUESTS,
    Crawler,
    CrawlRules,
    SafeFetcher,
)
from utils.outbound import AddressRefused, host_allowed


class Server:
    """A site whose pages are made by `page(path)`: (status, body) or "drip"."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.page = page
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                server.requests.append(self.path)
                answer = server.page(self.path)
                if answer == "drip":  # a byte now and then, for a minute
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    for _ in range(300):
                        try:
                            self.wfile.write(b"x")
                            self.wfile.flush()
                        except OSError:
                            return
                        time.sleep(0.2)
                    return
                status, body = answer
                self.send_response(status)
                self.send_header("Content-Type", "text/html" if status == 200 else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer  # noqa: N815

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def serve() -> Iterator[Any]:
    running: list[Server] = []

    def start(page: Any) -> Server:
        running.append(Server(page))
        return running[-1]

    yield start
    for server in running:
        server.stop()


def test_a_server_that_drips_cannot_hold_a_fetch_or_a_delivery(serve: Any) -> None:
    """Each read comes within the read timeout, so only a total deadline ends it (before,
    a fetch took as long as the server liked: 75 s in the probe, here a minute)."""
    site = serve(lambda path: "drip")
    fetcher = SafeFetcher(allowed_hosts=["127.0.0.1"], timeout=1.0)
    try:
        with pytest.raises(httpx.TimeoutException, match="in all"):
            fetcher.get(f"{site.base}/page")
        with pytest.raises(httpx.TimeoutException, match="in all"):
            fetcher.post(f"{site.base}/hook", content=b"{}", headers={})
        # An ordinary page is still fetched whole.
        quick = serve(lambda path: (200, b"<html><body>fine</body></html>"))
        assert fetcher.get(f"{quick.base}/").body.endswith(b"</html>")
    finally:
        fetcher.close()


def _crawl(base: str, **rules: Any) -> None:
    fetcher = SafeFetcher(allowed_hosts=["127.0.0.1"], timeout=5.0)
    try:
        list(Crawler(fetcher, delay_s=0).crawl(CrawlRules(start_url=f"{base}/", **rules), {}))
    finally:
        fetcher.close()


def test_a_crawl_makes_a_bounded_number_of_requests(serve: Any) -> None:
    def sitemap_of_404s(path: str) -> tuple[int, bytes]:
        if path == "/sitemap.xml":
            locs = "".join(f"<url><loc>{site.base}/gone/{i}</loc></url>" for i in range(400))
            return 200, f"<urlset>{locs}</urlset>".encode()
        if path == "/":
            return 200, b"<html><body><p>The start page has some text.</p></body></html>"
        return 404, b"not here"

    site = serve(sitemap_of_404s)
    _crawl(site.base, max_pages=2)
    assert len(site.requests) <= 2 * REQUESTS_PER_PAGE + 2 * SETUP_REQUESTS, len(site.requests)

    def maze(path: str) -> tuple[int, bytes]:  # pages that are only links to new pages
        if path in ("/robots.txt", "/sitemap.xml"):
            return 404, b""
        links = "".join(f'<a href="{path.rstrip("/")}/{i}">{i}</a>' for i in range(30))
        return 200, f"<html><body>{links}</body></html>".encode()

    maze_site = serve(maze)
    _crawl(maze_site.base, max_pages=3, max_depth=2)
    assert len(maze_site.requests) <= 3 * REQUESTS_PER_PAGE + 2 * SETUP_REQUESTS


def test_an_allowed_host_can_name_its_port(serve: Any) -> None:
    site = serve(lambda path: (200, b"<html><body>ok</body></html>"))
    port = int(site.base.rsplit(":", 1)[1])
    assert host_allowed("127.0.0.1", port, [f"127.0.0.1:{port}"])
    assert not host_allowed("127.0.0.1", port + 1, [f"127.0.0.1:{port}"])
    assert host_allowed("127.0.0.1", 1234, ["127.0.0.1"])  # a bare host: every port
    assert host_allowed("::1", 8080, ["[::1]:8080"]) and not host_allowed("::1", 80, ["[::1]:8080"])
    allowed = SafeFetcher(allowed_hosts=[f"127.0.0.1:{port}"])
    other = SafeFetcher(allowed_hosts=["127.0.0.1:1"])  # before: never matched at all
    try:
        assert allowed.get(f"{site.base}/").status == 200
        with pytest.raises(AddressRefused):
            other.get(f"{site.base}/")
    finally:
        allowed.close()
        other.close()
