"""asgiref's WsgiToAsgi, made to serve requests concurrently, and an ASGI body limit.

asgiref runs every WSGI call through `sync_to_async` with `thread_sensitive=True`: one
thread per process, so a worker would serve one request at a time. Here each call gets a
thread from a pool sized by the THREADS setting.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import sync_to_async
from asgiref.wsgi import WsgiToAsgi, WsgiToAsgiInstance

Scope = dict[str, Any]


def concurrent_wsgi_to_asgi(wsgi_app: Any, *, threads: int) -> WsgiToAsgi:
    executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="request")
    run_in_pool = sync_to_async(
        WsgiToAsgiInstance.__dict__["run_wsgi_app"].func,
        thread_sensitive=False,
        executor=executor,
    )

    class PooledInstance(WsgiToAsgiInstance):
        run_wsgi_app = run_in_pool

    class PooledWsgiToAsgi(WsgiToAsgi):
        async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
            if scope["type"] == "lifespan":
                await _lifespan(receive, send)
                return
            await PooledInstance(self.wsgi_application, self.duplicate_header_limit)(
                scope, receive, send
            )

    return PooledWsgiToAsgi(wsgi_app)


async def _lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def body_limit(
    app: Any,
    *,
    max_bytes: int,
    upload_bytes: int | None = None,
    upload_prefix: str = "/v1/documents",
) -> Any:
    """Reject bodies over the limit with a JSON 413 before they are buffered (uploads
    under `upload_prefix` get `upload_bytes`).

    asgiref reads the whole body before Flask sees the request, so Flask's own limit
    would only apply after the bytes are in memory (or a temp file).
    """

    async def limited(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        limit = max_bytes
        if upload_bytes and scope.get("path", "").startswith(upload_prefix):
            limit = upload_bytes
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send, limit)
            return
        received = 0

        async def counting_receive() -> dict:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _BodyTooLarge
            return message

        try:
            await app(scope, counting_receive, send)
        except _BodyTooLarge:
            await _too_large(send, limit)

    return limited


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Any, max_bytes: int) -> None:
    body = json.dumps(
        {
            "error": {
                "code": "payload_too_large",
                "message": f"request body exceeds {max_bytes} bytes",
            },
            "request_id": "-",
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
