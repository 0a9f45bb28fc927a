"""Probes for load balancers: /health (what runs, what is broken) and /ready."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

bp = Blueprint("health", __name__)


@bp.get("/health")
def health() -> Response:
    checks = current_app.extensions["chat_service"]().health()
    healthy = checks["redis"]["ok"] and checks["qdrant"]["ok"] and checks["llm"]["ok"]
    response = jsonify({"status": "ok" if healthy else "degraded", **checks})
    response.status_code = 200 if healthy else 503
    return response


@bp.get("/ready")
def ready() -> Response:
    checks = current_app.extensions["chat_service"]().ready()
    is_ready = all(check["ok"] for check in checks.values())
    response = jsonify({"ready": is_ready, **checks})
    response.status_code = 200 if is_ready else 503
    return response
