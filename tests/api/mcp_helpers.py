"""Serving an app over real HTTP in the test process (uvicorn on a thread), and the
official MCP SDK's client against it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx2
import uvicorn
from flask import Flask
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

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
