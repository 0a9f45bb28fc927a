"""A person in the web chat, as they see it: an invitation link, their own password,
signed in with their role, still signed in after reloads while the short-lived access
token is renewed underneath, signed out, and back in with email and password."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from flask import Flask
from playwright.sync_api import sync_playwright

from tests.ui.conftest import serve
from tests.ui.test_browser import SCREENSHOTS, headless_chromium, send, streamlit_for

ADMIN = {"X-API-Key": "admin-key"}


def test_an_invited_person_signs_in_and_stays_signed_in(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    # Access tokens of 30 s: every page run renews them (and rotates the refresh token).
    app = make_app(access_token_seconds=30, anonymous_rate_limit="1000/minute")
    client = app.test_client()
    invitation = client.post("/v1/invitations", headers=ADMIN,
                             json={"email": "eddie@example.org", "role": "editor"}).get_json()  # fmt: skip
    with serve(app) as api_url, streamlit_for(api_url, tmp_path) as url:
        with sync_playwright() as playwright:
            browser = headless_chromium(playwright)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(f"{url}/?invitation={invitation['token']}")
            page.get_by_label("Your name").fill("Eddie")
            page.get_by_label("Password (at least 10 characters)").fill("eddies pass phrase")
            page.get_by_role("button", name="Continue").click()
            page.get_by_text("Signed in as Eddie · editor").wait_for(timeout=60_000)
            box = page.locator("[data-testid='stChatInput'] textarea")
            send(box, "How do I start the service?")
            page.get_by_text("make run").first.wait_for(timeout=60_000)
            for _ in range(2):  # the renewed refresh token is what the cookie keeps
                page.wait_for_timeout(1500)
                page.reload()
                page.get_by_text("Signed in as Eddie · editor").wait_for(timeout=60_000)
            page.get_by_text("make run").first.wait_for(timeout=60_000)  # the conversation too
            shot = tmp_path / "person.png"
            page.screenshot(path=str(shot))
            page.get_by_role("button", name="Sign out").click()
            page.get_by_label("Email").wait_for(timeout=60_000)
            page.reload()  # signed out stays signed out
            page.get_by_label("Email").wait_for(timeout=60_000)
            page.get_by_label("Email").fill("eddie@example.org")
            page.get_by_label("Password", exact=True).fill("wrong password!")
            page.get_by_role("button", name="Log in").click()
            page.get_by_text("wrong email or password").wait_for(timeout=30_000)
            crashed = page.locator("[data-testid='stException']").count()
            page.get_by_label("Password", exact=True).fill("eddies pass phrase")
            page.get_by_role("button", name="Log in").click()
            page.get_by_text("Signed in as Eddie · editor").wait_for(timeout=60_000)
            browser.close()
    # The sign-out ended the sign-in on the server as well: one sign-in family left open.
    services = app.extensions["services"]()
    from sqlalchemy import func, select

    from tenancy.models import RefreshToken

    with services.db.session() as session:
        open_families = session.scalar(
            select(func.count(func.distinct(RefreshToken.family_id))).where(
                RefreshToken.revoked_at.is_(None))
        )  # fmt: skip
    assert open_families == 1
    assert crashed == 0  # the wrong password is said, not a traceback
    if os.environ.get("SAVE_SCREENSHOT"):
        (SCREENSHOTS / "person.png").write_bytes(shot.read_bytes())
