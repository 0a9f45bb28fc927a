"""Sign-in attempts limited in Redis (every worker counts together): per client address
(every attempt) and per account (failed attempts), each over a sliding-enough fixed
window. An argon2id check costs tens of milliseconds of a core: the limits keep
password guessing and login floods from becoming a CPU hole."""

from __future__ import annotations

import hashlib
from typing import Any


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many sign-in attempts; retry after {retry_after} seconds")
        self.retry_after = retry_after


class LoginLimits:
    def __init__(
        self, client: Any, prefix: str, *, per_address: int, per_account: int, window_s: int
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.per_address = per_address
        self.per_account = per_account
        self.window_s = window_s

    def _key(self, kind: str, value: str) -> str:
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # no address or email kept
        return f"{self.prefix}:login:{kind}:{{{digest}}}"

    def attempt(self, *, address: str, email: str) -> None:
        """Count this attempt; TooManyAttempts when the address or the account is over."""
        by_address = self._key("addr", address)
        count = self.client.incr(by_address)
        if count == 1:
            self.client.expire(by_address, self.window_s)
        if count > self.per_address:
            raise TooManyAttempts(self._ttl(by_address))
        by_account = self._key("acct", email.strip().lower())
        if int(self.client.get(by_account) or 0) >= self.per_account:
            raise TooManyAttempts(self._ttl(by_account))

    def failed(self, *, email: str) -> None:
        key = self._key("acct", email.strip().lower())
        if self.client.incr(key) == 1:
            self.client.expire(key, self.window_s)

    def succeeded(self, *, email: str) -> None:
        self.client.delete(self._key("acct", email.strip().lower()))

    def _ttl(self, key: str) -> int:
        return max(1, int(self.client.ttl(key)))
