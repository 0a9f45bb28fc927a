"""Analytics for an organisation's admins: GET /v1/analytics (a time series per
interval) and GET /v1/analytics/unanswered (what people asked that found nothing)."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, request

from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import AnalyticsOut, UnansweredOut
from api.requests import choice, time_range
from api.routing import Routes
from tenancy import analytics

bp = Blueprint("analytics", __name__, url_prefix="/v1/analytics")
routes = Routes(bp, tag="analytics")

MAX_POINTS = 2000


@routes.get("", scope="insights:read", ok=AnalyticsOut, errors=(400,))
def figures() -> Response:
    """Turns, conversations, not-found, refusal and escalation rates, feedback, latency
    p50/p95 and tokens per `interval` (hour, day or week) from `from` to `to` (the last
    30 days by default), for one assistant (`assistant_id`) or all of them."""
    interval = choice("interval", tuple(analytics.INTERVALS), "day") or "day"
    since, until = time_range(default_days=30)
    if (until - since) / analytics.INTERVALS[interval] > MAX_POINTS:
        raise ApiError(
            400, f"that range has more than {MAX_POINTS} {interval}s: widen the interval"
        )
    assistant_id = request.args.get("assistant_id") or None
    services = get_services()
    services.recorder.flush()  # this process's newest turns count too
    with services.db.session() as session:
        body = analytics.series(
            session, org_id=current_caller().org_id, assistant_id=assistant_id,
            since=since, until=until, interval=interval,
        )  # fmt: skip
    return jsonify(
        {
            "assistant_id": assistant_id,
            "interval": interval,
            "from": since.isoformat(),
            "to": until.isoformat(),
            **body,
            "request_id": g.request_id,
        }
    )


@routes.get("/unanswered", scope="insights:read", ok=UnansweredOut, errors=(400,))
def unanswered() -> Response:
    """The most frequent questions that found nothing (similar wordings grouped, with
    examples), from `from` to `to` (the last 30 days by default): what to add next."""
    since, until = time_range(default_days=30)
    assistant_id = request.args.get("assistant_id") or None
    services = get_services()
    services.recorder.flush()
    with services.db.session() as session:
        groups = analytics.unanswered(
            session, org_id=current_caller().org_id, assistant_id=assistant_id,
            since=since, until=until, encode=services.embeddings.encode_cached,
        )  # fmt: skip
    return jsonify({"assistant_id": assistant_id, "questions": groups, "request_id": g.request_id})
