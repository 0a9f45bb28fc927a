"""`/mcp`: the Model Context Protocol over streamable HTTP, beside the Flask app in the
same ASGI application (wsgi.py). Every HTTP request is authenticated on its own, with
`Authorization: Bearer <API key or access token>` (a key revoked mid-session is refused
at its next request), and served statelessly with JSON answers, so any worker of any
process can take any request."""

from __future__ import annotations

import logging
import time
from typing import Any

import anyio.to_thread
from flask import Flask
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings

from api.deps import SERVICES_EXTENSION, caller_of_credential
from api.mcp.gateway import Gateway, McpCaller
from api.mcp.server import CALLER_STATE, build_server
from utils.asgi import json_error, request_id_of
from utils.logging import request_id_var

log = logging.getLogger("app.mcp")

MCP_PATH = "/mcp"
Scope = dict[str, Any]


def with_mcp(inner: Any, *, flask_app: Flask, version: str = "1") -> Any:
    """`inner` (the Flask app as ASGI) with the MCP endpoint at /mcp."""
    server = build_server(Gateway(flask_app), name="rag-chat", version=version)
    services = flask_app.extensions[SERVICES_EXTENSION]

    async def app(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("path", "").rstrip("/") != MCP_PATH:
            await inner(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        request_id = request_id_of(headers.get(b"x-request-id", b"").decode("latin-1"))
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status: list[int] = [0]

        async def tagged_send(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                sent = message.get("headers", [])
                if not any(name == b"x-request-id" for name, _ in sent):
                    sent = [*sent, (b"x-request-id", request_id.encode())]
                message = {**message, "headers": sent}
            await send(message)

        try:
            credential = presented(headers)
            caller = (
                await anyio.to_thread.run_sync(caller_of_credential, services(), credential)
                if credential
                else None
            )
            if caller is None:
                why = "invalid API key or access token (unknown, revoked or expired)"
                await unauthorized(tagged_send, why if credential else MISSING, request_id)
                return
            client = scope.get("client") or ("unknown", 0)
            scope.setdefault("state", {})[CALLER_STATE] = McpCaller(
                credential=credential, remote_addr=client[0], request_id=request_id,
                org_id=caller.org_id, key_id=caller.key_id, prefix=caller.prefix,
            )  # fmt: skip
            # One manager per request: stateless, it keeps nothing between requests, and
            # needs no ASGI lifespan from the server running it.
            manager = StreamableHTTPSessionManager(
                app=server, json_response=True, stateless=True,
                security_settings=TransportSecuritySettings(enable_dns_rebinding_protection=False),
            )  # fmt: skip
            async with manager.run():
                await manager.handle_request(scope, receive, tagged_send)
        finally:
            log.info(
                "request",
                extra={"method": scope.get("method"), "route": MCP_PATH, "status": status[0],
                       "duration_ms": round((time.perf_counter() - started) * 1000, 1)},
            )  # fmt: skip
            request_id_var.reset(token)

    return app


MISSING = "missing credentials: send Authorization: Bearer <API key or access token>"


def presented(headers: dict[bytes, bytes]) -> str:
    scheme, _, value = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return headers.get(b"x-api-key", b"").decode("latin-1").strip()


async def unauthorized(send: Any, message: str, request_id: str) -> None:
    challenge = ((b"www-authenticate", b'Bearer realm="mcp"'),)
    await json_error(send, 401, "unauthorized", message, request_id=request_id, headers=challenge)
