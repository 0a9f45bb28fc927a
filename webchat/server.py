"""What the web chat's server adds to Streamlit (`web_chat.py` runs it as an ASGI app):

- the two routes that keep a sign-in in an HttpOnly cookie (webchat/signin.py), and
- headers that let no other site frame the page, except the sites the operator allowed
  to embed a public assistant (its `allowed_origins`)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from utils.api_client import ApiClient, ApiClientError
from webchat.signin import COOKIE, SIGNIN_PATH, SIGNOUT_PATH, SignInSeal

ORIGIN = re.compile(r"^https?://[^/\s;,']+$")
ANCESTORS_REFRESH_S = 60.0


def signin_routes(seal: SignInSeal) -> list[Route]:
    async def sign_in(request: Request) -> Response:
        """Trade the page's grant for the cookie (its sign-in, sealed for longer)."""
        try:
            body = await request.json()
        except ValueError:
            body = None
        grant = seal.open(body.get("grant") if isinstance(body, dict) else None, "grant")
        if grant is None:
            return JSONResponse({"error": "this sign-in has expired: sign in again"}, 400)
        response = JSONResponse({"signed_in": True})
        response.set_cookie(
            COOKIE, seal.seal(grant, "signin"), max_age=seal.signin_seconds, path="/",
            httponly=True, samesite="lax", secure=request.url.scheme == "https",
        )  # fmt: skip
        return response

    async def sign_out(_request: Request) -> Response:
        response = JSONResponse({"signed_in": False})
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")
        return response

    return [
        Route(SIGNIN_PATH, sign_in, methods=["POST"]),
        Route(SIGNOUT_PATH, sign_out, methods=["POST"]),
    ]


class FrameGuard:
    """ASGI middleware: every page and file says who may frame it (CSP frame-ancestors,
    and X-Frame-Options where no other site may) and sends no referrer elsewhere."""

    def __init__(self, app: Any, *, embedders: Callable[[], list[str]]) -> None:
        self.app = app
        self.embedders = embedders
        self._origins: list[str] = []
        self._fetched_at = -ANCESTORS_REFRESH_S
        self._refreshing: anyio.Lock | None = None  # made on the server's event loop

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origins = await self._allowed()

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += frame_headers(origins)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _allowed(self) -> list[str]:
        if time.monotonic() - self._fetched_at < ANCESTORS_REFRESH_S:
            return self._origins
        if self._refreshing is None:
            self._refreshing = anyio.Lock()
        # Requests that arrive while the list is fetched wait for it: answering them
        # from the old (at start, empty) list would refuse an allowed site its frame.
        async with self._refreshing:
            if time.monotonic() - self._fetched_at >= ANCESTORS_REFRESH_S:
                try:
                    self._origins = await anyio.to_thread.run_sync(self.embedders)
                    self._fetched_at = time.monotonic()
                except ApiClientError:
                    # The API is away: keep what was allowed, ask again in a few seconds.
                    self._fetched_at = time.monotonic() - ANCESTORS_REFRESH_S + 5
        return self._origins


def frame_headers(origins: list[str]) -> list[tuple[bytes, bytes]]:
    ancestors = " ".join(["'self'", *sorted(o for o in set(origins) if ORIGIN.match(o))])
    if "*" in origins:
        ancestors = "*"
    headers = [
        (b"content-security-policy", f"frame-ancestors {ancestors}".encode()),
        (b"referrer-policy", b"same-origin"),
        (b"x-content-type-options", b"nosniff"),
    ]
    if ancestors == "'self'":  # older browsers know only this one
        headers.append((b"x-frame-options", b"SAMEORIGIN"))
    return headers


def public_embedders(api_url: str, key: str) -> Callable[[], list[str]]:
    """The origins allowed to embed the deployment's public assistants, from the API (the
    list is the web chat's own: `key`, its guest key, says so)."""

    def fetch() -> list[str]:
        api = ApiClient(api_url, guest_key=key)
        try:
            return [o for a in api.assistants() for o in a.get("allowed_origins") or []]
        finally:
            api.close()

    return fetch
