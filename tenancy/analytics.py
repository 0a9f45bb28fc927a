"""Analytics over turn records and feedback: a time series per interval, and the
questions that found nothing, grouped by meaning.

One indexed range scan per query ((org_id, assistant_id, created_at)) fetches the few
columns the figures need; the grouping and the percentiles are computed here, the
same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from tenancy.models import Feedback, TurnRecord

INTERVALS = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(weeks=1)}
SIMILAR_QUESTIONS = 0.8  # cosine above which two unanswered questions are one group
UNANSWERED_SCAN = 5000  # the most recent unanswered questions considered


def bucket_start(moment: datetime, interval: str) -> datetime:
    start = moment.replace(minute=0, second=0, microsecond=0)
    if interval in ("day", "week"):
        start = start.replace(hour=0)
    if interval == "week":
        start -= timedelta(days=start.weekday())
    return start


@dataclass
class _Bucket:
    turns: int = 0
    not_found: int = 0
    refused: int = 0
    escalated: int = 0
    tokens: int = 0
    up: int = 0
    down: int = 0

    def __post_init__(self) -> None:
        self.conversations: set[str] = set()
        self.latencies: list[float] = []

    def figures(self) -> dict[str, Any]:
        turns = self.turns or 1
        latencies = np.array(self.latencies) if self.latencies else None
        return {
            "turns": self.turns,
            "conversations": len(self.conversations),
            "not_found_rate": round(self.not_found / turns, 4) if self.turns else None,
            "refusal_rate": round(self.refused / turns, 4) if self.turns else None,
            "escalation_rate": round(self.escalated / turns, 4) if self.turns else None,
            "feedback_up": self.up,
            "feedback_down": self.down,
            "latency_p50_ms": _percentile(latencies, 50),
            "latency_p95_ms": _percentile(latencies, 95),
            "tokens": self.tokens,
        }


def _percentile(values: np.ndarray | None, q: int) -> float | None:
    return None if values is None else round(float(np.percentile(values, q)), 1)


def _scoped(query: Any, model: Any, org_id: str, assistant_id: str | None) -> Any:
    query = query.where(model.org_id == org_id)
    return query.where(model.assistant_id == assistant_id) if assistant_id else query


def series(
    session: Session,
    *,
    org_id: str,
    assistant_id: str | None,
    since: datetime,
    until: datetime,
    interval: str,
) -> dict[str, Any]:
    """Figures per interval from `since` to `until`, and over the whole range."""
    buckets: dict[datetime, _Bucket] = defaultdict(_Bucket)
    total = _Bucket()
    turns = _scoped(
        select(
            TurnRecord.created_at,
            TurnRecord.conversation_hash,
            TurnRecord.latency_ms,
            TurnRecord.found,
            TurnRecord.refused,
            TurnRecord.escalated,
            TurnRecord.tokens,
        ),
        TurnRecord,
        org_id,
        assistant_id,
    ).where(TurnRecord.created_at >= since, TurnRecord.created_at < until)
    for created, conversation, latency, found, refused, escalated, tokens in session.execute(turns):
        for bucket in (buckets[bucket_start(created, interval)], total):
            bucket.turns += 1
            bucket.conversations.add(conversation)
            bucket.latencies.append(latency)
            bucket.not_found += not found and not refused and not escalated
            bucket.refused += refused
            bucket.escalated += escalated
            bucket.tokens += tokens or 0
    ratings = _scoped(
        select(Feedback.updated_at, Feedback.rating), Feedback, org_id, assistant_id
    ).where(Feedback.updated_at >= since, Feedback.updated_at < until)
    for updated, rating in session.execute(ratings):
        for bucket in (buckets[bucket_start(updated, interval)], total):
            if rating == "up":
                bucket.up += 1
            else:
                bucket.down += 1
    points = []
    moment, step = bucket_start(since, interval), INTERVALS[interval]
    while moment < until:
        points.append({"start": moment.isoformat(), **buckets.get(moment, _Bucket()).figures()})
        moment += step
    return {"totals": total.figures(), "series": points}


def unanswered(
    session: Session,
    *,
    org_id: str,
    assistant_id: str | None,
    since: datetime,
    until: datetime,
    encode: Any,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """The most frequent questions that found nothing, similar wordings grouped: what to
    add to the knowledge base next. Refused questions are not counted."""
    rows = session.execute(
        _scoped(
            select(TurnRecord.question, TurnRecord.created_at), TurnRecord, org_id, assistant_id
        )
        .where(
            TurnRecord.created_at >= since,
            TurnRecord.created_at < until,
            TurnRecord.found.is_(False),
            TurnRecord.refused.is_(False),
            TurnRecord.escalated.is_(False),
            TurnRecord.question.is_not(None),
        )
        .order_by(TurnRecord.created_at.desc())
        .limit(UNANSWERED_SCAN)
    ).all()
    if not rows:
        return []
    texts = [question for question, _ in rows]
    distinct = list(dict.fromkeys(" ".join(t.split()).lower() for t in texts))
    vectors = encode(distinct)
    index = {text: i for i, text in enumerate(distinct)}
    # Greedy grouping: each distinct wording joins the first group it is close to.
    leaders: list[int] = []
    group_of: dict[int, int] = {}
    for i in range(len(distinct)):
        if leaders:
            scores = vectors[leaders] @ vectors[i]
            best = int(np.argmax(scores))
            if scores[best] >= SIMILAR_QUESTIONS:
                group_of[i] = best
                continue
        group_of[i] = len(leaders)
        leaders.append(i)
    groups: dict[int, dict[str, Any]] = {}
    for question, created in rows:
        g = group_of[index[" ".join(question.split()).lower()]]
        group = groups.setdefault(
            g, {"question": question, "count": 0, "last_asked": created, "examples": []}
        )
        group["count"] += 1
        if question not in group["examples"] and len(group["examples"]) < 5:
            group["examples"].append(question)
    ranked = sorted(groups.values(), key=lambda g: (-g["count"], g["question"]))[:limit]
    for group in ranked:
        group["last_asked"] = group["last_asked"].isoformat()
    return ranked
