"""Every error leaves as JSON: {"error": {"code", "message"}, "request_id"}."""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, Response, g, jsonify
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from agents.rewind import RewindError
from agents.turn_lock import ConversationBusy
from ingestion.queue import QueueUnavailable
from knowledge.vectors.store import KnowledgeBaseError
from people.accounts import InvalidLink, NotAllowed
from people.login_limits import TooManyAttempts
from people.passwords import WeakPassword
from tenancy.crud import Conflict, NotFound
from tenancy.db import DatabaseError
from utils.checkpointer import CheckpointerError, CheckpointerUnavailable

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


class ApiError(Exception):
    """An error the client can act on; the message says what to change."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None, retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or CODES.get(status, "error")
        self.retry_after = retry_after  # seconds, sent as Retry-After


def error_response(status: int, message: str, code: str | None = None) -> Response:
    body = {
        "error": {"code": code or CODES.get(status, "error"), "message": message},
        "request_id": g.get("request_id", "-"),
    }
    response = jsonify(body)
    response.status_code = status
    return response


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "body"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


# Our exceptions, as (status, code, message; None: the exception's own message).
# Those with a fixed message keep internal details out of the response (they are logged).
DOMAIN_ERRORS: dict[type[Exception], tuple[int, str, str | None]] = {
    ConversationBusy: (409, "conversation_busy", None),
    RewindError: (409, "conflict", None),  # the conversation changed since it was checked
    NotFound: (404, "not_found", None),
    Conflict: (409, "conflict", None),
    # A subclass of CheckpointerError: Flask uses the handler of the closest class.
    CheckpointerUnavailable: (
        503, "store_unavailable", "conversation store (Redis) is unavailable; retry shortly"
    ),
    CheckpointerError: (503, "store_error", None),
    DatabaseError: (
        503, "database_unavailable", "the platform database is unavailable; retry shortly"
    ),
    KnowledgeBaseError: (503, "knowledge_base_unavailable", None),
    QueueUnavailable: (503, "queue_unavailable", None),
    InvalidLink: (400, "invalid_link", None),
    NotAllowed: (403, "forbidden", None),
    WeakPassword: (422, "weak_password", None),
}  # fmt: skip


def _domain_handler(
    status: int, code: str, fixed_message: str | None
) -> Callable[[Exception], Response]:
    def handle(exc: Exception) -> Response:
        if status >= 500:
            log.warning("%s: %s", code, exc.__cause__ or exc)
        return error_response(status, fixed_message or str(exc), code)

    return handle


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(exc: ApiError) -> Response:
        response = error_response(exc.status, exc.message, exc.code)
        if exc.retry_after is not None:
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.errorhandler(ValidationError)
    def validation_error(exc: ValidationError) -> Response:
        return error_response(422, _validation_message(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        messages = {
            404: "no such endpoint: see /openapi.json for the API",
            405: "method not allowed on this endpoint",
            413: "request body too large",
            # flask-limiter's description is the limit itself: "2 per 1 minute"
            429: f"rate limit of {exc.description} reached; retry after Retry-After seconds",
        }
        response = error_response(status, messages.get(status, exc.description or exc.name))
        if status == 405 and exc.get_response().headers.get("Allow"):
            response.headers["Allow"] = exc.get_response().headers["Allow"]
        return response

    for exception, (status, code, fixed_message) in DOMAIN_ERRORS.items():
        app.register_error_handler(exception, _domain_handler(status, code, fixed_message))

    @app.errorhandler(TooManyAttempts)
    def too_many_attempts(exc: TooManyAttempts) -> Response:
        response = error_response(429, str(exc), "too_many_attempts")
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return error_response(500, "internal error; the request id identifies it in the logs")
