"""Crawl rate on a local site: N generated pages (linked in a chain and from a sitemap)
served by a threaded HTTP server on loopback, crawled by knowledge.documents.crawler (pinned
addresses, robots.txt, trafilatura's main-text extraction), with no pause between
requests. Baseline in the same run: the same pages fetched with plain httpx, nothing
extracted. Then a second crawl with the first one's ETags (every page answers 304).

    python -m bench.crawl [--pages 200]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from knowledge.documents.crawler import Crawler, CrawlRules, SafeFetcher

WORDS = "pumps seals valves filters inspection warranty service crew harbour spare".split()


def page(n: int, total: int) -> bytes:
    text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(300))
    nxt = f'<a href="/p/{n + 1}">next</a>' if n + 1 < total else ""
    return (
        f"<html><head><title>Page {n}</title></head><body><nav><a href='/'>home</a>"
        f"</nav><main><h1>Page {n}</h1><p>{text}.</p>{nxt}</main></body></html>"
    ).encode()


def serve(total: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/sitemap.xml":
                locs = "".join(f"<url><loc>http://127.0.0.1:{port}/p/{n}</loc></url>"
                               for n in range(total))  # fmt: skip
                body, kind = f"<urlset>{locs}</urlset>".encode(), "application/xml"
            elif self.path.startswith("/p/"):
                body, kind = page(int(self.path[3:]), total), "text/html"
            else:
                body, kind = page(0, total), "text/html"
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    server = serve(args.pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with httpx.Client() as client:
            started = time.perf_counter()
            for n in range(args.pages):
                client.get(f"{base}/p/{n}")
            plain = args.pages / (time.perf_counter() - started)
        fetcher = SafeFetcher(allowed_hosts=["127.0.0.1"])
        crawler = Crawler(fetcher, delay_s=0.0)
        rules = CrawlRules(f"{base}/p/0", max_pages=args.pages + 1, max_depth=args.pages)
        started = time.perf_counter()
        pages = list(crawler.crawl(rules, {}))
        first = len(pages) / (time.perf_counter() - started)
        known = {p.url: {"etag": p.etag, "digest": p.digest, "links": p.links} for p in pages}
        started = time.perf_counter()
        again = list(crawler.crawl(rules, known))
        second = len(again) / (time.perf_counter() - started)
        fetcher.close()
    finally:
        server.shutdown()
    unchanged = sum(p.unchanged for p in again)
    print(f"crawl: {len(pages)} pages at {first:.1f} pages/s (plain httpx GETs {plain:.1f}/s, "
          f"ratio {first / plain:.2f}); again with ETags: {unchanged}/{len(again)} unchanged "
          f"at {second:.1f} pages/s")  # fmt: skip


if __name__ == "__main__":
    main()
