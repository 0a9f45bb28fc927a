"""Which way a turn came in, for analytics: the web chat (its server's key), a site's
widget (a public assistant from a browser), voice, an OpenAI-compatible client, an MCP
client (`/mcp`, which calls the views in-process) or the REST API. The route, one header
and the WSGI environ decide; nothing the visitor types."""

from __future__ import annotations

import hmac

from flask import request

from api.deps import get_services
from utils.web_chat_secret import GUEST_KEY_HEADER

CHANNELS = ("api", "web_chat", "widget", "voice", "openai", "mcp")
# Set in the WSGI environ by api/mcp/gateway.py: no HTTP header can reach this key.
CHANNEL_ENVIRON_KEY = "rag.channel"


def from_web_chat() -> bool:
    """The request comes from the web chat's own server (its key, derived from the web
    chat's secret)."""
    given = request.headers.get(GUEST_KEY_HEADER)
    return bool(given) and hmac.compare_digest(get_services().web_chat_guest_key, given or "")


def channel_of_request() -> str:
    path = request.path
    if request.environ.get(CHANNEL_ENVIRON_KEY) == "mcp":
        return "mcp"
    if path.endswith("/audio"):
        return "voice"
    if from_web_chat():
        return "web_chat"
    if path.startswith("/v1/public/"):
        return "widget"
    if path.startswith(("/v1/chat/completions", "/v1/completions")):
        return "openai"
    return "api"
