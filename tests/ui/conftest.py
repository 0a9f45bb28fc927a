"""A real API over HTTP (the Flask app on a threaded server) for the web chat to talk to."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.app_fixtures import empty_qdrant, llm_app, make_app, stub  # noqa: F401 - shared fixtures
from utils.local_redis import free_port


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@pytest.fixture
def live_api(make_app: Callable[..., Flask]) -> Iterator[str]:  # noqa: F811
    with serve(make_app()) as url:
        yield url
