"""An organisation's MCP servers as records: registered (the address checked, the server
asked for its tools, its secret encrypted), listed, removed (and taken off every
assistant), and read back as what an assistant's turn needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mcp_tools.connection import Reach, ServerAccess, ToolServerError, list_tools
from tenancy import crud
from tenancy.models import Assistant, McpServer, new_id
from tenancy.secrets_box import SecretsBox

AUTH_TYPES = ("none", "bearer", "oauth_client_credentials")


class BadServer(ValueError):
    """The registration cannot be kept: the message says why (a 422)."""


@dataclass(frozen=True)
class ToolRef:
    """One tool an assistant may call: the server to reach and the tool's name there."""

    server: ServerAccess
    tool: str


def register(
    session: Session,
    *,
    box: SecretsBox,
    reach: Reach,
    org_id: str,
    name: str,
    url: str,
    auth: dict[str, Any],
) -> tuple[McpServer, list[dict[str, Any]]]:
    """Keep the server once it answered with its tools (returned); BadServer otherwise,
    and nothing is kept."""
    kind = auth.get("type", "none")
    record = McpServer(
        id=new_id("mcp"), org_id=org_id, name=name, url=url, auth_type=kind,
        token_url=auth.get("token_url"), client_id=auth.get("client_id"), scope=auth.get("scope"),
    )  # fmt: skip
    secret = auth.get("token") if kind == "bearer" else auth.get("client_secret")
    try:
        tools = list_tools(access_of(record, secret=secret), reach)
    except ToolServerError as exc:
        raise BadServer(str(exc)) from exc
    record.secret_encrypted = box.encrypt(secret) if secret else None
    session.add(record)
    try:
        session.flush()
    except IntegrityError as exc:
        raise crud.Conflict(f"an MCP server named {name!r} already exists") from exc
    return record, [tool_out(t) for t in tools]


def list_servers(session: Session, *, org_id: str) -> list[McpServer]:
    query = select(McpServer).where(McpServer.org_id == org_id)
    return list(session.scalars(query.order_by(McpServer.created_at, McpServer.id)))


def get_server(session: Session, *, org_id: str, server_id: str) -> McpServer:
    record = session.get(McpServer, server_id)
    if record is None or record.org_id != org_id:
        raise crud.NotFound("MCP server", server_id)
    return record


def delete_server(session: Session, *, org_id: str, server_id: str) -> None:
    """Remove the server and its tools from every assistant of the organisation."""
    record = get_server(session, org_id=org_id, server_id=server_id)
    for assistant in session.scalars(select(Assistant).where(Assistant.org_id == org_id)):
        kept = [t for t in assistant.mcp_tools or [] if t.get("server_id") != server_id]
        if kept != (assistant.mcp_tools or []):
            assistant.mcp_tools = kept
    session.delete(record)
    session.flush()


def access_of(record: McpServer, *, secret: str | None) -> ServerAccess:
    return ServerAccess(
        id=record.id, name=record.name, url=record.url, auth_type=record.auth_type,
        secret=secret, token_url=record.token_url, client_id=record.client_id, scope=record.scope,
    )  # fmt: skip


def tools_loader(
    *, box: SecretsBox
) -> Callable[[Session, str, Sequence[Any]], tuple[ToolRef, ...]]:
    """What tenancy.profiles.ProfileStore reads an assistant's allowed tools with."""

    def load(session: Session, org_id: str, allowed: Sequence[Any]) -> tuple[ToolRef, ...]:
        servers = {s.id: s for s in list_servers(session, org_id=org_id)}
        refs = []
        for entry in allowed:
            record = servers.get(entry.get("server_id", ""))
            if record is None:
                continue
            secret = box.decrypt(record.secret_encrypted) if record.secret_encrypted else None
            refs.append(ToolRef(access_of(record, secret=secret), str(entry.get("tool", ""))))
        return tuple(refs)

    return load


def server_out(record: McpServer, *, tools: list[dict[str, Any]] | None, error: str | None) -> dict:
    """As the API shows it: never the secret."""
    return {
        "id": record.id, "name": record.name, "url": record.url,
        "auth": {"type": record.auth_type,
                 **({"token_url": record.token_url, "client_id": record.client_id,
                     "scope": record.scope} if record.auth_type == AUTH_TYPES[2] else {})},
        "tools": tools, "error": error,
        "created_at": record.created_at.isoformat(),
    }  # fmt: skip


def tool_out(spec: Any) -> dict[str, Any]:
    return {"name": spec.name, "description": spec.description, "input_schema": spec.input_schema}
