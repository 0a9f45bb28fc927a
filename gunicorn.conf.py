"""Gunicorn settings, from the service's Settings: `gunicorn -c gunicorn.conf.py wsgi:application`."""

import os
import shutil
from pathlib import Path

from config import get_settings

_settings = get_settings()

# prometheus-client multiprocess mode: every worker writes its samples here and /metrics
# adds them up. Set before any worker imports the app; emptied when the master starts.
_metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or _settings.data_dir / "prometheus")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics_dir)


def on_starting(server):  # noqa: ANN001, ANN201 - gunicorn hook signature
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):  # noqa: ANN001, ANN201 - gunicorn hook signature
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


bind = f"{_settings.host}:{_settings.port}"
# Embedded Qdrant locks its folder: one worker (with threads) unless QDRANT_URL is set.
workers = _settings.effective_workers
worker_class = "uvicorn_worker.UvicornWorker"
timeout = _settings.timeout
graceful_timeout = _settings.graceful_timeout
keepalive = 5
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
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}
