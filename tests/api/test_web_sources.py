"""A web site crawled into a knowledge base: a real local HTTP site of a dozen pages
with a sitemap, robots.txt, a redirect, ETags; a page changed and a page removed
between two crawls; and the addresses a crawl must never reach."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import Org, create_org, key_header, ok

TOPICS = {
    "/": ("Acme Pumps", "Welcome to Acme Pumps. Read about our products and service."),
    "/pumps": ("Pumps", "The P-100 pump moves forty litres a minute."),
    "/pumps/p200": ("P-200", "The P-200 pump is built for salt water."),
    "/service": ("Service", "Pumps are inspected every ninety days by the north crew."),
    "/warranty": ("Warranty", "Every pump has a warranty of twenty-four months."),
    "/contact": ("Contact", "Write to the service desk; it answers within two days."),
    "/about": ("About", "Acme Pumps was founded in 1987 in Valencia."),
    "/careers": ("Careers", "We hire technicians every spring."),
    "/faq": ("FAQ", "Seals are replaced yearly, filters every six months."),
    "/new-location": ("Offices", "Our offices moved to the harbour district in 2024."),
    "/private/salaries": ("Salaries", "The director earns a secret amount."),
    "/deep/a": ("Deep", "A page reached only through the sitemap: spare parts ship in a week."),
}
NAV = "".join(f'<a href="{p}">{t}</a> ' for p, (t, _) in TOPICS.items() if p != "/deep/a")


class Site:
    """The pages as served; a test may change or remove one between two crawls."""

    def __init__(self) -> None:
        self.pages = dict(TOPICS)
        self.requests: list[str] = []
        self.extra_links = ""
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def html(self, path: str) -> str:
        title, text = self.pages[path]
        return (f"<html><head><title>{title}</title></head><body><nav>{NAV} "
                f"<a href='/old-location'>Old offices</a> {self.extra_links}</nav><main>"
                f"<h1>{title}</h1><p>{text}</p></main><footer>Copyright Acme</footer>"
                "</body></html>")  # fmt: skip

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def send(self, status: int, body: bytes = b"", **headers: str) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                site.requests.append(self.path)
                if self.path == "/robots.txt":
                    robots = (
                        f"User-agent: *\nDisallow: /private/\nSitemap: {site.base}/sitemap.xml\n"
                    )
                    return self.send(200, robots.encode(), Content_Type="text/plain")
                if self.path == "/sitemap.xml":
                    urls = "".join(
                        f"<url><loc>{site.base}{p}</loc></url>" for p in ("/faq", "/deep/a")
                    )
                    xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                    return self.send(200, xml.encode(), Content_Type="application/xml")
                if self.path == "/old-location":
                    return self.send(301, Location="/new-location")
                if self.path.startswith("/go-inside"):
                    return self.send(
                        302, Location=f"http://127.0.0.1:{self.server.server_address[1]}/inside"
                    )
                if self.path not in site.pages:
                    return self.send(404, b"not here", Content_Type="text/plain")
                body = site.html(self.path).encode()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, ETag=etag)
                return self.send(200, body, Content_Type="text/html; charset=utf-8", ETag=etag)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site().start()
    yield served
    served.stop()


@pytest.fixture
def web_app(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Callable[..., Flask]:
    def make(**overrides: object) -> Flask:
        # The schedule looks for due sources every half second (30 s by default).
        values = {"web_crawl_delay_seconds": 0.0, "web_crawl_tick_seconds": 0.5, **overrides}
        return make_app(qdrant=empty_qdrant, **values)

    return make


def wait_crawled(org: Org, kb_id: str, source_id: str, after: str | None = None) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        source = ok(org.client.get(f"/v1/knowledge-bases/{kb_id}/sources/{source_id}",
                                   headers=org.admin))  # fmt: skip
        if source["status"] in ("completed", "failed") and source["last_crawled_at"] != after:
            return source
        time.sleep(0.1)
    raise AssertionError("the crawl did not finish")


def ask(org: Org, assistant: str, key: dict, question: str, conversation: str) -> dict:
    headers = {**key, "X-Assistant-Id": assistant, "X-Conversation-Id": conversation}
    return ok(org.client.post("/v1/chat", json={"message": question}, headers=headers))


def test_a_site_is_crawled_kept_fresh_and_cited_by_page(
    web_app: Callable[..., Flask], site: Site
) -> None:
    app = web_app(web_sources_allowed_hosts="127.0.0.1")
    client = app.test_client()
    org = create_org(client, "Acme")
    kb = org.kb("site")
    created = ok(
        client.post(
            f"/v1/knowledge-bases/{kb}/sources",
            headers=org.admin,
            json={
                "kind": "web",
                "url": site.base + "/",
                "max_pages": 50,
                "exclude": ["/careers"],
                "refresh_hours": 24,
            },
        ),
        202,
    )
    first = wait_crawled(org, kb, created["id"])
    assert first["status"] == "completed", first
    crawled = {url.removeprefix(site.base) for url in first["pages"]}
    expected = set(TOPICS) - {"/private/salaries", "/careers"}
    assert crawled == expected  # the sitemap's page in, robots' and the excluded out
    assert "/private/salaries" not in site.requests  # robots.txt honoured: never fetched
    assert first["stats"]["pages"] == len(expected) and first["next_crawl_at"]
    assistant = org.assistant("site", ["site"])
    key = key_header(org.key("chat"))
    inspected = ask(org, assistant, key, "How often are pumps inspected?", "w1")
    assert "ninety days" in inspected["answer"]
    assert inspected["citations"][0]["source"] == site.base + "/service"
    moved = ask(org, assistant, key, "Where are the offices now?", "w2")
    assert moved["citations"][0]["source"] == site.base + "/new-location"  # after the redirect

    # Between two crawls, one page changes and one disappears.
    site.pages["/service"] = ("Service", "Pumps are now inspected every sixty days.")
    del site.pages["/about"]
    ok(client.post(f"/v1/knowledge-bases/{kb}/sources/{created['id']}/crawl",
                   headers=org.admin), 202)  # fmt: skip
    second = wait_crawled(org, kb, created["id"], after=first["last_crawled_at"])
    # Only /service is indexed again; the others answered 304 to their ETags.
    assert second["stats"] == {"pages": len(expected) - 1, "changed": 1,
                               "unchanged": len(expected) - 2, "removed": 1}  # fmt: skip
    assert site.base + "/about" not in second["pages"]
    again = ask(org, assistant, key, "How often are pumps inspected?", "w3")
    assert "sixty days" in again["answer"]
    founded = ask(org, assistant, key, "When was Acme Pumps founded?", "w4")
    assert "1987" not in founded["answer"]
    documents = ok(client.get(f"/v1/knowledge-bases/{kb}/documents", headers=org.admin))
    assert site.base + "/about" not in {d["source"] for d in documents["documents"]}

    # Deleting the source deletes its pages.
    deleted = ok(client.delete(f"/v1/knowledge-bases/{kb}/sources/{created['id']}",
                               headers=org.admin))  # fmt: skip
    assert deleted["pages"] == len(expected) - 1
    left = ok(client.get(f"/v1/knowledge-bases/{kb}/documents", headers=org.admin))
    assert left["documents"] == []


def test_internal_addresses_are_refused_without_the_operators_leave(
    web_app: Callable[..., Flask], site: Site
) -> None:
    app = web_app()
    client = app.test_client()
    org = create_org(client, "Acme")
    kb = org.kb("site")
    port = site.base.rsplit(":", 1)[1]
    for url in (site.base + "/", "http://169.254.169.254/latest/meta-data/",
                f"http://[::1]:{port}/", f"http://localhost:{port}/", "http://10.0.0.7/",
                "ftp://example.com/", "http://example.com:99x/", "http://[::1/",
                "http://]\u0080"):  # fmt: skip
        response = client.post(f"/v1/knowledge-bases/{kb}/sources", headers=org.admin,
                               json={"url": url})  # fmt: skip
        assert response.status_code == 422, url
    assert site.requests == []  # nothing was fetched
    assert ok(client.get(f"/v1/knowledge-bases/{kb}/sources", headers=org.admin))["sources"] == []


def test_a_redirect_or_link_to_an_internal_address_is_not_followed(
    web_app: Callable[..., Flask], site: Site
) -> None:
    """The operator allows `localhost` (the site under test); its pages link to and
    redirect to 127.0.0.1 and the metadata address, which stay refused."""
    site.pages["/inside"] = ("Inside", "The internal admin password is hunter2.")
    site.extra_links = ("<a href='/go-inside'>go</a> <a href='http://169.254.169.254/x'>m</a>"
                        " <a href='http://127.0.0.1:1/'>l</a>")  # fmt: skip
    app = web_app(web_sources_allowed_hosts="localhost")
    client = app.test_client()
    org = create_org(client, "Acme")
    kb = org.kb("site")
    port = site.base.rsplit(":", 1)[1]
    created = ok(
        client.post(
            f"/v1/knowledge-bases/{kb}/sources",
            headers=org.admin,
            json={"url": f"http://localhost:{port}/", "max_pages": 30},
        ),
        202,
    )
    done = wait_crawled(org, kb, created["id"])
    assert done["status"] == "completed"
    assert not any("inside" in url or "169.254" in url for url in done["pages"])
    assert "/inside" not in site.requests  # the redirect's target was never requested
    assert "/go-inside" in site.requests


def test_another_organisation_cannot_see_or_delete_a_source(
    web_app: Callable[..., Flask], site: Site
) -> None:
    app = web_app(web_sources_allowed_hosts="127.0.0.1")
    client = app.test_client()
    owner, other = create_org(client, "Owner"), create_org(client, "Other")
    kb = owner.kb("site")
    created = ok(client.post(f"/v1/knowledge-bases/{kb}/sources", headers=owner.admin,
                             json={"url": site.base + "/", "max_pages": 3}), 202)  # fmt: skip
    path = f"/v1/knowledge-bases/{kb}/sources/{created['id']}"
    assert client.get(path, headers=other.admin).status_code == 404
    assert client.delete(path, headers=other.admin).status_code == 404
    assert client.post(path + "/crawl", headers=other.admin).status_code == 404
    assert client.get(f"/v1/knowledge-bases/{kb}/sources", headers=other.admin).status_code == 404
    reader = key_header(owner.key("documents:read"))
    assert client.post(f"/v1/knowledge-bases/{kb}/sources", headers=reader,
                       json={"url": site.base + "/"}).status_code == 403  # fmt: skip
    assert ok(client.get(path, headers=owner.admin))["id"] == created["id"]
    wait_crawled(owner, kb, created["id"])


def test_a_source_is_crawled_again_on_its_schedule(
    web_app: Callable[..., Flask], site: Site
) -> None:
    app = web_app(web_sources_allowed_hosts="127.0.0.1")
    client = app.test_client()
    org = create_org(client, "Acme")
    kb = org.kb("site")
    created = ok(
        client.post(
            f"/v1/knowledge-bases/{kb}/sources",
            headers=org.admin,
            json={"url": site.base + "/faq", "max_depth": 0, "refresh_hours": 0.0005},
        ),
        202,
    )  # about 2 s
    first = wait_crawled(org, kb, created["id"])
    site.pages["/faq"] = ("FAQ", "Seals are replaced every eighteen months.")
    second = wait_crawled(org, kb, created["id"], after=first["last_crawled_at"])
    assert second["stats"]["changed"] == 1 and second["last_crawled_at"] > first["last_crawled_at"]


def test_one_organisations_slow_site_holds_no_one_elses_upload(
    web_app: Callable[..., Flask],
) -> None:
    """Acme's site sends its start page a byte at a time; Beta's upload is read meanwhile
    (before, every task shared one queue run one at a time: it waited for the crawl)."""
    dripping = threading.Event()

    class Drip(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path != "/":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            dripping.set()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the fetch's deadline ended it
            finally:
                dripping.clear()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        app = web_app(web_sources_allowed_hosts="127.0.0.1", web_fetch_timeout=25)
        client = app.test_client()
        acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
        kb = acme.kb("site")
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        source = ok(client.post(f"/v1/knowledge-bases/{kb}/sources", headers=acme.admin,
                                json={"kind": "web", "url": url, "max_pages": 5}), 202)  # fmt: skip
        assert dripping.wait(60), "the crawl never reached the slow page"
        beta.kb("docs")
        document = beta.upload("docs", "Hours", "The office opens at nine every weekday.")
        assert document["status"] == "completed"
        crawl = ok(client.get(f"/v1/knowledge-bases/{kb}/sources/{source['id']}",
                              headers=acme.admin))  # fmt: skip
        assert crawl["status"] == "crawling", "the upload waited for another's crawl"
        # The crawl itself ends at its fetch's deadline, not when the site stops.
        assert wait_crawled(acme, kb, source["id"])["status"] == "failed"
    finally:
        server.shutdown()
        server.server_close()
