"""JSON logs, one line per event, each carrying the request id of the request it is for."""

from __future__ import annotations

import contextvars
import logging
import sys

from pythonjsonlogger.json import JsonFormatter

from utils.gunicorn_logs import UnderstoodNoise

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class TaskArgumentsFilter(logging.Filter):
    """Celery's task lines carry the task's arguments (`data.args`); a mail task's are the
    message itself, invitation and reset links included: they are never written."""

    def filter(self, record: logging.LogRecord) -> bool:
        data = getattr(record, "data", None)
        if isinstance(data, dict) and ("args" in data or "kwargs" in data):
            record.data = {**data, "args": "(hidden)", "kwargs": "(hidden)"}
        return True


class StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (it may be redirected after start)."""

    @property  # type: ignore[override]
    def stream(self):  # type: ignore[no-untyped-def]
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def configure_logging(level: str = "INFO") -> None:
    """Route every logger (ours, gunicorn's, uvicorn's) to JSON on stderr."""
    handler = StderrHandler()
    handler.setFormatter(
        JsonFormatter(
            # The process: which of several workers (or the Qdrant host) wrote the line.
            "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(process)d",
            rename_fields={
                "asctime": "time",
                "levelname": "level",
                "name": "logger",
                "process": "pid",
            },
        )
    )
    handler.addFilter(RequestIdFilter())
    handler.addFilter(TaskArgumentsFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("gunicorn.error", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    gunicorn = logging.getLogger("gunicorn.error")
    if not any(isinstance(f, UnderstoodNoise) for f in gunicorn.filters):
        gunicorn.addFilter(UnderstoodNoise())  # in each worker too (utils/gunicorn_logs.py)
    # Access lines are ours (with request ids); silence the servers' duplicates.
    for name in ("gunicorn.access", "uvicorn.access", "httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
