"""Daily turn quotas of public assistants (the widget and every /v1/public route that
answers): per visitor, per client address and per assistant, counted in Redis from
midnight UTC, so that an assistant id copied from a site's page and replayed from
anywhere spends the same bounded budget. One script checks and counts all three at
once (their keys share a cluster slot: the assistant's id in braces)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

# KEYS: the counters; ARGV: each one's limit (0: none), then how long a counter is kept.
# Nothing is counted when any counter is at its limit: the first such one's index is
# returned (1-based), else 0.
SPEND = """
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i])
  if limit > 0 and tonumber(redis.call('GET', key) or '0') >= limit then return i end
end
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[#KEYS + 1])
end
return 0
"""
KINDS = ("visitor", "address", "assistant")
KEEP_SECONDS = 2 * 86_400  # a day's counters outlive it a little (clock edges)


@dataclass(frozen=True)
class Spent:
    """A quota that is used up: which, its limit, and seconds until it starts again."""

    kind: str
    limit: int
    retry_after: int


class PublicQuotas:
    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self._spend = client.register_script(SPEND)

    def spend(
        self,
        *,
        assistant_id: str,
        visitor: str,
        address: str,
        limits: tuple[int | None, int | None, int | None],
        now: datetime | None = None,
    ) -> Spent | None:
        """Count one turn against the three quotas (visitor, address, assistant); the
        first one already at its limit instead, and nothing is counted."""
        now = now or datetime.now(UTC)
        day = now.strftime("%Y%m%d")
        base = f"{self.prefix}:quota:{{{assistant_id}}}:{day}"
        keys = [f"{base}:visitor:{_digest(visitor)}", f"{base}:address:{_digest(address)}",
                f"{base}:all"]  # fmt: skip
        arguments = [limit or 0 for limit in limits] + [KEEP_SECONDS]
        over = int(self._spend(keys=keys, args=arguments))
        if not over:
            return None
        midnight = datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=1)
        limit = limits[over - 1]
        assert limit is not None  # only a set limit can be reached
        return Spent(KINDS[over - 1], limit, max(1, int((midnight - now).total_seconds())))

    def used(self, *, assistant_id: str, now: datetime | None = None) -> int:
        """Turns the assistant's public visitors took today."""
        day = (now or datetime.now(UTC)).strftime("%Y%m%d")
        return int(self.client.get(f"{self.prefix}:quota:{{{assistant_id}}}:{day}:all") or 0)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]  # no visitor id or address kept
