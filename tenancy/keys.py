"""API keys: made, hashed and resolved to the caller they stand for.

A key is `gc_live_` + 32 random bytes. Only its SHA-256 (enough for a key of that
entropy) and a short visible prefix are stored. Resolution is cached per worker for
KEY_CACHE_SECONDS (under a second), so revoking or expiring a key takes effect on every
worker within a second without a database query per request.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from tenancy.db import Database
from tenancy.models import DEFAULT_ASSISTANT_ID, DEFAULT_ORG_ID, ApiKey, utcnow

KEY_PREFIX = "gc_live_"
VISIBLE_CHARS = len(KEY_PREFIX) + 4
LAST_USED_EVERY = timedelta(minutes=1)
CACHE_LIMIT = 10_000


@dataclass(frozen=True)
class Caller:
    """Who is calling: the organisation every request acts inside, and what it may do."""

    org_id: str
    key_id: str
    prefix: str
    scopes: frozenset[str]
    assistant_ids: tuple[str, ...] | None  # None: every assistant of the organisation
    rate_limit: str | None
    platform_admin: bool = False
    # Keys from API_KEYS keep their conversations under the ids earlier versions used.
    legacy_owner: str | None = None
    # A person signed in (an access token) rather than a key: who, with which role, and
    # the platform administrator acting as them, if one is.
    user_id: str | None = None
    role: str | None = None
    impersonator: str | None = None
    sign_in: str | None = None  # the person's sign-in (its refresh family), for signing out

    def has(self, scope: str) -> bool:
        return "admin" in self.scopes or scope in self.scopes

    def may_use(self, assistant_id: str) -> bool:
        return self.assistant_ids is None or assistant_id in self.assistant_ids


def make_key() -> tuple[str, str, str]:
    """A new key: (key, its hash, its visible prefix)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    return key, hash_key(key), key[:VISIBLE_CHARS]


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def legacy_key_id(key: str) -> str:
    """The id that API_KEYS keys had before managed keys (scopes their conversations)."""
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class KeyResolver:
    def __init__(
        self,
        db: Database,
        *,
        settings_keys: list[str],
        admin_keys: list[str],
        cache_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.db = db
        self._settings_keys = [k.encode() for k in settings_keys]
        self._admin_keys = [k.encode() for k in admin_keys]
        self.cache_seconds = cache_seconds
        self._clock = clock
        self._cache: dict[str, tuple[float, Caller | None]] = {}
        self._last_used: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def resolve(self, presented: str) -> Caller | None:
        """The caller for a presented key, or None (unknown, revoked or expired)."""
        if not presented:
            return None
        static = self._static(presented)
        if static is not None:
            return static
        return self.resolve_digest(hash_key(presented))

    def resolve_digest(self, digest: str) -> Caller | None:
        """The caller of a key known only by its SHA-256 (a web-chat session keeps that,
        never the key): still None once the key is revoked or expired."""
        for static in (*self._admin_keys, *self._settings_keys):
            if hmac.compare_digest(hash_key(static.decode()), digest):
                return self._static(static.decode())
        now = self._clock()
        cached = self._cache.get(digest)
        if cached is not None and now - cached[0] < self.cache_seconds:
            return cached[1]
        caller = self._load(digest)
        with self._lock:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[digest] = (now, caller)
        if caller is not None:
            self._touch(caller.key_id)
        return caller

    def _static(self, presented: str) -> Caller | None:
        # Compared against every key so the time taken does not say which one matched.
        raw = presented.encode()
        admin = any([hmac.compare_digest(raw, k) for k in self._admin_keys])
        chat = any([hmac.compare_digest(raw, k) for k in self._settings_keys])
        if admin:
            return Caller(
                org_id=DEFAULT_ORG_ID,
                key_id="platform:" + legacy_key_id(presented),
                prefix="(ADMIN_API_KEYS)",
                scopes=frozenset({"admin"}),
                assistant_ids=None,
                rate_limit=None,
                platform_admin=True,
            )
        if chat:
            owner = legacy_key_id(presented)
            return Caller(
                org_id=DEFAULT_ORG_ID,
                key_id="settings:" + owner,
                prefix="(API_KEYS)",
                scopes=frozenset({"chat"}),
                assistant_ids=(DEFAULT_ASSISTANT_ID,),
                rate_limit=None,
                legacy_owner=owner,
            )
        return None

    def _load(self, digest: str) -> Caller | None:
        with self.db.session() as session:
            key = session.scalar(select(ApiKey).where(ApiKey.key_hash == digest))
            if key is None or key.revoked_at is not None:
                return None
            if key.expires_at is not None and key.expires_at <= utcnow():
                return None
            return Caller(
                org_id=key.org_id,
                key_id=key.id,
                prefix=key.prefix,
                scopes=frozenset(key.scopes),
                assistant_ids=tuple(key.assistant_ids) if key.assistant_ids is not None else None,
                rate_limit=key.rate_limit,
            )

    def _touch(self, key_id: str) -> None:
        """Record last use, at most once a minute per key per worker (no write per request)."""
        now = utcnow()
        last = self._last_used.get(key_id)
        if last is not None and now - last < LAST_USED_EVERY:
            return
        self._last_used[key_id] = now
        with self.db.session() as session:
            session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=now))

    def forget(self) -> None:
        """Drop the cache (this worker's revocations take effect at once)."""
        with self._lock:
            self._cache.clear()
