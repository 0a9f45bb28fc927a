"""The organisation's MCP servers (admin scope): POST|GET /v1/mcp-servers,
GET|DELETE /v1/mcp-servers/{id}. A server is kept only once it answered with its tools;
its assistants may then call the tools listed in their `mcp_tools`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from flask import Blueprint, Response, g, jsonify
from pydantic import BaseModel, Field

from api.audit_trail import audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import DeletedRecord, Strict
from api.requests import json_body
from api.routing import Routes
from mcp_tools import catalog
from mcp_tools.connection import Reach, ToolServerError
from mcp_tools.toolbox import TOOL_LISTS
from tenancy import crud
from tenancy.models import McpServer

bp = Blueprint("mcp_servers", __name__, url_prefix="/v1/mcp-servers")
routes = Routes(bp, tag="MCP servers")
SERVER_NAME = r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$"
HTTP_URL = r"^https?://[^\s]+$"


class NoAuth(Strict):
    type: Literal["none"]


class BearerAuth(Strict):
    type: Literal["bearer"]
    token: str = Field(..., min_length=1, max_length=4000)


class ClientCredentials(Strict):
    type: Literal["oauth_client_credentials"]
    token_url: str = Field(..., max_length=2000, pattern=HTTP_URL)
    client_id: str = Field(..., min_length=1, max_length=300)
    client_secret: str = Field(..., min_length=1, max_length=4000)
    scope: str | None = Field(None, max_length=500)


class McpServerIn(Strict):
    name: str = Field(..., pattern=SERVER_NAME, description="letters, digits, space . _ -")
    url: str = Field(..., max_length=2000, pattern=HTTP_URL, description="its /mcp endpoint")
    auth: Annotated[NoAuth | BearerAuth | ClientCredentials, Field(discriminator="type")] = NoAuth(
        type="none"
    )


class McpToolOut(BaseModel):
    name: str
    description: str
    input_schema: dict[str, Any]


class McpServerOut(BaseModel):
    id: str
    name: str
    url: str
    auth: dict[str, Any] = Field(..., description="its type (never the secret)")
    tools: list[McpToolOut] | None = Field(..., description="null when it cannot be reached")
    error: str | None
    created_at: str


class McpServerList(BaseModel):
    mcp_servers: list[McpServerOut]
    model_configured: bool = Field(
        ..., description="tools are called only by a language model: false means none is set"
    )
    request_id: str


@routes.post(
    "", scope="admin", json=McpServerIn, ok={201: McpServerOut}, errors=(400, 409, 415, 422)
)
def register() -> tuple[Response, int]:
    """Asks the server for its tools at once: a server that cannot be reached, refuses the
    credentials or sits on an internal address is a 422 saying why, and nothing is kept."""
    payload = McpServerIn.model_validate(json_body())
    services = get_services()
    with services.db.session() as session:
        try:
            record, tools = catalog.register(
                session, box=services.box, reach=reach(), org_id=current_caller().org_id,
                name=payload.name, url=payload.url, auth=payload.auth.model_dump(),
            )  # fmt: skip
        except catalog.BadServer as exc:
            raise ApiError(422, str(exc)) from exc
        audited(session, "mcp_server.created", "mcp_server", record.id,
                {"name": record.name, "url": record.url, "auth": record.auth_type})  # fmt: skip
        return jsonify(catalog.server_out(record, tools=tools, error=None)), 201


@routes.get("", scope="admin", ok=McpServerList)
def list_all() -> Response:
    """Each server with its tools as it lists them now (kept for a minute), or the reason
    it cannot be reached."""
    services = get_services()
    org_id = current_caller().org_id
    with services.db.session() as session:
        listed = [shown(r) for r in catalog.list_servers(session, org_id=org_id)]
        organisation = crud.get_organisation(session, org_id=org_id)
        own_model = bool(organisation.llm_base_url and organisation.llm_model)
    provider = services.chat.contexts.defaults.provider is not None or own_model
    return jsonify({"mcp_servers": listed, "model_configured": provider,
                    "request_id": g.request_id})  # fmt: skip


@routes.get("/<server_id>", scope="admin", ok=McpServerOut, errors=(404,))
def get(server_id: str) -> Response:
    with get_services().db.session() as session:
        record = catalog.get_server(session, org_id=current_caller().org_id, server_id=server_id)
        return jsonify(shown(record))


@routes.delete("/<server_id>", scope="admin", ok=DeletedRecord, errors=(404,))
def delete(server_id: str) -> Response:
    """Removes the server and its tools from every assistant."""
    services = get_services()
    with services.db.session() as session:
        catalog.delete_server(session, org_id=current_caller().org_id, server_id=server_id)
        audited(session, "mcp_server.deleted", "mcp_server", server_id)
    services.profiles.forget()
    return jsonify({"deleted": True, "id": server_id, "request_id": g.request_id})


def shown(record: McpServer) -> dict[str, Any]:
    secret = record.secret_encrypted and get_services().box.decrypt(record.secret_encrypted)
    ref = catalog.ToolRef(catalog.access_of(record, secret=secret or None), "")
    try:
        tools = [catalog.tool_out(t) for t in TOOL_LISTS.of(ref, reach())]
    except ToolServerError as exc:
        return catalog.server_out(record, tools=None, error=str(exc))
    return catalog.server_out(record, tools=tools, error=None)


def reach() -> Reach:
    settings = get_services().settings
    return Reach(tuple(settings.mcp_allowed_hosts), settings.mcp_tool_timeout_seconds)
