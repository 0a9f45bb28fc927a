"""Flask application factory: blueprints, error handlers, limits, request ids, logs."""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from spectree import Response as Responses

from api import chat, documents, health, openai_compat, openapi
from api.auth import rate_limit_key
from api.errors import register_error_handlers
from config import Settings, get_settings
from utils import metrics
from utils.logging import configure_logging, request_id_var

log = logging.getLogger("app.access")

REQUEST_ID_HEADER = "X-Request-Id"
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

ServiceFactory = Callable[[Settings], Any]


def limiter_storage_uri(settings: Settings) -> str:
    url = settings.redis_url_or_local
    if settings.redis_cluster:
        return re.sub(r"^rediss?://", "redis+cluster://", url)
    return url


def create_app(
    settings: Settings | None = None, *, service_factory: ServiceFactory | None = None
) -> Flask:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    app = Flask(__name__)
    app.config.update(
        SETTINGS=settings,
        # Uploads may be larger than other requests; each route checks its own limit.
        MAX_CONTENT_LENGTH=max(settings.max_request_bytes, settings.max_upload_bytes),
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    _install_service(app, settings, service_factory)
    _install_request_ids(app)
    register_error_handlers(app)

    if settings.cors_origins:
        CORS(app, origins=settings.cors_origins, expose_headers=[REQUEST_ID_HEADER])
    limiter = Limiter(
        key_func=rate_limit_key,
        app=app,
        storage_uri=limiter_storage_uri(settings),
        storage_options={"socket_timeout": 2, "socket_connect_timeout": 2},
        headers_enabled=True,
        # Redis down must not turn into 500s here: the chat itself answers 503.
        swallow_errors=True,
        strategy="fixed-window",
    )
    limiter.limit(settings.rate_limit)(chat.bp)
    limiter.limit(settings.rate_limit)(openai_compat.bp)

    from knowledge.cli import kb

    app.cli.add_command(kb)

    @app.get("/metrics")
    @limiter.exempt
    @openapi.document(resp=Responses(HTTP_200=None), tags=["probes"])
    def prometheus_metrics() -> Response:
        """Prometheus metrics (text exposition format), summed over all workers."""
        body, content_type = metrics.render()
        return Response(body, content_type=content_type)

    app.register_blueprint(health.bp)
    app.register_blueprint(chat.bp)
    app.register_blueprint(openai_compat.bp)
    app.register_blueprint(documents.bp)
    openapi.register(app)
    return app


def _install_service(app: Flask, settings: Settings, factory: ServiceFactory | None) -> None:
    """The chat service is built on first use, in the worker process (after fork)."""
    if factory is None:
        from agents.service import build_service

        factory = build_service
    lock = threading.Lock()
    holder: dict[str, Any] = {}

    def get_service() -> Any:
        if "service" not in holder:
            with lock:
                if "service" not in holder:
                    holder["service"] = factory(settings)
        return holder["service"]

    app.extensions["chat_service"] = get_service


def _install_request_ids(app: Flask) -> None:
    @app.before_request
    def start() -> None:
        supplied = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = supplied if _CLIENT_REQUEST_ID.match(supplied) else uuid.uuid4().hex
        g.token = request_id_var.set(g.request_id)
        g.started = time.perf_counter()

    @app.after_request
    def finish(response: Response) -> Response:
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "-")
        route = request.url_rule.rule if request.url_rule else "unmatched"
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        labels = (route, request.method, str(response.status_code))
        metrics.REQUESTS.labels(*labels).inc()
        metrics.REQUEST_SECONDS.labels(*labels).observe(elapsed)
        if response.status_code == 429:
            metrics.RATE_LIMITED.inc()
        log.info(
            "request",
            extra={
                "method": request.method,
                "route": request.url_rule.rule if request.url_rule else request.path,
                "status": response.status_code,
                "duration_ms": round(
                    (time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 1
                ),
                "key_id": g.get("key_id"),
            },
        )
        return response

    @app.teardown_request
    def reset(_exc: BaseException | None) -> None:
        token = g.pop("token", None)
        if token is not None:
            request_id_var.reset(token)
