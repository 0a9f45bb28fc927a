"""Probes for load balancers: /health (what runs, what is broken) and /ready.

Anyone gets the bare status; the details (connection errors, versions, the model, the
points in the shared collection) are deployment-wide, so only a platform admin sees
them (an organisation's admin included would learn of other organisations' uploads),
unless PROBE_DETAILS=public."""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, current_app, jsonify

from api.deps import get_services, presented_key, resolve_caller
from api.routing import Routes
from api.schemas import HealthResponse, ReadyResponse

bp = Blueprint("health", __name__)
routes = Routes(bp, tag="probes")


def may_see_details() -> bool:
    if current_app.config["SETTINGS"].probe_details == "public":
        return True
    if not presented_key():
        return False
    caller = resolve_caller()
    return caller is not None and caller.platform_admin


def is_metrics_scraper() -> bool:
    """The request carries METRICS_TOKEN (the scraper's credential, /metrics only)."""
    token = current_app.config["SETTINGS"].metrics_token
    return (
        token is not None
        and bool(presented_key())
        and hmac.compare_digest(presented_key().encode(), token.get_secret_value().encode())
    )


@routes.get("/health", scope=None, ok={200: HealthResponse, 503: HealthResponse})
def health() -> Response:
    checks = get_services().probes.health()
    serving = all(checks[name]["ok"] for name in ("redis", "qdrant", "database"))
    # A failing LLM degrades answers (they fall back to quotes) but does not stop service.
    status = "ok" if serving and checks["llm"]["ok"] else "degraded" if serving else "down"
    body = {"status": status, **checks} if may_see_details() else {
        "status": status, "version": checks["version"]
    }  # fmt: skip
    response = jsonify(body)
    response.status_code = 200 if serving else 503
    return response


@routes.get("/ready", scope=None, ok={200: ReadyResponse, 503: ReadyResponse})
def ready() -> Response:
    checks = get_services().probes.ready()
    is_ready = all(check["ok"] for check in checks.values())
    response = jsonify({"ready": is_ready, **checks} if may_see_details() else {"ready": is_ready})
    response.status_code = 200 if is_ready else 503
    return response
