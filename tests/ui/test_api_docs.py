"""The API docs pages work with no outside network: their scripts come from the service
itself (spectree's offline templates from the `offapi` package), not from a CDN."""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def test_the_docs_page_lists_the_endpoints_offline(live_api: str) -> None:
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()

        def only_loopback(route, request) -> None:  # type: ignore[no-untyped-def]
            if urlparse(request.url).hostname in (
                "127.0.0.1",
                "localhost",
            ) or request.url.startswith("data:"):
                route.continue_()
            else:
                blocked.append(request.url)
                route.abort()

        page.route("**/*", only_loopback)
        page.goto(f"{live_api}/docs/swagger/")
        page.get_by_text("/v1/knowledge-bases").first.wait_for(timeout=30_000)
        text = page.inner_text("body")
        browser.close()
    assert "/v1/chat" in text and "/v1/assistants" in text
    assert blocked == [], blocked  # nothing was fetched from outside


@pytest.mark.parametrize("name", ["swagger", "redoc", "scalar"])
def test_no_docs_page_loads_anything_from_outside(live_api: str, name: str) -> None:
    with urllib.request.urlopen(f"{live_api}/docs/{name}/", timeout=10) as response:
        html = response.read().decode()
    assert not re.findall(r"""(?:src|href)=["']https?://""", html)


def test_the_swagger_page_on_a_public_host_name_calls_no_validator(live_api: str) -> None:
    """Swagger UI shows the validator's badge (an image from validator.swagger.io, sent
    the whole contract) on any host but localhost: here as docs.example, mapped to the
    service. Nothing may leave, and the page states so in its CSP."""
    port = urlparse(live_api).port
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--host-resolver-rules=MAP docs.example 127.0.0.1"],
        )  # fmt: skip
        page = browser.new_page()

        def local_only(route, request) -> None:  # type: ignore[no-untyped-def]
            host = urlparse(request.url).hostname
            if host == "docs.example" or request.url.startswith("data:"):
                route.continue_()
            else:
                outside.append(request.url)
                route.abort()

        page.route("**/*", local_only)
        response = page.goto(f"http://docs.example:{port}/docs/swagger/")
        page.get_by_text("/v1/knowledge-bases").first.wait_for(timeout=30_000)
        # The badge would load after the contract: until no request has been open for
        # half a second.
        page.wait_for_load_state("networkidle", timeout=30_000)
        csp = response.headers.get("content-security-policy", "") if response else ""
        badges = page.locator("img[src*='validator']").count()
        browser.close()
    assert outside == [] and badges == 0, outside
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
