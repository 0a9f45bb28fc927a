"""Server-Sent Events: turn a service's event iterator into a streaming response.

The first event is pulled before the response starts, so a failure before any output
(Redis down, conversation busy) is still an ordinary JSON error with its status code.
Failures after that are sent as a final `error` event.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any

from flask import Response, g, stream_with_context

from api.errors import CODES

log = logging.getLogger(__name__)

Event = tuple[str, Any]


def wants_event_stream(accept: str) -> bool:
    return "text/event-stream" in accept


def format_event(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def sse_response(
    events: Iterable[Event], render: Callable[[str, Any], str] = format_event
) -> Response:
    iterator = iter(events)
    first = next(iterator, None)  # raises here, before any byte is sent
    request_id = g.get("request_id", "-")

    def body() -> Iterator[str]:
        try:
            for event, data in chain([first] if first else [], iterator):
                yield render(event, data)
        except Exception as exc:  # the status line is gone: report in-band
            log.exception("stream failed")
            status = getattr(exc, "status", 500)
            yield render(
                "error",
                {
                    "error": {"code": CODES.get(status, "error"), "message": str(exc) or "error"},
                    "request_id": request_id,
                },
            )

    response = Response(stream_with_context(body()), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
