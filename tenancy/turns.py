"""Turn records: one row per answered turn, written off the request path.

A turn hands its record to a queue and returns; a writer thread inserts what has
gathered in batches. The cost a turn pays is a queue put (bench/analytics.py measures
it). Records still queued when a process dies are lost: they are statistics, never
conversation state.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import threading
from typing import Any

from sqlalchemy import insert

from tenancy.db import Database, DatabaseError
from tenancy.models import TurnRecord, utcnow
from utils import metrics
from utils.periodic import Periodic

log = logging.getLogger(__name__)

BATCH = 500
QUEUE_LIMIT = 50_000


def conversation_hash(thread_id: str) -> str:
    """What turn records and feedback know a conversation by (its id is not kept)."""
    return hashlib.sha256(thread_id.encode()).hexdigest()


class TurnRecorder:
    def __init__(self, db: Database, *, interval_seconds: float = 0.25) -> None:
        self.db = db
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue(maxsize=QUEUE_LIMIT)
        self._write_lock = threading.Lock()
        self._writer = Periodic("turn-records", interval_seconds, self.flush)

    def record(self, **fields: Any) -> None:
        """Queue a record (never blocks a turn; counted as dropped when the queue is full)."""
        fields.setdefault("created_at", utcnow())
        try:
            self._queue.put_nowait(fields)
        except queue.Full:
            metrics.TURN_RECORDS_DROPPED.inc()

    def flush(self) -> int:
        """Write everything queued now; how many records were written."""
        written = 0
        with self._write_lock:
            while True:
                batch = self._take(BATCH)
                if not batch:
                    return written
                try:
                    with self.db.session() as session:
                        # The table, not the class: a plain executemany, without the
                        # ORM's bulk machinery (this runs beside the turns, on their CPU).
                        session.execute(insert(TurnRecord.__table__), batch)
                    written += len(batch)
                except DatabaseError as exc:  # e.g. its organisation was just deleted
                    metrics.TURN_RECORDS_DROPPED.inc(len(batch))
                    log.warning("turn records not written: %s", type(exc).__name__)
                    return written

    def start(self) -> None:
        self._writer.start()

    def stop(self) -> None:
        self._writer.stop()
        self.flush()

    def _take(self, limit: int) -> list[dict[str, Any]]:
        batch: list[dict[str, Any]] = []
        while len(batch) < limit:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch
