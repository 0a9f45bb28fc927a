"""API keys: X-API-Key, compared in constant time; the key's id scopes its data."""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from flask import g, request
from pydantic import SecretStr

from api.errors import ApiError
from config import key_id

API_KEY_HEADER = "X-API-Key"


def _matching_key(presented: str, keys: Iterable[SecretStr]) -> str | None:
    # Compare against every key so the time taken does not depend on which one matched.
    match = None
    for key in keys:
        secret = key.get_secret_value()
        if hmac.compare_digest(presented.encode(), secret.encode()):
            match = secret
    return match


def presented_key() -> str:
    """X-API-Key, or an OpenAI-style `Authorization: Bearer <key>` (what SDKs send)."""
    key = request.headers.get(API_KEY_HEADER, "")
    if not key:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            key = token.strip()
    return key


def require_api_key(keys: Iterable[SecretStr], *, admin: bool = False) -> str:
    """Return the caller's key id, or raise 401 (no or wrong key)."""
    presented = presented_key()
    if not presented:
        raise ApiError(401, f"missing {API_KEY_HEADER} header")
    match = _matching_key(presented, keys)
    if match is None:
        raise ApiError(401, "invalid admin API key" if admin else "invalid API key")
    g.key_id = key_id(match)
    return g.key_id


def rate_limit_key() -> str:
    """flask-limiter's bucket: the key's id (never the key), else the client address."""
    presented = presented_key()
    if presented:
        return "key:" + key_id(presented)
    return "ip:" + (request.remote_addr or "unknown")
