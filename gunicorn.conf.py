"""Gunicorn settings, from the service's Settings: `gunicorn -c gunicorn.conf.py wsgi:application`."""

import os
import shutil
import socket
from pathlib import Path

from config import get_settings

_settings = get_settings()

# prometheus-client multiprocess mode: every worker writes its samples here and /metrics
# adds them up. Set before any worker imports the app; emptied when the master starts.
_metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or _settings.data_dir / "prometheus")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics_dir)


_qdrant_host = None


def on_starting(server):  # noqa: ANN001, ANN201 - gunicorn hook signature
    global _qdrant_host
    if reuse_port and _port_taken(_settings.host, _settings.port):
        # SO_REUSEPORT would let this instance share the port with another unnoticed.
        server.log.error(f"port {_settings.port} is in use by another process")
        raise SystemExit(1)
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True, exist_ok=True)
    from knowledge.vectors.embedded_host import SOCKET_ENV

    if (
        _settings.qdrant_mode == "embedded"
        and _settings.workers > 1
        and not os.environ.get(SOCKET_ENV)  # launch.py's host, shared with its worker
    ):
        # Embedded Qdrant's folder belongs to one process: a host opens it before the
        # workers start, and they call it (knowledge/vectors/embedded_host.py).
        from knowledge.vectors.embedded_host import HostProcess
        from knowledge.vectors.store import KnowledgeBaseUnavailable

        try:
            _qdrant_host = HostProcess.start(_settings)
        except KnowledgeBaseUnavailable as exc:
            server.log.error(f"cannot start: {exc}")
            raise SystemExit(1) from None
        except KeyboardInterrupt:  # Ctrl-C before gunicorn's own handlers are in place
            server.log.info("stopped while starting")
            raise SystemExit(0) from None
        os.environ.update(_qdrant_host.environment())  # inherited by the workers


def _port_taken(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is free
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def post_worker_init(worker):  # noqa: ANN001, ANN201 - gunicorn hook signature
    # Open the worker's services before it accepts its first connection, so that no
    # request waits for a worker's cold start (the model, the database, the clients).
    # If a dependency is down, the worker starts anyway: /ready says why, and the first
    # request tries again.
    from api.deps import SERVICES_EXTENSION
    from wsgi import flask_app

    try:
        flask_app.extensions[SERVICES_EXTENSION]()
    except Exception:
        worker.log.exception("services not opened at start; retried on the first request")


def when_ready(server):  # noqa: ANN001, ANN201 - gunicorn hook signature
    if reuse_port:  # the master holds no socket then: say where the workers listen
        server.log.info(f"Listening at: http://{bind} ({workers} workers, each on its own "
                        "SO_REUSEPORT socket)")  # fmt: skip


def on_exit(server):  # noqa: ANN001, ANN201 - gunicorn hook signature
    if _qdrant_host is not None:
        _qdrant_host.stop()


def child_exit(server, worker):  # noqa: ANN001, ANN201 - gunicorn hook signature
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
# Each worker listens on its own SO_REUSEPORT socket, so the kernel spreads connections
# evenly; on one shared socket, the worker that wakes first takes a burst of keep-alive
# connections (measured: 42 of 50 on one of two workers).
reuse_port = workers > 1
worker_class = "uvicorn_worker.UvicornWorker"
timeout = _settings.timeout
graceful_timeout = _settings.graceful_timeout
keepalive = 5
# Whose X-Forwarded-For the workers believe (TRUSTED_PROXIES); any other peer counts as itself.
forwarded_allow_ips = ",".join(_settings.trusted_proxies)
# gunicornc's control socket: one per instance, in its data folder (the default is one
# shared path in the home folder, which a second instance would take over).
control_socket = str(_settings.data_dir / "gunicorn.ctl")
# Each worker opens its own Redis/Qdrant clients after fork.
preload_app = False
accesslog = None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    # Two lines that say nothing is wrong are left out (utils/gunicorn_logs.py says why).
    "filters": {"understood": {"()": "utils.gunicorn_logs.UnderstoodNoise"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["understood"]}
    },  # fmt: skip
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}
