"""Flask application factory: blueprints, error handlers, limits, CORS, request ids, logs."""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import logging
import re
import threading
import time
from collections.abc import Callable

from flask import Flask, Response, g, request
from flask_cors import CORS
from flask_limiter import ExemptionScope, Limiter
from spectree import Response as Responses

from api import (
    analytics,
    api_keys,
    assistants,
    audio,
    audit,
    auth,
    chat,
    data_sources,
    documents,
    feedback,
    health,
    knowledge_bases,
    mcp_servers,
    me,
    openai_compat,
    openapi,
    organisations,
    prompts,
    public,
    search,
    sessions,
    sso,
    users,
    web_sources,
    webhooks,
    widget,
)
from api.cors import install_assistant_cors
from api.deps import (
    SERVICES_EXTENSION,
    SESSION_HEADER,
    presented_key,
    require_platform_admin,
    resolve_caller,
)
from api.errors import register_error_handlers
from api.health import is_metrics_scraper, may_see_details
from composition import Services, build_services
from config import Settings, get_settings
from ingestion.stats import QueueCollector
from utils import metrics
from utils.asgi import request_id_of
from utils.logging import configure_logging, request_id_var

log = logging.getLogger("app.access")

REQUEST_ID_HEADER = "X-Request-Id"
# API responses are data, never pages: nothing may run, frame or sniff them.
API_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
DOCS_PREFIX = "/docs"
# The docs pages carry their scripts and styles inline (no CDN) and fetch only the
# contract: nothing else may load, and no other site may frame them.
DOCS_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' "
        "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "worker-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# Keyed routes spend their key's budget: asking and what goes with a conversation...
CHAT_BLUEPRINTS = (
    chat.bp, openai_compat.bp, audio.bp, feedback.bp, sessions.bp, me.bp, search.bp,
)  # fmt: skip
# ...and managing the organisation, on a budget of its own.
MANAGEMENT_BLUEPRINTS = (
    documents.bp, organisations.bp, knowledge_bases.bp, assistants.bp, prompts.bp,
    api_keys.bp, analytics.bp, audit.bp, users.bp, webhooks.bp, sso.bp, mcp_servers.bp,
)  # fmt: skip

ServicesFactory = Callable[[Settings], Services]


def limiter_storage_uri(settings: Settings) -> str:
    url = settings.redis_url_or_local
    if settings.redis_cluster:
        return re.sub(r"^rediss?://", "redis+cluster://", url)
    return url


def create_app(
    settings: Settings | None = None, *, services_factory: ServicesFactory | None = None
) -> Flask:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    app = Flask(__name__)
    app.config.update(
        SETTINGS=settings,
        # Uploads may be larger than other requests; each route checks its own limit.
        MAX_CONTENT_LENGTH=max(
            settings.chat_request_limit,
            settings.max_upload_bytes,
            settings.audio_max_bytes,
            settings.data_source_max_bytes + 65536,
        )
        + 65536,
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    _install_services(app, settings, services_factory or build_services)
    _install_request_ids(app)
    register_error_handlers(app)

    if settings.cors_origins:
        CORS(app, origins=settings.cors_origins, expose_headers=[REQUEST_ID_HEADER])
    install_assistant_cors(app, expose=[REQUEST_ID_HEADER])
    _install_rate_limits(app, settings)

    from cli import register_commands

    register_commands(app)

    @app.get("/metrics")
    @openapi.document(resp=Responses(HTTP_200=None), tags=["probes"])
    def prometheus_metrics() -> Response:
        """Prometheus metrics (text exposition format), summed over all workers: the
        whole deployment's figures, for a platform admin or METRICS_TOKEN (unless
        PROBE_DETAILS=public)."""
        if not (may_see_details() or is_metrics_scraper()):
            require_platform_admin()
        try:
            services = app.extensions[SERVICES_EXTENSION]()
        except Exception:  # a store away: this process's figures still count
            log.warning("metrics without the ingestion queue's: services not open")
            body, content_type = metrics.render()
        else:
            queue = QueueCollector(services.queue.stats, services.queue.depth)
            body, content_type = metrics.render(queue)
        return Response(body, content_type=content_type)

    for blueprint in (
        health.bp,
        chat.bp,
        search.bp,
        openai_compat.bp,
        audio.bp,
        documents.bp,
        organisations.bp,
        knowledge_bases.bp,
        web_sources.bp,
        assistants.bp,
        data_sources.bp,
        mcp_servers.bp,
        prompts.bp,
        api_keys.bp,
        feedback.bp,
        analytics.bp,
        audit.bp,
        sessions.bp,
        public.bp,
        widget.bp,
        me.bp,
        auth.bp,
        sso.bp,
        users.bp,
        webhooks.bp,
    ):
        app.register_blueprint(blueprint)
    openapi.register(app)
    if settings.validate_responses:
        openapi.install_response_validation(app)
    return app


def _install_services(app: Flask, settings: Settings, factory: ServicesFactory) -> None:
    """The services are built on first use, in the worker process (after fork)."""
    lock = threading.Lock()
    holder: list[Services] = []

    def get_services() -> Services:
        if not holder:
            with lock:
                if not holder:
                    holder.append(factory(settings))
        return holder[0]

    app.extensions[SERVICES_EXTENSION] = get_services


def _install_rate_limits(app: Flask, settings: Settings) -> None:
    """One budget per key across every chat route (the key's own limit, else RATE_LIMIT),
    spent as well by the web-chat sessions the key opened; one per key across the
    management routes (the key's own limit, else ADMIN_RATE_LIMIT); requests without a
    valid key share a budget per client address."""

    def client_address() -> str:
        return "ip:" + (request.remote_addr or "unknown")

    def presents_credentials() -> bool:
        return bool(presented_key() or request.headers.get(SESSION_HEADER))

    def caller_key() -> str:
        caller = resolve_caller() if presents_credentials() else None
        return "key:" + caller.key_id if caller is not None else client_address()

    def known_caller() -> bool:
        return presents_credentials() and resolve_caller() is not None

    def own_limit(default: str) -> Callable[[], str]:
        def limit() -> str:
            caller = resolve_caller() if presents_credentials() else None
            return (caller.rate_limit if caller else None) or default

        return limit

    limiter = Limiter(
        key_func=caller_key,
        app=app,
        storage_uri=limiter_storage_uri(settings),
        storage_options={"socket_timeout": 2, "socket_connect_timeout": 2},
        headers_enabled=True,
        # Redis down must not turn into 500s here: the chat itself answers 503.
        swallow_errors=True,
        strategy="fixed-window",
        # One budget per address over every route for requests without a valid key.
        application_limits=[settings.anonymous_rate_limit],
        application_limits_exempt_when=known_caller,
    )
    chat_budget = limiter.shared_limit(
        own_limit(settings.rate_limit), scope="chat", exempt_when=lambda: not known_caller()
    )
    for blueprint in CHAT_BLUEPRINTS:
        chat_budget(blueprint)
    admin_budget = limiter.shared_limit(
        own_limit(settings.admin_rate_limit), scope="admin",
        exempt_when=lambda: not known_caller(),
    )  # fmt: skip
    for blueprint in MANAGEMENT_BLUEPRINTS:
        admin_budget(blueprint)
    # Visitors of public assistants: their own budget per address, not the one above.
    limiter.exempt(public.bp, flags=ExemptionScope.APPLICATION)
    limiter.limit(settings.public_rate_limit, key_func=client_address)(public.bp)
    limiter.exempt(health.bp)
    limiter.request_filter(lambda: request.path == "/metrics")


def _install_request_ids(app: Flask) -> None:
    @app.before_request
    def start() -> None:
        g.request_id = request_id_of(request.headers.get(REQUEST_ID_HEADER, ""))
        g.token = request_id_var.set(g.request_id)
        g.started = time.perf_counter()

    @app.after_request
    def finish(response: Response) -> Response:
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "-")
        _security_headers(response)
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
                "duration_ms": round(elapsed * 1000, 1),
                "key_id": g.get("key_id"),
            },
        )
        return response

    @app.teardown_request
    def reset(_exc: BaseException | None) -> None:
        token = g.pop("token", None)
        if token is not None:
            request_id_var.reset(token)


def _security_headers(response: Response) -> None:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    headers = (
        DOCS_SECURITY_HEADERS if request.path.startswith(DOCS_PREFIX) else API_SECURITY_HEADERS
    )
    for name, value in headers.items():
        response.headers.setdefault(name, value)
    if request.path.startswith("/v1/"):
        # Conversations, keys and documents must not linger in shared caches.
        response.headers["Cache-Control"] = "no-store"
    if response.status_code not in (429, 503):
        response.headers.pop("Retry-After", None)
