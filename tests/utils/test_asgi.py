"""The ASGI body limit: per-route limits before a byte is buffered, JSON 413 with the
request id."""

from __future__ import annotations

import httpx
import pytest

from utils.asgi import MULTIPART_ALLOWANCE, body_limit, route_limits

LIMIT, UPLOAD, CHAT, AUDIO, DATA = 1024, 4096, 8192, 16384, 32768


async def echo_size(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def]
    size, more = 0, True
    while more:
        message = await receive()
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(size).encode()})


@pytest.fixture
def client() -> httpx.AsyncClient:
    limits = route_limits(upload_bytes=UPLOAD, chat_bytes=CHAT, audio_bytes=AUDIO,
                          data_source_bytes=DATA)  # fmt: skip
    app = body_limit(echo_size, max_bytes=LIMIT, limits=limits)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_a_multipart_file_of_exactly_the_upload_limit_is_accepted(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/v1/documents", "/v1/knowledge-bases/kb_1/documents"):
        response = await client.post(path, files={"file": ("a.md", b"x" * UPLOAD)})
        assert response.status_code == 200, path


async def test_over_the_limit_is_a_json_413_with_the_request_id(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/assistants", content=b"x" * (LIMIT + 1), headers={"X-Request-Id": "abc-1"}
    )
    assert response.status_code == 413
    assert response.json()["request_id"] == "abc-1" == response.headers["x-request-id"]
    assert response.json()["error"]["code"] == "payload_too_large"
    generated = await client.post(
        "/v1/knowledge-bases/kb_1/documents", content=b"x" * (UPLOAD + MULTIPART_ALLOWANCE + 1)
    )
    assert generated.status_code == 413 and len(generated.json()["request_id"]) == 32


@pytest.mark.parametrize(
    ("paths", "allowed"),
    [
        (("/v1/chat", "/v1/public/chat"), CHAT),
        (("/v1/audio", "/v1/public/audio"), AUDIO),
        (("/v1/data-sources",), DATA),  # spreadsheets: DATA_SOURCE_MAX_BYTES, not 1 MB
        (("/v1/chat/completions", "/v1/assistants"), LIMIT),
    ],
)
async def test_each_route_has_its_documented_limit(
    client: httpx.AsyncClient, paths: tuple[str, ...], allowed: int
) -> None:
    extra = 0 if allowed == LIMIT else MULTIPART_ALLOWANCE
    for path in paths:
        fits = await client.post(path, content=b"x" * (allowed + extra))
        assert fits.status_code == 200, path
        over = await client.post(path, content=b"x" * (allowed + extra + 1))
        assert over.status_code == 413, path
        assert str(allowed + extra) in over.json()["error"]["message"]
