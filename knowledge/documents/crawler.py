"""Crawling an organisation's web site for its knowledge base: one host, its sitemap
and links breadth first, robots.txt honoured, a polite pause between requests, each
page's main text kept (navigation and boilerplate removed by trafilatura).

Every request, and every redirect, goes only to public addresses (utils/outbound.py)
unless the operator allows the host (WEB_SOURCES_ALLOWED_HOSTS); the connection is made
to the address that was checked (the host name is sent as Host and TLS server name), so
a DNS answer cannot change between the check and the request.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import socket
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections import deque
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from utils.outbound import AddressRefused, public_addresses

log = logging.getLogger(__name__)

USER_AGENT = "GroundedChatCrawler/1.0 (+knowledge base indexing)"
MAX_REDIRECTS = 5
# A crawl makes at most this many requests per page it may keep (and a few for robots.txt
# and sitemaps): a site of 404s or of pages that are only links ends the crawl early.
REQUESTS_PER_PAGE = 5
SETUP_REQUESTS = 6
MAX_PAGE_BYTES = 5 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")


class CrawlError(RuntimeError):
    """The site cannot be crawled at all (its first page refused or unreachable)."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None


@dataclass
class CrawlRules:
    start_url: str
    max_pages: int = 200
    max_depth: int = 3
    include: list[str] = field(default_factory=list)  # path patterns (fnmatch)
    exclude: list[str] = field(default_factory=list)


@dataclass
class Page:
    url: str
    title: str
    text: str  # Markdown, main content only
    digest: str
    etag: str | None = None
    last_modified: str | None = None
    unchanged: bool = False  # the server said 304 / same digest as before
    links: list[str] = field(default_factory=list)  # same-host links, for the next crawl


class SafeFetcher:
    """GET over HTTP(S) to checked public addresses only (or allowed hosts)."""

    def __init__(
        self,
        *,
        allowed_hosts: Collection[str] = (),
        timeout: float = 15.0,
        max_bytes: int = MAX_PAGE_BYTES,
        allow_setting: str = "WEB_SOURCES_ALLOWED_HOSTS",
    ) -> None:
        self.allowed = {h.lower() for h in allowed_hosts}
        self.allow_setting = allow_setting
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.requests = 0  # made so far (a crawl's budget counts them)
        # No kept-alive connections: each request's own socket is what its deadline ends.
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, verify=True,
                                   limits=httpx.Limits(max_keepalive_connections=0))  # fmt: skip

    def close(self) -> None:
        self.client.close()

    def address_of(self, url: str) -> tuple[str, int]:
        """The address to connect to; AddressRefused for an internal one."""
        addresses, port = public_addresses(
            url, allowed_hosts=self.allowed, allow_setting=self.allow_setting
        )
        return addresses[0], port

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Fetched:
        """Follow up to MAX_REDIRECTS redirects, each one checked like the first."""
        for _ in range(MAX_REDIRECTS + 1):
            response = self._one(url, headers or {})
            if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            return Fetched(
                url=url, status=response.status_code,
                content_type=response.headers.get("content-type", "").split(";")[0].strip(),
                body=response.content, etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )  # fmt: skip
        raise AddressRefused(f"more than {MAX_REDIRECTS} redirects from {url}")

    def post(self, url: str, *, content: bytes, headers: dict[str, str]) -> httpx.Response:
        """One POST to a checked address; a redirect is not followed (it is an answer)."""
        return self._one(url, headers, method="POST", content=content)

    def _one(
        self, url: str, headers: dict[str, str], *, method: str = "GET",
        content: bytes | None = None,
    ) -> httpx.Response:  # fmt: skip
        address, port = self.address_of(url)
        parts = urlsplit(url)
        literal = f"[{address}]" if ":" in address else address
        pinned = urlunsplit((parts.scheme, f"{literal}:{port}", parts.path or "/", parts.query, ""))
        host_header = parts.netloc.rsplit("@", 1)[-1]
        extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
        deadline = _Deadline(self.timeout)
        request = self.client.build_request(
            method, pinned, content=content,
            extensions={**extensions, "trace": deadline.trace},
            headers={"Host": host_header, "User-Agent": USER_AGENT, **headers},
        )  # fmt: skip
        self.requests += 1
        try:
            response = self.client.send(request, stream=True)
            try:
                body = b""
                for piece in response.iter_bytes():
                    body += piece
                    if len(body) > self.max_bytes:
                        break
                response._content = body[: self.max_bytes]
            finally:
                response.close()
        except httpx.HTTPError as exc:
            if deadline.passed:
                raise httpx.ReadTimeout(
                    f"{url} took longer than {self.timeout:g} s in all (WEB_FETCH_TIMEOUT)"
                ) from exc
            raise
        finally:
            deadline.cancel()
        if deadline.passed:  # the socket was shut as the last bytes came
            raise httpx.ReadTimeout(f"{url} took longer than {self.timeout:g} s in all")
        return response


class _Deadline:
    """The whole of one request (connecting, headers, body) within `seconds`: a timeout
    per read alone lets a server that sends a byte now and then hold the request for as
    long as it likes. At the deadline the request's socket is shut, which ends any read."""

    def __init__(self, seconds: float) -> None:
        self.passed = False
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith("connect_tcp.complete"):
            stream = info.get("return_value")
            self._socket = stream.get_extra_info("socket") if stream is not None else None
            if self.passed:
                self._expire()

    def _expire(self) -> None:
        self.passed = True
        if self._socket is not None:
            try:
                self._socket.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def cancel(self) -> None:
        self._timer.cancel()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def links_of(html: str, base: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return [urldefrag(urljoin(base, href))[0] for href in parser.links]


def main_text(html: str, url: str) -> tuple[str, str]:
    """(title, the page's main text as Markdown), boilerplate removed."""
    import trafilatura

    text = trafilatura.extract(html, url=url, output_format="markdown", favor_recall=True,
                               include_links=False, include_comments=False) or ""  # fmt: skip
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else None) or urlsplit(url).path or url
    return title.strip(), text.strip()


def _sitemap_urls(xml: bytes) -> list[str]:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return []
    return [e.text.strip() for e in root.iter() if e.tag.endswith("loc") and e.text]


class Crawler:
    def __init__(
        self,
        fetcher: SafeFetcher,
        *,
        delay_s: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.fetcher = fetcher
        self.delay_s = delay_s
        self.sleep = sleep
        self._last = 0.0

    def _polite(self) -> None:
        wait = self._last + self.delay_s - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last = time.monotonic()

    def crawl(self, rules: CrawlRules, known: dict[str, dict]) -> Iterator[Page]:
        """The site's pages, each once; `known`: url -> {etag, last_modified, digest} of
        the last crawl (a page the server says has not changed is yielded unchanged)."""
        start = urldefrag(rules.start_url)[0]
        host = urlsplit(start).netloc.lower()
        budget = self.fetcher.requests + SETUP_REQUESTS + rules.max_pages * REQUESTS_PER_PAGE
        robots = self._robots(start)
        queue: deque[tuple[str, int]] = deque([(start, 0)])
        for url in self._sitemap(start, robots):
            queue.append((url, 1))
        seen: set[str] = set()
        yielded = 0
        while queue and yielded < rules.max_pages:
            if self.fetcher.requests >= budget:
                log.info("crawl: %s made its %d requests; stopping", start, budget)
                return
            url, depth = queue.popleft()
            if url in seen or urlsplit(url).netloc.lower() != host:
                continue
            seen.add(url)
            if not self._wanted(url, rules) or not robots.can_fetch(USER_AGENT, url):
                continue
            before = known.get(url, {})
            conditional = {}
            if before.get("etag"):
                conditional["If-None-Match"] = before["etag"]
            if before.get("last_modified"):
                conditional["If-Modified-Since"] = before["last_modified"]
            self._polite()
            try:
                fetched = self.fetcher.get(url, headers=conditional)
            except AddressRefused:
                if url == start:
                    raise
                log.info("crawl: refused %s", url)
                continue
            except httpx.HTTPError as exc:
                if url == start:
                    raise CrawlError(f"{url} cannot be fetched: {exc}") from exc
                continue
            if fetched.status == 304 and before:
                # Not sent again: its links are those it had.
                links = list(before.get("links") or [])
                if depth < rules.max_depth:
                    queue.extend((link, depth + 1) for link in links)
                yielded += 1
                yield Page(url, before.get("title", ""), "", before.get("digest", ""),
                           before.get("etag"), before.get("last_modified"), unchanged=True,
                           links=links)  # fmt: skip
                continue
            final = urldefrag(fetched.url)[0]
            if fetched.status != 200 or fetched.content_type not in HTML_TYPES:
                if url == start and fetched.status != 200:
                    raise CrawlError(f"{url} answered {fetched.status}")
                continue
            if urlsplit(final).netloc.lower() != host or (final != url and final in seen):
                continue
            seen.add(final)
            html = fetched.body.decode("utf-8", "replace")
            title, text = main_text(html, final)
            links = [
                u
                for u in dict.fromkeys(links_of(html, final))
                if urlsplit(u).netloc.lower() == host
            ]
            if depth < rules.max_depth:
                queue.extend((link, depth + 1) for link in links)
            if not text:
                continue
            digest = hashlib.sha256(text.encode()).hexdigest()
            yielded += 1
            yield Page(final, title, text, digest, fetched.etag, fetched.last_modified,
                       unchanged=digest == known.get(final, {}).get("digest"),
                       links=links[:500])  # fmt: skip

    def _robots(self, start: str) -> RobotFileParser:
        parser = RobotFileParser()
        parts = urlsplit(start)
        try:
            fetched = self.fetcher.get(f"{parts.scheme}://{parts.netloc}/robots.txt")
            lines = fetched.body.decode("utf-8", "replace").splitlines()
            parser.parse(lines if fetched.status == 200 else [])
        except (httpx.HTTPError, AddressRefused):
            parser.parse([])
        return parser

    def _sitemap(self, start: str, robots: RobotFileParser) -> list[str]:
        parts = urlsplit(start)
        maps = robots.site_maps() or [f"{parts.scheme}://{parts.netloc}/sitemap.xml"]
        found: list[str] = []
        for sitemap in maps[: SETUP_REQUESTS - 1]:
            try:
                fetched = self.fetcher.get(sitemap)
            except (httpx.HTTPError, AddressRefused):
                continue
            if fetched.status == 200:
                found += _sitemap_urls(fetched.body)
        return found

    @staticmethod
    def _wanted(url: str, rules: CrawlRules) -> bool:
        path = urlsplit(url).path or "/"
        if rules.include and not any(fnmatch.fnmatch(path, p) for p in rules.include):
            return url == urldefrag(rules.start_url)[0]
        return not any(fnmatch.fnmatch(path, p) for p in rules.exclude)
