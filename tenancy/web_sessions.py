"""Single sign-on into the web chat: an organisation's backend asks for a sign-in link
for one of its users; the link's token is single-use and short-lived, and redeeming it
opens a web-chat session (a second token) scoped to that user of that assistant. Both
live in Redis under digests of the tokens; neither holds the organisation's key, only
the key's digest, so revoking the key ends its sessions too."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any

import redis.exceptions

from utils.checkpointer import translate_error


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class WebSessions:
    def __init__(
        self, client: Any, prefix: str, *, link_seconds: int, session_seconds: int
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.link_seconds = link_seconds
        self.session_seconds = session_seconds

    def issue_link(self, grant: dict[str, Any]) -> str:
        """A single-use sign-in token for `grant` (org, key digest, assistant, user...)."""
        token = secrets.token_urlsafe(32)
        self._call("set", self._key("link", token), json.dumps(grant), ex=self.link_seconds)
        return token

    def redeem(self, link_token: str) -> tuple[str, dict[str, Any]] | None:
        """Consume a sign-in token (atomically: a replay finds nothing) and open a session:
        (session token, grant), or None for an unknown, expired or used token."""
        raw = self._call("getdel", self._key("link", link_token))
        if raw is None:
            return None
        grant = json.loads(raw)
        session = secrets.token_urlsafe(32)
        self._call("set", self._key("session", session), raw, ex=self.session_seconds)
        return session, grant

    def session(self, session_token: str) -> dict[str, Any] | None:
        raw = self._call("get", self._key("session", session_token))
        return json.loads(raw) if raw is not None else None

    def _key(self, kind: str, token: str) -> str:
        return f"{self.prefix}:sso:{kind}:{_digest(token)}"

    def _call(self, command: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, command)(*args, **kwargs)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc
