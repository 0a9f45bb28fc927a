"""The ASGI entry point for Gunicorn + Uvicorn workers: `wsgi:application`."""

from __future__ import annotations

from config import get_settings  # first: sets thread/offline environment before numpy loads

# isort: split
from api.mcp.endpoint import with_mcp
from app import create_app
from utils.asgi import body_limit, concurrent_wsgi_to_asgi, route_limits

settings = get_settings()
flask_app = create_app(settings)
application = body_limit(
    with_mcp(concurrent_wsgi_to_asgi(flask_app, threads=settings.threads), flask_app=flask_app),
    max_bytes=settings.max_request_bytes,
    limits=route_limits(
        upload_bytes=settings.max_upload_bytes,
        chat_bytes=settings.chat_request_limit,
        audio_bytes=settings.audio_max_bytes,
        data_source_bytes=settings.data_source_max_bytes,
    ),
)
