"""Probes for load balancers: /health (what runs, what is broken) and /ready."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify
from spectree import Response as Responses

from api.openapi import document
from api.schemas import HealthResponse, ReadyResponse

bp = Blueprint("health", __name__)


@bp.get("/health")
@document(resp=Responses(HTTP_200=HealthResponse, HTTP_503=HealthResponse), tags=["probes"])
def health() -> Response:
    checks = current_app.extensions["chat_service"]().health()
    serving = checks["redis"]["ok"] and checks["qdrant"]["ok"]
    # A failing LLM degrades answers (they fall back to quotes) but does not stop service.
    status = "ok" if serving and checks["llm"]["ok"] else "degraded" if serving else "down"
    response = jsonify({"status": status, **checks})
    response.status_code = 200 if serving else 503
    return response


@bp.get("/ready")
@document(resp=Responses(HTTP_200=ReadyResponse, HTTP_503=ReadyResponse), tags=["probes"])
def ready() -> Response:
    checks = current_app.extensions["chat_service"]().ready()
    is_ready = all(check["ok"] for check in checks.values())
    response = jsonify({"ready": is_ready, **checks})
    response.status_code = 200 if is_ready else 503
    return response
