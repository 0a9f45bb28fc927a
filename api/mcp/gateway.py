"""The REST API called in-process, as the MCP client's own credential: each MCP tool is a
request to a view (`POST /v1/chat`, `POST /v1/search` ...), so it is authenticated,
scoped, rate-limited, recorded and counted exactly as that view is, with no copy of its
rules. The request never leaves the process: werkzeug builds its WSGI environ and the
Flask app answers it on a worker thread."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread
from flask import Flask
from werkzeug.test import EnvironBuilder, run_wsgi_app

from api.channels import CHANNEL_ENVIRON_KEY
from api.deps import SERVICES_EXTENSION
from tenancy import audit


@dataclass(frozen=True)
class ApiAnswer:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def message(self) -> str:
        """The API's own words for an error (its `error.message`)."""
        error = self.body.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        return f"the API answered {self.status}"


@dataclass(frozen=True)
class McpCaller:
    """Who the MCP request came from: the credential, passed on as presented, and the
    organisation and key it stood for when the request came in (for the audit)."""

    credential: str = field(repr=False)
    remote_addr: str
    request_id: str
    org_id: str
    key_id: str
    prefix: str


class Gateway:
    def __init__(self, app: Flask) -> None:
        self.app = app

    async def call(
        self,
        caller: McpCaller,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        query: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> ApiAnswer:
        builder = EnvironBuilder(
            path=path, method=method, json=json_body, query_string=query,
            headers={"Authorization": f"Bearer {caller.credential}",
                     "X-Request-Id": caller.request_id, **(headers or {})},
            environ_base={"REMOTE_ADDR": caller.remote_addr, CHANNEL_ENVIRON_KEY: "mcp"},
        )  # fmt: skip
        environ = builder.get_environ()
        builder.close()
        return await anyio.to_thread.run_sync(self._run, environ)

    async def audit(self, caller: McpCaller, tool: str, status: int) -> None:
        """The tool call in the organisation's audit log: who, which tool, how it ended
        (not the arguments: a question is the organisation's to log or not)."""

        def write() -> None:
            with self.app.extensions[SERVICES_EXTENSION]().db.session() as session:
                audit.record(
                    session, org_id=caller.org_id, actor_key_id=caller.key_id,
                    actor_prefix=caller.prefix, action="mcp.tool_called", target_type="mcp_tool",
                    target_id=tool, changes={"status": status, "request_id": caller.request_id},
                )  # fmt: skip

        await anyio.to_thread.run_sync(write)

    def _run(self, environ: dict[str, Any]) -> ApiAnswer:
        app_iter, status, headers = run_wsgi_app(self.app.wsgi_app, environ, buffered=True)
        try:
            data = b"".join(app_iter)
        finally:
            close = getattr(app_iter, "close", None)
            if close is not None:
                close()
        try:
            body = json.loads(data) if data else {}
        except ValueError:
            body = {"error": {"message": "the API's answer was not JSON"}}
        status_code = int(status.split(" ", 1)[0])
        return ApiAnswer(status_code, body if isinstance(body, dict) else {}, dict(headers))
