"""A local OpenAI-compatible HTTP server standing in for the LLM (the only thing tests fake).

It speaks real HTTP: /v1/models and /v1/chat/completions (JSON or SSE streaming), records
every request, and can be told to time out, fail with 500, send malformed JSON or refuse
the key.
"""

from __future__ import annotations

import json
import re
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any

from stubs.server import LocalServer, QuietHandler

# A reply is the answer's text, or a list of tool calls: [{"name": ..., "arguments": {...}}]
# (arguments given as a string are sent as written, e.g. to send broken JSON).
Reply = Callable[[dict[str, Any]], "str | list[dict[str, Any]]"]


EMBEDDING_SIZE = 64


def embeddings(request: dict[str, Any]) -> dict[str, Any]:
    """/v1/embeddings: a stand-in model, each text a hashed bag of its words (texts that
    share words come out close), in OpenAI's response shape."""
    texts = request.get("input") or []
    texts = [texts] if isinstance(texts, str) else texts
    data = []
    for n, text in enumerate(texts):
        vector = [0.0] * EMBEDDING_SIZE
        for word in re.findall(r"\w+", str(text).lower()):
            vector[zlib.crc32(word.encode()) % EMBEDDING_SIZE] += 1.0
        data.append({"object": "embedding", "index": n, "embedding": vector})
    usage = {"prompt_tokens": 0, "total_tokens": 0}
    return {"object": "list", "data": data, "model": request.get("model"), "usage": usage}


def default_reply(request: dict[str, Any]) -> str:
    return "The service is started with `make run` [1]."


@dataclass
class LLMStub(LocalServer):
    api_key: str = "sk-test"
    # ok | timeout | error500 | malformed | no_tools (a 400 for any request offering tools)
    behaviour: str = "ok"
    reply: Reply = default_reply
    delay_s: float = 5.0
    token_delay_s: float = 0.0  # between streamed words: a model that takes its time
    first_token_s: float = 0.0  # before the first byte of any answer: the model's latency
    requests: list[dict[str, Any]] = field(default_factory=list)
    streamed_words: int = 0  # written to clients that were still reading
    server: ThreadingHTTPServer | None = None

    def start(self) -> LLMStub:
        stub = self

        class Handler(QuietHandler):
            def _authorised(self) -> bool:
                if self.headers.get("Authorization") == f"Bearer {stub.api_key}":
                    return True
                self._json(401, {"error": {"message": "invalid api key", "type": "auth"}})
                return False

            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self._authorised():
                    self._json(
                        200, {"object": "list", "data": [{"id": "stub-model", "object": "model"}]}
                    )

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                stub.requests.append(body)
                if not self._authorised():
                    return
                if stub.behaviour == "timeout":
                    time.sleep(stub.delay_s)
                if stub.behaviour == "no_tools" and body.get("tools"):
                    self._json(400, {"error": {"message": "tools are not supported"}})
                    return
                if stub.behaviour == "error500":
                    self._json(500, {"error": {"message": "upstream exploded"}})
                    return
                if stub.behaviour == "malformed":
                    data = b'{"choices": [ this is not json'
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if self.path.rstrip("/").endswith("/embeddings"):
                    self._json(200, embeddings(body))
                    return
                text = stub.reply(body)
                time.sleep(stub.first_token_s)
                if isinstance(text, list):
                    self._tool_calls(text, stream=bool(body.get("stream")))
                elif body.get("stream"):
                    self._stream(text)
                else:
                    self._json(200, completion(text))

            def _tool_calls(self, calls: list[dict[str, Any]], *, stream: bool) -> None:
                made = tool_calls(calls)
                if not stream:
                    self._json(200, completion(None, made))
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                delta = [{**c, "index": i} for i, c in enumerate(made)]
                chunks = [
                    {"index": 0, "delta": {"role": "assistant", "tool_calls": delta},
                     "finish_reason": None},
                    {"index": 0, "delta": {}, "finish_reason": "tool_calls"},
                ]  # fmt: skip
                for choice in chunks:
                    chunk = {"id": "stub", "object": "chat.completion.chunk", "created": 0,
                             "model": "stub-model", "choices": [choice]}  # fmt: skip
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _stream(self, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = text.split(" ")
                for i, word in enumerate(words):
                    piece = word + (" " if i < len(words) - 1 else "")
                    chunk = {
                        "id": "stub", "object": "chat.completion.chunk", "created": 0,
                        "model": "stub-model",
                        "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                    }  # fmt: skip
                    try:
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    except OSError:  # the client closed the stream: generate no more
                        return
                    stub.streamed_words += 1
                    time.sleep(stub.token_delay_s)
                end = {
                    "id": "stub", "object": "chat.completion.chunk", "created": 0,
                    "model": "stub-model",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }  # fmt: skip
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self.serve(Handler)
        return self

    def chat_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if "messages" in r]


def tool_calls(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"call_{n}",
            "type": "function",
            "function": {
                "name": call["name"],
                "arguments": call["arguments"]
                if isinstance(call["arguments"], str)
                else json.dumps(call["arguments"]),
            },
        }
        for n, call in enumerate(calls)
    ]


def completion(text: str | None, calls: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if calls:
        message["tool_calls"] = calls
    return {
        "id": "stub",
        "object": "chat.completion",
        "created": 0,
        "model": "stub-model",
        "choices": [
            {"index": 0, "message": message, "finish_reason": "tool_calls" if calls else "stop"}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
