"""Talking to one MCP server with the official SDK's client (streamable HTTP): its tools,
and one call of one tool. Every connection is checked against the outbound-address rule
first (public addresses only, unless the host is in MCP_ALLOWED_HOSTS), authenticates as
the server was registered (nothing, a bearer token, or an OAuth client-credentials
token), and ends at a deadline whatever the server does."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import httpx
import httpx2
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from utils.outbound import AddressRefused, check_outbound_url

T = TypeVar("T")
ALLOW_SETTING = "MCP_ALLOWED_HOSTS"


class ToolServerError(Exception):
    """The server could not be reached, refused us, or took too long: the message says
    which, in words a person (or the model) can act on, with no secret in it."""


@dataclass(frozen=True)
class ServerAccess:
    """How to reach one registered server. Secrets are decrypted only here, never shown."""

    id: str
    name: str
    url: str
    auth_type: str = "none"  # none | bearer | oauth_client_credentials
    secret: str | None = field(default=None, repr=False)
    token_url: str | None = None
    client_id: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    input_schema: dict[str, Any]


@dataclass(frozen=True)
class ToolResult:
    text: str
    is_error: bool


@dataclass(frozen=True)
class Reach:
    """Where and how long: the hosts the operator allows besides public ones, and the
    deadline of one exchange."""

    allowed_hosts: tuple[str, ...] = ()
    timeout_s: float = 15.0


def list_tools(access: ServerAccess, reach: Reach) -> list[ToolSpec]:
    async def work(client: Client) -> list[ToolSpec]:
        listed = await client.list_tools()
        return [
            ToolSpec(t.name, t.description or "", dict(t.input_schema or {"type": "object"}))
            for t in listed.tools
        ]

    return _run(access, reach, work)


def call_tool(
    access: ServerAccess, reach: Reach, tool: str, arguments: dict[str, Any]
) -> ToolResult:
    async def work(client: Client) -> ToolResult:
        result = await client.call_tool(tool, arguments)
        parts = [getattr(block, "text", None) for block in result.content]
        text = "\n".join(p for p in parts if p)
        if not text and result.structured_content is not None:
            text = str(result.structured_content)
        return ToolResult(text=text, is_error=bool(result.is_error))

    return _run(access, reach, work)


def _run(access: ServerAccess, reach: Reach, work: Callable[[Client], Awaitable[T]]) -> T:
    """`work` on a connection to the server, from synchronous code (a worker thread)."""
    try:
        check_outbound_url(access.url, allowed_hosts=reach.allowed_hosts,
                           allow_setting=ALLOW_SETTING)  # fmt: skip
    except AddressRefused as exc:
        raise ToolServerError(str(exc)) from exc
    headers = _auth_headers(access, reach)

    async def session() -> T:
        with anyio.fail_after(reach.timeout_s):
            async with httpx2.AsyncClient(headers=headers, timeout=reach.timeout_s) as http:
                transport = streamable_http_client(access.url, http_client=http)
                async with Client(transport, read_timeout_seconds=reach.timeout_s) as client:
                    return await work(client)

    try:
        return anyio.run(session)
    except TimeoutError as exc:
        raise ToolServerError(
            f"the MCP server {access.name!r} did not answer within {reach.timeout_s:g} s"
        ) from exc
    except ToolServerError:
        raise
    except Exception as exc:  # the SDK's and httpx2's many ways of failing
        raise ToolServerError(f"the MCP server {access.name!r} failed: {_reason(exc)}") from exc


def _reason(exc: BaseException) -> str:
    """The innermost cause, briefly (an exception group's first member)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status is not None:
        return f"HTTP {status}"
    words = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {words[0][:200]}" if words else type(exc).__name__


def _auth_headers(access: ServerAccess, reach: Reach) -> dict[str, str]:
    if access.auth_type == "bearer" and access.secret:
        return {"Authorization": f"Bearer {access.secret}"}
    if access.auth_type == "oauth_client_credentials":
        return {"Authorization": f"Bearer {_TOKENS.token(access, reach)}"}
    return {}


class _ClientCredentialTokens:
    """OAuth client-credentials tokens, asked for once and kept until shortly before they
    expire (per server)."""

    MARGIN_S = 30.0

    def __init__(self) -> None:
        self._tokens: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def token(self, access: ServerAccess, reach: Reach) -> str:
        with self._lock:
            kept = self._tokens.get(access.id)
        if kept and kept[1] > time.monotonic():
            return kept[0]
        url = access.token_url or ""
        try:
            check_outbound_url(url, allowed_hosts=reach.allowed_hosts, allow_setting=ALLOW_SETTING)
            answer = httpx.post(
                url,
                data={"grant_type": "client_credentials",
                      **({"scope": access.scope} if access.scope else {})},
                auth=(access.client_id or "", access.secret or ""),
                timeout=reach.timeout_s, follow_redirects=False,
            )  # fmt: skip
        except (AddressRefused, httpx.HTTPError) as exc:
            raise ToolServerError(f"no token for {access.name!r}: {_reason(exc)}") from exc
        if answer.status_code != 200:
            raise ToolServerError(
                f"no token for {access.name!r}: the token endpoint answered {answer.status_code}"
            )
        try:
            body = answer.json()
            token, lifetime = str(body["access_token"]), float(body.get("expires_in") or 300)
        except (ValueError, KeyError, TypeError) as exc:
            raise ToolServerError(f"no token for {access.name!r}: not an OAuth answer") from exc
        with self._lock:
            self._tokens[access.id] = (token, time.monotonic() + max(lifetime - self.MARGIN_S, 1))
        return token

    def forget(self, server_id: str) -> None:
        with self._lock:
            self._tokens.pop(server_id, None)


_TOKENS = _ClientCredentialTokens()
