"""Request parsing shared by the views: JSON bodies and ids, with errors that say what
to change."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import current_app, request
from pydantic import ValidationError

from api.errors import ApiError
from api.schemas import ConversationId

CONVERSATION_HEADER = "X-Conversation-Id"
IDEMPOTENCY_HEADER = "Idempotency-Key"
# A JSON escape of a UTF-16 surrogate: the only way a body can carry a lone one.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# Dates the service can compute with (bucketing, day ends, default windows) and store.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 1, 1, tzinfo=UTC)
LARGEST_ID = 2**63 - 1


def json_body(limit: int | None = None) -> dict[str, Any]:
    """The request's JSON object, or a 413/415/400/422 that says what was wrong."""
    limit = limit or current_app.config["SETTINGS"].max_request_bytes
    if (request.content_length or 0) > limit:
        raise ApiError(413, f"request body exceeds {limit} bytes")
    if not request.is_json:
        raise ApiError(415, "send a JSON body with Content-Type: application/json")
    try:
        body = json.loads(request.get_data(cache=True))
    except RecursionError as exc:  # json.loads recurses once per level of [ or {
        raise ApiError(400, "the JSON body is nested too deeply") from exc
    except ValueError as exc:
        raise ApiError(400, "the request body is not valid JSON") from exc
    if not isinstance(body, dict):
        kind = "null" if body is None else type(body).__name__
        raise ApiError(422, f"the JSON body must be an object, not {kind}")
    if SURROGATE_ESCAPE.search(request.get_data(cache=True)):
        _refuse_lone_surrogates(body)
    return body


def _refuse_lone_surrogates(value: Any, path: str = "body") -> None:
    """422 for text that is not valid Unicode (a lone surrogate escaped as \\ud800): it
    could be neither stored nor sent on. A surrogate pair decodes to one character."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ApiError(
                422, f"{path}: the text holds a lone surrogate ({value[exc.start]!r}): "
                "send valid Unicode", code="validation_error",
            ) from exc  # fmt: skip
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_lone_surrogates(key, path)
            _refuse_lone_surrogates(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_lone_surrogates(item, f"{path}[{index}]")


def form_flag(value: str) -> bool:
    """A multipart form's yes/no field."""
    return value.lower() in ("1", "true", "yes", "on")


def conversation_id_from(value: str | None, *, source: str) -> str:
    if not value:
        raise ApiError(400, f"missing {source}")
    try:
        return ConversationId(conversation_id=value).conversation_id
    except ValidationError as exc:
        raise ApiError(
            400, f"invalid {source}: use 1-128 characters of A-Z a-z 0-9 . _ : -"
        ) from exc


def existing_conversation_id(conversation_id: str) -> str:
    """A path id that could never have been created names no conversation: 404."""
    try:
        return ConversationId(conversation_id=conversation_id).conversation_id
    except ValidationError as exc:
        raise ApiError(404, "no such conversation (never started, deleted or expired)") from exc


def idempotency_key() -> str | None:
    """The Idempotency-Key header: a retry with the same key gets the first reply."""
    value = request.headers.get(IDEMPOTENCY_HEADER)
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z0-9._:-]{1,128}", value):
        raise ApiError(
            400, f"invalid {IDEMPOTENCY_HEADER}: use 1-128 characters of A-Z a-z 0-9 . _ : -"
        )
    return value


def time_range(*, default_days: int) -> tuple[datetime, datetime]:
    """`?from=&to=` (ISO dates or date-times, UTC when no zone is given): the last
    `default_days` days up to now by default; `to` is exclusive, a bare date includes
    its whole day."""
    until = _moment("to", end_of_day=True) or datetime.now(UTC)
    since = _moment("from", end_of_day=False) or max(until - timedelta(days=default_days), EARLIEST)
    if since >= until:
        raise ApiError(400, "`from` must be earlier than `to`")
    return since, until


def _moment(name: str, *, end_of_day: bool) -> datetime | None:
    value = request.args.get(name)
    if not value:
        return None
    try:
        # An unencoded "+" of a zone offset arrives as a space.
        moment = datetime.fromisoformat(value.replace(" ", "+"))
    except ValueError as exc:
        raise ApiError(400, f"`{name}` must be an ISO date or date-time, like 2026-11-23") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    out_of_range = ApiError(400, f"`{name}` must be between 1970-01-01 and 9998-12-31")
    try:
        moment = moment.astimezone(UTC)
    except OverflowError as exc:  # 0001-01-01T00:00+01:00: before the first representable time
        raise out_of_range from exc
    if not EARLIEST <= moment < LATEST:
        raise out_of_range
    if end_of_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        moment += timedelta(days=1)
    return moment


def id_cursor(name: str) -> int | None:
    """A paging cursor that is an entry id: a whole number that fits the database."""
    value = request.args.get(name)
    if not value:
        return None
    if not value.isdigit() or not 0 < int(value) <= LARGEST_ID:
        raise ApiError(400, f"`{name}` must be a whole number from 1 to {LARGEST_ID}")
    return int(value)


def page_size(default: int = 100, most: int = 1000) -> int:
    """`?limit=`: how many entries a listing returns, 1 to `most`."""
    value = request.args.get("limit")
    if value is None:
        return default
    if not value.isdigit() or not 1 <= int(value) <= most:
        raise ApiError(400, f"`limit` must be a whole number from 1 to {most}")
    return int(value)


def choice(name: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
    """A query parameter that must be one of `allowed` (400 naming them otherwise)."""
    value = request.args.get(name, default)
    if value is not None and value not in allowed:
        raise ApiError(400, f"`{name}` must be one of: {', '.join(allowed)}")
    return value
