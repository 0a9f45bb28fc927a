"""Serving an app over real HTTP in the test process (uvicorn on a thread), and the
official MCP SDK's client against it."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import anyio
import httpx2
import uvicorn
from flask import Flask
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from api.mcp.endpoint import with_mcp
from utils.asgi import concurrent_wsgi_to_asgi
from utils.local_redis import free_port


@contextmanager
def served(asgi_app: Any, *, lifespan: str = "off") -> Iterator[str]:
    """`asgi_app` on a free loopback port until the block ends; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            asgi_app, host="127.0.0.1", port=port, log_level="warning", lifespan=lifespan
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def served_with_mcp(app: Flask) -> Iterator[str]:
    """The app as wsgi.py serves it (Flask through asgiref, /mcp beside it)."""
    with served(with_mcp(concurrent_wsgi_to_asgi(app, threads=8), flask_app=app)) as url:
        yield url


@asynccontextmanager
async def mcp_client(url: str, credential: str | None) -> Any:
    headers = {"Authorization": f"Bearer {credential}"} if credential else {}
    async with httpx2.AsyncClient(headers=headers, timeout=60) as http:
        async with Client(streamable_http_client(f"{url}/mcp", http_client=http)) as client:
            yield client


def text_of(result: Any) -> str:
    return "\n".join(block.text for block in result.content if getattr(block, "text", None))


TOKEN = "s3cret-token-of-the-ticket-server"
CLIENT_ID, CLIENT_SECRET = "chat-service", "client-s3cret"
OAUTH_TOKEN = "issued-by-the-token-endpoint"
TICKET = "Ticket T-17: pump P3 leaks at the inlet; assigned to Rosa, due Friday."


class TicketServer:
    """A ticketing system's MCP server: one good tool, one slow, one failing; it wants a
    bearer token and counts the tool calls it served."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        mcp = MCPServer("tickets")

        @mcp.tool()
        def lookup_ticket(ticket_id: str) -> str:
            """A maintenance ticket by its id."""
            self.calls.append("lookup_ticket")
            return TICKET if ticket_id == "T-17" else f"no ticket {ticket_id}"

        @mcp.tool()
        async def shift_schedule(day: str) -> str:
            """Who is on shift on a day (a slow service)."""
            self.calls.append("shift_schedule")
            await anyio.sleep(30)
            return "Rosa and Jon"

        @mcp.tool()
        def spare_parts(part: str) -> str:
            """Spare parts in stock (its database is down)."""
            self.calls.append("spare_parts")
            raise ToolError("the inventory database is down")

        inner = mcp.streamable_http_app(stateless_http=True, json_response=True)

        async def app(scope: dict, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                headers = dict(scope.get("headers") or [])
                if scope["path"] == "/token":  # its OAuth client-credentials endpoint
                    await self.token_endpoint(headers, receive, send)
                    return
                given = headers.get(b"authorization", b"").decode()
                if given not in (f"Bearer {TOKEN}", f"Bearer {OAUTH_TOKEN}"):
                    await respond(send, 401, b"")
                    return
            await inner(scope, receive, send)

        self.app = app
        self.token_requests: list[str] = []

    async def token_endpoint(self, headers: dict, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.token_requests.append(body.decode())
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if headers.get(b"authorization", b"").decode() != expected:
            await respond(send, 401, b'{"error": "invalid_client"}')
            return
        issued = {"access_token": OAUTH_TOKEN, "token_type": "bearer", "expires_in": 3600}
        await respond(send, 200, json.dumps(issued).encode())


async def respond(send: Any, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json")]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
