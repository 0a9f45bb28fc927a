"""The web chat server's own routes (webchat/server.py): a sign-in grant becomes an
HttpOnly cookie; anything else is a clear JSON 400 that sets nothing. And who may
frame its pages."""

from __future__ import annotations

import asyncio
import time

import httpx
from cryptography.fernet import Fernet
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from utils.api_client import ApiClientError
from webchat.server import FrameGuard, signin_routes
from webchat.signin import COOKIE, SignInSeal


def test_a_grant_becomes_an_http_only_cookie_and_nothing_else_does() -> None:
    seal = SignInSeal(Fernet.generate_key(), signin_seconds=600)
    client = TestClient(Starlette(routes=signin_routes(seal)))
    signin = {"guest": {"visitor": "v" * 32, "assistant_id": "asst_default"}}

    kept = client.post("/_signin", json={"grant": seal.seal(signin, "grant")})
    assert kept.status_code == 200
    cookie = kept.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "Max-Age=600" in cookie
    assert seal.open(kept.cookies[COOKIE], "signin") == signin

    other_seal = SignInSeal(Fernet.generate_key(), signin_seconds=600)
    for body in (
        {"grant": "forged"},
        {"grant": other_seal.seal(signin, "grant")},  # sealed by another deployment
        {"grant": seal.seal(signin, "signin")},  # a cookie's value is not a grant
        {},
        ["not", "an", "object"],
    ):
        refused = TestClient(Starlette(routes=signin_routes(seal))).post("/_signin", json=body)
        assert refused.status_code == 400 and refused.json()["error"], body
        assert "set-cookie" not in refused.headers
    not_json = client.post("/_signin", content=b"{", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 400

    out = client.post("/_signout")
    assert out.status_code == 200 and f'{COOKIE}=""' in out.headers["set-cookie"]


def test_pages_asked_for_while_the_allowed_sites_are_fetched_name_them_too() -> None:
    """The web chat's first requests arrive together (the page, its scripts) while the
    list of sites allowed to frame it is still being fetched from the API: each waits
    for that list; none is sent with the empty list the server started with."""
    calls: list[float] = []

    def slow_embedders() -> list[str]:
        calls.append(time.monotonic())
        time.sleep(0.5)  # a busy API
        return ["https://shop.example"]

    async def page(_request: Request) -> PlainTextResponse:
        return PlainTextResponse("chat")

    app = FrameGuard(Starlette(routes=[Route("/", page)]), embedders=slow_embedders)

    async def requests_together() -> list[str]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://chat") as client:
            responses = await asyncio.gather(*(client.get("/") for _ in range(5)))
        return [r.headers["content-security-policy"] for r in responses]

    policies = asyncio.run(requests_together())
    assert policies == ["frame-ancestors 'self' https://shop.example"] * 5
    assert len(calls) == 1  # fetched once for all of them


def test_while_the_api_is_away_the_page_keeps_refusing_frames() -> None:
    def away() -> list[str]:
        raise ApiClientError("unreachable", "the API is not answering")

    app = FrameGuard(Starlette(routes=[Route("/", lambda _r: PlainTextResponse("chat"))]),
                     embedders=away)  # fmt: skip
    response = TestClient(app).get("/")
    assert response.headers["content-security-policy"] == "frame-ancestors 'self'"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
