"""Every error leaves as JSON: {"error": {"code", "message"}, "request_id"}."""

from __future__ import annotations

import logging

from flask import Flask, Response, g, jsonify
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from agents.turn_lock import ConversationBusy
from knowledge.store import KnowledgeBaseError
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

    def __init__(self, status: int, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or CODES.get(status, "error")


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


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(exc: ApiError) -> Response:
        return error_response(exc.status, exc.message, exc.code)

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
        }
        response = error_response(status, messages.get(status, exc.description or exc.name))
        if status == 405 and exc.get_response().headers.get("Allow"):
            response.headers["Allow"] = exc.get_response().headers["Allow"]
        return response

    @app.errorhandler(ConversationBusy)
    def busy(exc: ConversationBusy) -> Response:
        return error_response(409, str(exc), "conversation_busy")

    @app.errorhandler(CheckpointerUnavailable)
    def redis_down(exc: CheckpointerUnavailable) -> Response:
        log.warning("conversation store unavailable: %s", exc)
        return error_response(
            503, "conversation store (Redis) is unavailable; retry shortly", "store_unavailable"
        )

    @app.errorhandler(CheckpointerError)
    def redis_error(exc: CheckpointerError) -> Response:
        log.error("conversation store error: %s", exc)
        return error_response(503, str(exc), "store_error")

    @app.errorhandler(NotFound)
    def not_found(exc: NotFound) -> Response:
        return error_response(404, str(exc))

    @app.errorhandler(Conflict)
    def conflict(exc: Conflict) -> Response:
        return error_response(409, str(exc))

    @app.errorhandler(DatabaseError)
    def database_error(exc: DatabaseError) -> Response:
        log.error("platform database error: %s", exc.__cause__ or exc)
        return error_response(
            503, "the platform database is unavailable; retry shortly", "database_unavailable"
        )

    @app.errorhandler(KnowledgeBaseError)
    def knowledge_base_error(exc: KnowledgeBaseError) -> Response:
        log.error("knowledge base error: %s", exc)
        return error_response(503, str(exc), "knowledge_base_unavailable")

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return error_response(500, "internal error; the request id identifies it in the logs")
