"""asgiref's WsgiToAsgi, made to serve requests concurrently, and an ASGI body limit.

asgiref runs every WSGI call through `sync_to_async` with `thread_sensitive=True`: one
thread per process, so a worker would serve one request at a time. Here each call gets a
thread from a pool sized by the THREADS setting.
"""

from __future__ import annotations

import json
import re
import uuid
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


# Routes with limits of their own: document uploads, questions with attached files,
# recordings. Everything else has the plain request limit.
UPLOAD_PATHS = re.compile(r"^/v1/(documents|knowledge-bases/[^/]+/documents)$")
CHAT_PATHS = re.compile(r"^/v1/(public/)?chat$")
AUDIO_PATHS = re.compile(r"^/v1/(public/)?audio$")
DATA_SOURCE_PATHS = re.compile(r"^/v1/data-sources$")
# A multipart body holds a file of exactly the upload limit plus its framing.
MULTIPART_ALLOWANCE = 64 * 1024
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def route_limits(
    *, upload_bytes: int, chat_bytes: int, audio_bytes: int, data_source_bytes: int
) -> tuple[tuple[re.Pattern[str], int], ...]:
    """The routes whose bodies may be larger than a plain request, with their limits
    (multipart framing allowed on top of the file limits)."""
    return (
        (UPLOAD_PATHS, upload_bytes + MULTIPART_ALLOWANCE),
        (CHAT_PATHS, chat_bytes + MULTIPART_ALLOWANCE),
        (AUDIO_PATHS, audio_bytes + MULTIPART_ALLOWANCE),
        (DATA_SOURCE_PATHS, data_source_bytes + MULTIPART_ALLOWANCE),
    )


def body_limit(
    app: Any, *, max_bytes: int, limits: tuple[tuple[re.Pattern[str], int], ...] = ()
) -> Any:
    """Reject bodies over the limit with a JSON 413 before they are buffered (a route
    matching one of `limits` gets that limit instead).

    asgiref reads the whole body before Flask sees the request, so Flask's own limit
    would only apply after the bytes are in memory (or a temp file).
    """

    async def limited(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = next((most for route, most in limits if route.match(path)), max_bytes)
        headers = dict(scope.get("headers") or [])
        request_id = request_id_of(headers.get(b"x-request-id", b"").decode("latin-1"))
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send, limit, request_id)
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
            await _too_large(send, limit, request_id)

    return limited


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Any, max_bytes: int, request_id: str) -> None:
    message = f"request body exceeds {max_bytes} bytes"
    await json_error(send, 413, "payload_too_large", message, request_id=request_id)


def request_id_of(supplied: str) -> str:
    """The client's X-Request-Id when it is a plain token, else a new one."""
    return supplied if REQUEST_ID.match(supplied) else uuid.uuid4().hex


async def json_error(
    send: Any,
    status: int,
    code: str,
    message: str,
    *,
    request_id: str,
    headers: tuple[tuple[bytes, bytes], ...] = (),
) -> None:
    """An error response written straight to ASGI (before Flask runs), shaped as the
    API's own errors: {"error": {"code", "message"}, "request_id"}."""
    body = json.dumps(
        {"error": {"code": code, "message": message}, "request_id": request_id}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
                (b"x-content-type-options", b"nosniff"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
