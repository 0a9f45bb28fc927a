"""CORS per assistant: a browser on an origin an assistant lists in `allowed_origins`
may call the chat routes for that assistant.

A preflight carries neither the key nor the assistant, so it is answered for any
origin some assistant allows; the real request then gets Access-Control-Allow-Origin
only when the assistant it was for allows that origin (else the browser blocks it).
"""

from __future__ import annotations

import threading
import time

from flask import Flask, Response, g, request
from sqlalchemy import select

from api.deps import get_services
from tenancy.models import Assistant

ORIGINS_CACHE_SECONDS = 5.0
ALLOW_HEADERS = (
    "Content-Type, Authorization, X-API-Key, X-Conversation-Id, X-Assistant-Id, "
    "X-Visitor-Id, Idempotency-Key, X-Request-Id"
)


class OriginsCache:
    def __init__(self) -> None:
        self._value: tuple[float, frozenset[str]] | None = None
        self._lock = threading.Lock()

    def get(self) -> frozenset[str]:
        now = time.monotonic()
        if self._value is None or now - self._value[0] > ORIGINS_CACHE_SECONDS:
            with get_services().db.session() as session:
                rows = session.scalars(select(Assistant.allowed_origins)).all()
            with self._lock:
                self._value = (now, frozenset(o for origins in rows for o in origins))
        return self._value[1]


def install_assistant_cors(app: Flask, *, expose: list[str]) -> None:
    origins = OriginsCache()

    @app.after_request
    def assistant_cors(response: Response) -> Response:
        origin = request.headers.get("Origin")
        if not origin or "Access-Control-Allow-Origin" in response.headers:
            return response
        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            allowed = origins.get()
            if origin in allowed or "*" in allowed:
                response.headers["Access-Control-Allow-Origin"] = origin
                response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
                response.headers["Access-Control-Allow-Methods"] = "GET, POST, DELETE, OPTIONS"
                response.headers["Access-Control-Max-Age"] = "600"
                response.headers["Vary"] = "Origin"
            return response
        assistant = g.get("assistant")
        # A public route that found no assistant (an unknown id: a widget's bad attribute)
        # is read like a preflight, so the widget can say what is wrong.
        unresolved = assistant is None and request.path.startswith("/v1/public/")
        if (unresolved and (origin in origins.get() or "*" in origins.get())) or (
            assistant is not None
            and (origin in assistant.allowed_origins or "*" in assistant.allowed_origins)
        ):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = ", ".join(expose)
            response.headers["Vary"] = "Origin"
        return response
