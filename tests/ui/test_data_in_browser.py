"""A question over data in the web chat, as a person sees it: the answer in words, the
table, the chart, the query on request and the files to download; all still there after
a reload. Headless Chromium; the model is the local stub, scripted to call run_sql."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from flask import Flask
from playwright.sync_api import sync_playwright
from qdrant_client import QdrantClient

from data_sources import catalog
from stubs.llm import LLMStub
from tenancy import crud
from tenancy.models import DEFAULT_ASSISTANT_ID, DEFAULT_ORG_ID
from tests.api.test_data_sources import Script, make_database
from tests.ui.conftest import serve
from tests.ui.test_browser import (
    SCREENSHOTS,
    headless_chromium,
    send,
    sign_in,
    streamlit_for,
    wait_idle,
)

QUERY = "SELECT region, count(*) AS machines FROM machines GROUP BY region ORDER BY region"


def test_a_question_over_data_shows_table_chart_query_and_downloads(
    llm_app: Callable[..., Flask], stub: LLMStub, empty_qdrant: QdrantClient, tmp_path: Path
) -> None:
    app = llm_app(qdrant=empty_qdrant, llm_timeout=10.0)
    services = app.extensions["services"]()
    database = make_database(
        app.config["SETTINGS"].data_dir / "databases" / DEFAULT_ORG_ID / "plant.db"
    )
    with services.db.session() as session:
        source = catalog.create_database_source(
            session, box=services.box, places=services.places, org_id=DEFAULT_ORG_ID,
            name="plant", description="", url=f"sqlite:///{database.name}",
        )  # fmt: skip
        crud.update_assistant(session, org_id=DEFAULT_ORG_ID, assistant_id=DEFAULT_ASSISTANT_ID,
                              data_source_ids=[source.id])  # fmt: skip
        source_id = source.id
    services.profiles.forget()
    stub.reply = Script(source_id, [[QUERY]], "The north has the most machines: 3 of 7.")
    with serve(app) as api_url, streamlit_for(api_url, tmp_path) as url:
        with sync_playwright() as playwright:
            browser = headless_chromium(playwright)
            page = browser.new_page(viewport={"width": 1200, "height": 1400})
            box = sign_in(page, url, "data-test")
            send(box, "How many machines are there in each region?")
            page.get_by_text("The north has the most machines").first.wait_for(timeout=60_000)
            answer = page.locator("[data-testid='stChatMessage']").last
            answer.get_by_test_id("stDataFrame").wait_for(timeout=30_000)
            answer.locator("img").first.wait_for(timeout=30_000)
            wait_idle(page)  # the page's run has ended: the click is not lost to a redraw
            answer.get_by_text("Show the query").click()
            answer.get_by_test_id("stCode").first.get_by_text("GROUP BY region").wait_for(
                timeout=30_000
            )
            # count() does not wait: the three buttons render after the code block
            answer.get_by_test_id("stDownloadButton").nth(2).wait_for(timeout=30_000)
            downloads = answer.get_by_test_id("stDownloadButton").count()
            wait_idle(page)  # the run "Show the query" started has ended: the click holds
            with page.expect_download() as waiting:
                answer.get_by_role("button", name="CSV", exact=True).click()
            saved = tmp_path / "download.csv"
            waiting.value.save_as(saved)
            # the chart is decoded (not a fixed pause): then the screenshot shows it
            chart = answer.locator("img").first.element_handle(timeout=30_000)
            page.wait_for_function("e => e.complete && e.naturalHeight > 0", arg=chart)
            shot = tmp_path / "data.png"
            page.screenshot(path=str(shot), full_page=True)
            image_height = chart.evaluate("e => e.naturalHeight")
            page.reload()
            again = page.locator("[data-testid='stChatMessage']").last
            again.get_by_test_id("stDataFrame").wait_for(timeout=60_000)
            again.locator("img").first.wait_for(timeout=30_000)
            browser.close()
    assert downloads == 3  # CSV, PNG, SQL
    assert saved.read_text().splitlines() == [
        "region,machines", "east,2", "north,3", "south,2"
    ]  # fmt: skip
    assert image_height > 100
    if os.environ.get("SAVE_SCREENSHOT"):
        (SCREENSHOTS / "data.png").write_bytes(shot.read_bytes())
