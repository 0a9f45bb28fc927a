"""Analytics over turn records and feedback: a time series per interval, and the
questions that found nothing, grouped by meaning.

One indexed range scan per query ((org_id, assistant_id, created_at)) fetches the few
columns the figures need; the grouping and the percentiles are computed here, the
same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from tenancy.models import SMALL_TALK, Feedback, TurnRecord

INTERVALS = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(weeks=1)}
SIMILAR_QUESTIONS = 0.8  # cosine above which two unanswered questions are one group
UNANSWERED_SCAN = 2000  # the most recent unanswered questions considered


def bucket_start(moment: datetime, interval: str) -> datetime:
    start = moment.replace(minute=0, second=0, microsecond=0)
    if interval in ("day", "week"):
        start = start.replace(hour=0)
    if interval == "week":
        start -= timedelta(days=start.weekday())
    return start


FIGURES = (
    "turns", "conversations", "not_found_rate", "refusal_rate", "escalation_rate",
    "feedback_up", "feedback_down", "latency_p50_ms", "latency_p95_ms", "tokens",
)  # fmt: skip


def _scoped(query: Any, model: Any, org_id: str, assistant_id: str | None) -> Any:
    query = query.where(model.org_id == org_id)
    return query.where(model.assistant_id == assistant_id) if assistant_id else query


def _figures(
    turns: np.ndarray,
    conversations: int,
    not_found: int,
    refused: int,
    escalated: int,
    up: int,
    down: int,
    tokens: int,
) -> dict[str, Any]:
    """`turns`: the latencies of the turns (ms)."""
    count = len(turns)

    def rate(n: int) -> float | None:
        return round(n / count, 4) if count else None

    def percentile(q: int) -> float | None:
        return round(float(np.percentile(turns, q)), 1) if count else None

    return {
        "turns": count,
        "conversations": conversations,
        "not_found_rate": rate(not_found),
        "refusal_rate": rate(refused),
        "escalation_rate": rate(escalated),
        "feedback_up": up,
        "feedback_down": down,
        "latency_p50_ms": percentile(50),
        "latency_p95_ms": percentile(95),
        "tokens": tokens,
    }


def _bucket_of(moments: list[datetime], origin: datetime, step: timedelta) -> np.ndarray:
    seconds = np.array([m.timestamp() for m in moments], dtype=np.float64)
    return ((seconds - origin.timestamp()) // step.total_seconds()).astype(np.int64)


def series(
    session: Session,
    *,
    org_id: str,
    assistant_id: str | None,
    since: datetime,
    until: datetime,
    interval: str,
) -> dict[str, Any]:
    """Figures per interval from `since` to `until`, and over the whole range. The rows
    are read once and grouped with numpy (no per-row Python work beyond decoding)."""
    origin, step = bucket_start(since, interval), INTERVALS[interval]
    starts = []
    moment = origin
    while moment < until:
        starts.append(moment)
        moment += step
    n = len(starts)
    query = _scoped(
        select(
            TurnRecord.created_at, TurnRecord.conversation_hash, TurnRecord.latency_ms,
            TurnRecord.found, TurnRecord.refused, TurnRecord.escalated, TurnRecord.tokens,
            TurnRecord.language, TurnRecord.channel, TurnRecord.mode,
        ),
        TurnRecord, org_id, assistant_id,
    ).where(TurnRecord.created_at >= since, TurnRecord.created_at < until)  # fmt: skip
    rows = session.execute(query).all()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(10)]
    (
        created,
        conversation,
        latency,
        found,
        refused,
        escalated,
        tokens,
        languages,
        channels,
        modes,
    ) = columns
    greeted = np.array([mode == SMALL_TALK for mode in modes], dtype=bool)
    bucket = _bucket_of(list(created), origin, step)
    latency_ms = np.array(latency, dtype=np.float64)
    refused_ = np.array(refused, dtype=bool)
    escalated_ = np.array(escalated, dtype=bool)
    # A greeting or a thanks found nothing and asked for nothing either.
    not_found = ~np.array(found, dtype=bool) & ~refused_ & ~escalated_ & ~greeted
    token_counts = np.array([t or 0 for t in tokens], dtype=np.int64)
    index: dict[str, int] = {}
    codes = np.fromiter(
        (index.setdefault(c, len(index)) for c in conversation), dtype=np.int64, count=len(rows)
    )
    width = max(len(index), 1)
    # A conversation counts once per interval it was active in.
    conversations_per = np.bincount(np.unique(bucket * width + codes) // width, minlength=n)

    ratings = _scoped(
        select(Feedback.updated_at, Feedback.rating), Feedback, org_id, assistant_id
    ).where(Feedback.updated_at >= since, Feedback.updated_at < until)
    rated = session.execute(ratings).all()
    rated_bucket = _bucket_of([r[0] for r in rated], origin, step)
    ups = np.array([r[1] == "up" for r in rated], dtype=bool)

    def counts(mask: np.ndarray, where: np.ndarray = bucket) -> np.ndarray:
        return np.bincount(where[mask], minlength=n)

    per = {
        "not_found": counts(not_found), "refused": counts(refused_),
        "escalated": counts(escalated_), "up": counts(ups, rated_bucket),
        "down": counts(~ups, rated_bucket),
        "tokens": np.bincount(bucket, weights=token_counts, minlength=n).astype(np.int64),
    }  # fmt: skip
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(n + 1))
    points = []
    for i, start in enumerate(starts):
        latencies = latency_ms[order[bounds[i] : bounds[i + 1]]]
        points.append(
            {
                "start": start.isoformat(),
                **_figures(
                    latencies, int(conversations_per[i]), int(per["not_found"][i]),
                    int(per["refused"][i]), int(per["escalated"][i]), int(per["up"][i]),
                    int(per["down"][i]), int(per["tokens"][i]),
                ),
            }
        )  # fmt: skip
    totals = _figures(
        latency_ms, len(index), int(not_found.sum()), int(refused_.sum()),
        int(escalated_.sum()), int(ups.sum()), int((~ups).sum()), int(token_counts.sum()),
    )  # fmt: skip
    by_channel = Counter(channel or "unknown" for channel in channels)
    return {"totals": totals, "series": points, "languages": _by_language(languages, not_found),
            "channels": dict(by_channel.most_common())}  # fmt: skip


def _by_language(languages: Any, not_found: np.ndarray) -> dict[str, dict[str, Any]]:
    """Turns and the not-found rate per question language ("unknown": turns recorded
    before languages were)."""
    found: dict[str, list[int]] = {}
    for language, missed in zip(languages, not_found, strict=True):
        figures = found.setdefault(language or "unknown", [0, 0])
        figures[0] += 1
        figures[1] += int(missed)
    return {
        language: {"turns": turns, "not_found_rate": round(missed / turns, 4)}
        for language, (turns, missed) in sorted(found.items(), key=lambda kv: -kv[1][0])
    }


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
            TurnRecord.mode != SMALL_TALK,
        )
        .order_by(TurnRecord.created_at.desc())
        .limit(UNANSWERED_SCAN)
    ).all()
    if not rows:
        return []
    texts = [question for question, _ in rows]
    distinct = list(dict.fromkeys(" ".join(t.split()).lower() for t in texts))
    vectors = encode(distinct, query=True)  # questions compared with each other
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
