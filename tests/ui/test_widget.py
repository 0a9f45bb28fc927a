"""The chat widget in Chromium, as a site's visitors meet it: a page served on one local
origin embeds the widget from the API on another; a third origin is not allowed.
The answer streams in with its sources, the conversation is there again after a reload,
a new one starts clean, answers are rated, the daily quota is explained, and the
visitor's browser language is spoken. Bad attributes are said in the panel."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from flask import Flask
from playwright.sync_api import Page, sync_playwright

from tests.ui.conftest import serve
from tests.ui.test_browser import headless_chromium

ADMIN = {"X-API-Key": "admin-key"}


class Site:
    """A static site on a local port of its own (its origin is http://127.0.0.1:<port>)."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self) -> None:
        self.server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # the test's output stays readable
        pass


def page_with(api_url: str, **attributes: str) -> str:
    data = " ".join(f'data-{name}="{value}"' for name, value in attributes.items())
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Shop</title></head>"
        "<body><h1>Our shop</h1>"
        f'<script src="{api_url}/widget.js" {data} async></script></body></html>'
    )


@pytest.fixture
def sites(make_app: Callable[..., Flask], tmp_path: Path) -> Iterator[tuple[str, Site, Site]]:
    """The API, the shop's site (allowed) and another site (not allowed)."""
    app = make_app()
    with serve(app) as api_url:
        folder = tmp_path / "site"
        folder.mkdir()
        (folder / "index.html").write_text(page_with(api_url, assistant="asst_default"))
        (folder / "bad-colour.html").write_text(
            page_with(api_url, assistant="asst_default", colour="blue-ish")
        )
        (folder / "unknown.html").write_text(page_with(api_url, assistant="asst_nope"))
        shop, other = Site(folder), Site(folder)
        changed = httpx.patch(f"{api_url}/v1/assistants/asst_default", headers=ADMIN, timeout=30,
                              json={"is_public": True, "allowed_origins": [shop.origin],
                                    "sample_questions": ["How do I start the service?"],
                                    "visitor_daily_quota": 3})  # fmt: skip
        assert changed.status_code == 200, changed.text
        try:
            yield api_url, shop, other
        finally:
            shop.stop()
            other.stop()


def open_panel(page: Page, url: str, name: str = "Open the chat") -> None:
    page.goto(url)
    page.get_by_role("button", name=name).click()
    page.get_by_role("dialog").wait_for(timeout=30_000)


def ask(page: Page, question: str) -> None:
    box = page.get_by_role("textbox")
    box.fill(question)
    box.press("Enter")


def test_a_visitor_asks_sees_sources_reloads_rates_and_meets_the_quota(
    sites: tuple[str, Site, Site],
) -> None:
    _, shop, _ = sites
    with sync_playwright() as playwright:
        browser = headless_chromium(playwright)
        page = browser.new_context(locale="en-GB").new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_panel(page, f"{shop.origin}/index.html")
        dialog = page.get_by_role("dialog")
        suggestion = dialog.get_by_role("button", name="How do I start the service?")
        suggestion.wait_for(timeout=30_000)
        suggestion.click()
        sources = dialog.get_by_role("list", name="Sources")
        sources.first.wait_for(timeout=60_000)
        answered = dialog.inner_text()
        assert "make run" in answered
        dialog.get_by_role("button", name="Helpful").first.click()
        dialog.get_by_text("Thank you for your rating.").wait_for(timeout=30_000)

        page.reload()  # the conversation is shown again on opening, without asking
        open_panel(page, f"{shop.origin}/index.html")
        dialog.get_by_text("How do I start the service?").first.wait_for(timeout=30_000)
        sources.first.wait_for(timeout=30_000)
        assert (
            dialog.get_by_role("button", name="Helpful").first.get_attribute("aria-pressed")
            == "true"
        )

        dialog.get_by_role("button", name="New conversation").click()
        assert "make run" not in dialog.inner_text()
        ask(page, "How long are conversations kept?")
        sources.first.wait_for(timeout=60_000)
        ask(page, "Can I delete a conversation?")  # the visitor's third turn today
        sources.nth(1).wait_for(timeout=60_000)
        ask(page, "And a fourth question?")
        dialog.get_by_text("reached its limit for today").wait_for(timeout=30_000)
        page.keyboard.press("Escape")  # closes, and the launcher has the focus again
        assert (
            page.get_by_role("dialog").count() == 0 or not page.get_by_role("dialog").is_visible()
        )
        focused = page.evaluate(
            "() => document.activeElement.shadowRoot?.activeElement?.getAttribute('aria-label')"
        )
        browser.close()
    assert errors == []
    assert focused == "Open the chat"


def test_other_sites_languages_and_bad_attributes(sites: tuple[str, Site, Site]) -> None:
    _, shop, other = sites
    with sync_playwright() as playwright:
        browser = headless_chromium(playwright)
        elsewhere = browser.new_context(locale="en-US").new_page()
        console: list[str] = []
        elsewhere.on("console", lambda message: console.append(message.text))
        open_panel(elsewhere, f"{other.origin}/index.html")
        dialog = elsewhere.get_by_role("dialog")
        dialog.get_by_text("cannot be reached").wait_for(timeout=30_000)
        assert "make run" not in dialog.inner_text()
        assert any("allowed_origins" in line for line in console), console

        spanish = browser.new_context(locale="es-ES").new_page()
        open_panel(spanish, f"{shop.origin}/index.html", name="Abrir el chat")
        spanish.get_by_role("dialog").get_by_text("Pregúnteme").wait_for(timeout=30_000)
        indonesian = browser.new_context(locale="id-ID").new_page()
        open_panel(indonesian, f"{shop.origin}/index.html", name="Buka obrolan")
        indonesian.get_by_role("button", name="Percakapan baru").wait_for(timeout=30_000)

        page = browser.new_context(locale="en-GB").new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_panel(page, f"{shop.origin}/bad-colour.html")
        page.get_by_role("dialog").get_by_text("blue-ish is not a colour").wait_for(timeout=30_000)
        open_panel(page, f"{shop.origin}/unknown.html")
        page.get_by_role("dialog").get_by_text("asst_nope was not found").wait_for(timeout=30_000)
        browser.close()
    assert errors == []


def test_an_answer_is_stopped_and_a_service_that_went_away_is_said(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    """A slow model's answer is stopped by the visitor (the service keeps what was written,
    marked stopped); then the API goes away and the next question is told so."""
    from stubs.llm import LLMStub

    stub = LLMStub(reply=lambda _: " ".join(["Run `make run` [1]."] + ["more"] * 60),
                   token_delay_s=0.25).start()  # fmt: skip
    app = make_app(llm_base_url=stub.url, llm_api_key=stub.api_key, llm_model="stub-model")
    folder = tmp_path / "site"
    folder.mkdir()
    api = serve(app)
    api_url = api.__enter__()
    (folder / "index.html").write_text(page_with(api_url, assistant="asst_default"))
    shop = Site(folder)
    try:
        httpx.patch(f"{api_url}/v1/assistants/asst_default", headers=ADMIN, timeout=30,
                    json={"is_public": True, "allowed_origins": [shop.origin]})  # fmt: skip
        with sync_playwright() as playwright:
            browser = headless_chromium(playwright)
            page = browser.new_context(locale="en-GB").new_page()
            open_panel(page, f"{shop.origin}/index.html")
            dialog = page.get_by_role("dialog")
            ask(page, "How do I start the service?")
            dialog.get_by_text("more more").first.wait_for(timeout=60_000)  # streaming
            dialog.get_by_role("button", name="Stop").click()
            dialog.get_by_text("(stopped)").wait_for(timeout=30_000)
            dialog.get_by_role("button", name="Send").wait_for(timeout=30_000)
            visitor = page.evaluate("() => localStorage.getItem('grounded-widget:visitor')")
            conversation = page.evaluate(
                "() => Object.keys(localStorage).filter(k => k.endsWith(':conversation'))"
                ".map(k => localStorage.getItem(k))[0]"
            )
            guest = {"Origin": shop.origin, "X-Assistant-Id": "asst_default",
                     "X-Visitor-Id": visitor}  # fmt: skip
            kept: dict = {}
            for _ in range(100):  # the service finishes the stopped turn, then keeps it
                kept = httpx.get(f"{api_url}/v1/public/conversations/{conversation}",
                                 headers=guest, timeout=30).json()  # fmt: skip
                if kept.get("messages", [{}])[-1].get("role") == "assistant":
                    break
                page.wait_for_timeout(200)
            api.__exit__(None, None, None)  # the API goes away; the page stays open
            api = None
            ask(page, "And how do I stop it?")
            dialog.get_by_text("cannot be reached").wait_for(timeout=30_000)
            browser.close()
    finally:
        if api is not None:
            api.__exit__(None, None, None)
        shop.stop()
        stub.stop()
    answer = kept["messages"][-1]
    assert answer["role"] == "assistant" and answer.get("stopped") is True, answer
    assert 0 < answer["content"].count("more") < 60  # what was written until the stop
